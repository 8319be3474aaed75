import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Severity } from '../core/severity';
import { LineIndexCache, effectiveSeverity } from '../features/diagnostics';
import type { Workspace } from '../workspace/workspace';

/** A position as LSP counts it (0-based). */
interface Pos {
  line: number;
  character: number;
}

/** One diagnostic as the CLI reports it (the JSON format of shared CONTRACT.md). */
export interface CliDiagnostic {
  file: string;
  range: { start: Pos; end: Pos };
  severity: Severity;
  code: string;
  message: string;
  related: { file: string; range: { start: Pos; end: Pos }; message: string }[];
}

/** A file URI as a path relative to `cwd`, with `/` separators. */
export function displayPath(uri: string, cwd: string): string {
  const file = uri.startsWith('file:') ? fileURLToPath(uri) : uri;
  const rel = path.relative(cwd, file);
  return (rel.startsWith('..') || path.isAbsolute(rel) ? file : rel).split(path.sep).join('/');
}

/** Checks the workspace and returns its diagnostics, sorted by file, then position. */
export function collectDiagnostics(workspace: Workspace, cwd: string): CliDiagnostic[] {
  const lines = new LineIndexCache();
  const out: CliDiagnostic[] = [];
  for (const [uri, findings] of workspace.check()) {
    const text = workspace.getFile(uri)?.text ?? '';
    for (const f of findings) {
      const severity = effectiveSeverity(workspace, f);
      if (!severity) continue;
      out.push({
        file: displayPath(uri, cwd),
        range: lines.get(uri, text).range(f.span),
        severity,
        code: f.ruleId,
        message: f.message,
        related: (f.related ?? []).map((r) => ({
          file: displayPath(r.uri, cwd),
          range: lines.get(r.uri, workspace.getFile(r.uri)?.text ?? '').range(r.span),
          message: r.message,
        })),
      });
    }
  }
  return out.sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}

/** The text format: `path:line:column: severity: message [rule-id]`, 1-based like compilers print. */
export function formatText(diagnostics: readonly CliDiagnostic[]): string {
  const lines = diagnostics.map(
    (d) =>
      `${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity}: ${d.message} [${d.code}]`,
  );
  const count = (s: Severity): number => diagnostics.filter((d) => d.severity === s).length;
  lines.push(
    `${count('error')} error(s), ${count('warning')} warning(s), ${count('information') + count('hint')} note(s)`,
  );
  return `${lines.join('\n')}\n`;
}

/** The JSON format of shared CONTRACT.md. */
export function formatJson(diagnostics: readonly CliDiagnostic[]): string {
  return `${JSON.stringify({ diagnostics }, null, 2)}\n`;
}
