import type { Finding } from '../core/finding';
import { LineIndex } from '../core/text';
import type { Severity } from '../core/severity';
import { RULE_MAP } from '../rules/catalogue';
import type { Workspace } from '../workspace/workspace';

/** A diagnostic in LSP's shape (structurally compatible with vscode-languageserver's `Diagnostic`). */
export interface LspDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: 1 | 2 | 3 | 4;
  code: string;
  codeDescription?: { href: string };
  source: string;
  message: string;
  relatedInformation?: { location: { uri: string; range: LspDiagnostic['range'] }; message: string }[];
  data?: { fixes: number };
}

/** LSP's numeric severities. */
export const LSP_SEVERITY: Readonly<Record<Severity, 1 | 2 | 3 | 4>> = {
  error: 1,
  warning: 2,
  information: 3,
  hint: 4,
};

/** The diagnostic source name shown by editors. */
export const DIAGNOSTIC_SOURCE = 'xen-nfs-boot';

/** The severity a finding gets: the user's override, else the finding's own, else the rule's default; undefined when off. */
export function effectiveSeverity(workspace: Workspace, f: Finding): Severity | undefined {
  const level = workspace.ruleLevel(f.ruleId);
  if (level === 'off') return undefined;
  return level ?? f.severity ?? RULE_MAP.get(f.ruleId)?.severity ?? 'warning';
}

/** Caches line indexes per text, so related locations in other files convert cheaply. */
export class LineIndexCache {
  private readonly cache = new Map<string, { text: string; index: LineIndex }>();

  /** The line index of the file's current text. */
  get(uri: string, text: string): LineIndex {
    const hit = this.cache.get(uri);
    if (hit && hit.text === text) return hit.index;
    const index = new LineIndex(text);
    this.cache.set(uri, { text, index });
    return index;
  }
}

/** Converts findings to LSP diagnostics; `docsBase` is where `docs/rules/<id>.md` pages live (a URI ending in /). */
export function toDiagnostics(
  workspace: Workspace,
  findings: readonly Finding[],
  lines: LineIndexCache,
  docsBase: string | undefined,
): LspDiagnostic[] {
  const out: LspDiagnostic[] = [];
  for (const f of findings) {
    const severity = effectiveSeverity(workspace, f);
    if (!severity) continue;
    const file = workspace.getFile(f.uri);
    const index = lines.get(f.uri, file?.text ?? '');
    const d: LspDiagnostic = {
      range: index.range(f.span),
      severity: LSP_SEVERITY[severity],
      code: f.ruleId,
      source: DIAGNOSTIC_SOURCE,
      message: f.message,
    };
    if (docsBase) d.codeDescription = { href: `${docsBase}${f.ruleId}.md` };
    if (f.related?.length) {
      d.relatedInformation = f.related.map((r) => ({
        location: { uri: r.uri, range: lines.get(r.uri, workspace.getFile(r.uri)?.text ?? '').range(r.span) },
        message: r.message,
      }));
    }
    out.push(d);
  }
  return out.sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
}
