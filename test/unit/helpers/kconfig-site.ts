import * as fs from 'node:fs';
import * as path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Finding } from '../../../server/src/core/finding';
import { LineIndex } from '../../../server/src/core/text';
import { KCONFIG_RULES } from '../../../server/src/rules/kconfig/catalogue';
import type { KconfigFile } from '../../../server/src/rules/kconfig/types';
import { KCONFIG_ANALYSER } from '../../../server/src/workspace/formats/kconfig';

/**
 * Kernel configs for tests, analysed and checked through `KCONFIG_ANALYSER` alone (the workspace registry is
 * wired separately): one string holds the files, each introduced by `=== path`.
 */
export interface KconfigSite {
  readonly files: readonly { readonly path: string; readonly file: KconfigFile }[];
  readonly findings: readonly Finding[];
}

const SEVERITY = new Map(KCONFIG_RULES.map((r) => [r.id, r.severity]));

/** The folder of the repository's test fixtures (from the compiled test under out/). */
export const FIXTURES = path.join(__dirname, '../../../../test/fixtures');

/** Debian 12's stock amd64 config (linux-config-6.1 6.1.192-2, `config.amd64_none_amd64`), kept gzipped. */
export function debianStockConfig(): string {
  return gunzipSync(fs.readFileSync(path.join(FIXTURES, 'kconfig-debian/config-6.1.192-amd64.gz'))).toString(
    'utf8',
  );
}

/** The URI a test file gets. */
export function kconfigUri(p: string): string {
  return `file:///site/${p}`;
}

/** Analyses one file. */
export function analyseKconfig(text: string, p = 'boot/config-6.1.0-13-amd64'): KconfigFile {
  return KCONFIG_ANALYSER.analyse(kconfigUri(p), text, { path: p, toolstack: 'xl' }) as KconfigFile;
}

/** Builds and checks a site from `=== path` sections. */
export function kconfigSite(spec: string): KconfigSite {
  const parts = spec.split(/^=== (.+)\n/m).slice(1);
  const files: { path: string; file: KconfigFile }[] = [];
  for (let i = 0; i < parts.length; i += 2)
    files.push({ path: parts[i].trim(), file: analyseKconfig(parts[i + 1], parts[i].trim()) });
  const findings = [
    ...files.flatMap((f) => KCONFIG_ANALYSER.check(f.file)),
    ...KCONFIG_ANALYSER.checkSet(files.map((f) => f.file)),
  ];
  return { files, findings };
}

/** Every finding as `path:line:col-line:col severity rule-id` (1-based), sorted by file and position. */
export function renderKconfigFindings(site: KconfigSite, withMessages = false): string[] {
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

/** Applies non-overlapping edits (offsets) to a text. */
export function applyKconfigEdits(
  text: string,
  edits: readonly { span: { start: number; end: number }; newText: string }[],
): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.span.start - a.span.start))
    out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}
