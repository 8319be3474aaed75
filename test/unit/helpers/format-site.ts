import type { Finding } from '../../../server/src/core/finding';
import { LineIndex } from '../../../server/src/core/text';

/** A file of a test site with the path it was given. */
export interface PathedFile {
  readonly path: string;
  readonly file: { readonly uri: string; readonly text: string };
}

/** Splits a site written as one string with `=== path` sections into its files. */
export function splitSiteSpec(spec: string): { path: string; text: string }[] {
  const parts = spec.split(/^=== (.+)\n/m).slice(1);
  const out: { path: string; text: string }[] = [];
  for (let i = 0; i < parts.length; i += 2) out.push({ path: parts[i].trim(), text: parts[i + 1] });
  return out;
}

/** Every finding as `path:line:col-line:col severity rule-id` (1-based), sorted by file and position. */
export function renderSiteFindings(
  files: readonly PathedFile[],
  findings: readonly Finding[],
  severityOf: (f: Finding) => string,
  withMessages: boolean,
): string[] {
  const lines: string[] = [];
  for (const f of findings) {
    const entry = files.find((x) => x.file.uri === f.uri);
    if (!entry) continue;
    const index = new LineIndex(entry.file.text);
    const s = index.position(f.span.start);
    const e = index.position(f.span.end);
    const where = `${entry.path}:${s.line + 1}:${s.character + 1}-${e.line + 1}:${e.character + 1}`;
    lines.push(`${where} ${severityOf(f)} ${f.ruleId}${withMessages ? `: ${f.message}` : ''}`);
  }
  return lines.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}
