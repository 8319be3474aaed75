import type { Finding } from '../../../server/src/core/finding';
import { LineIndex } from '../../../server/src/core/text';
import { EXPORTS_RULES } from '../../../server/src/rules/exports/catalogue';
import type { ExportsFile } from '../../../server/src/rules/exports/types';
import { EXPORTS_ANALYSER } from '../../../server/src/workspace/formats/exports';

/**
 * A small site of exports files for tests, analysed and checked through `EXPORTS_ANALYSER` alone (the
 * workspace registry is wired separately): one string holds the files, each introduced by `=== path`.
 */
export interface ExportsSite {
  readonly files: readonly { readonly path: string; readonly file: ExportsFile }[];
  readonly findings: readonly Finding[];
}

const SEVERITY = new Map(EXPORTS_RULES.map((r) => [r.id, r.severity]));

/** The URI a test file gets. */
export function exportsUri(path: string): string {
  return `file:///site/${path}`;
}

/** Analyses one file. */
export function analyseExports(text: string, path = 'etc/exports'): ExportsFile {
  return EXPORTS_ANALYSER.analyse(exportsUri(path), text, { path, toolstack: 'xl' }) as ExportsFile;
}

/** Builds and checks a site from `=== path` sections. */
export function exportsSite(spec: string): ExportsSite {
  const parts = spec.split(/^=== (.+)\n/m).slice(1);
  const files: { path: string; file: ExportsFile }[] = [];
  for (let i = 0; i < parts.length; i += 2)
    files.push({ path: parts[i].trim(), file: analyseExports(parts[i + 1], parts[i].trim()) });
  const findings = [
    ...files.flatMap((f) => EXPORTS_ANALYSER.check(f.file)),
    ...EXPORTS_ANALYSER.checkSet(files.map((f) => f.file)),
  ];
  return { files, findings };
}

/** Every finding as `path:line:col-line:col severity rule-id` (1-based), sorted by file and position. */
export function renderExportsFindings(site: ExportsSite, withMessages = false): string[] {
  const lines: string[] = [];
  for (const f of site.findings) {
    const entry = site.files.find((x) => x.file.uri === f.uri);
    if (!entry) continue;
    const index = new LineIndex(entry.file.text);
    const s = index.position(f.span.start);
    const e = index.position(f.span.end);
    const sev = f.severity ?? SEVERITY.get(f.ruleId) ?? 'unknown-rule';
    const where = `${entry.path}:${s.line + 1}:${s.character + 1}-${e.line + 1}:${e.character + 1}`;
    lines.push(`${where} ${sev} ${f.ruleId}${withMessages ? `: ${f.message}` : ''}`);
  }
  return lines.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}
