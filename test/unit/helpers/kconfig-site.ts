import * as fs from 'node:fs';
import * as path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Finding } from '../../../server/src/core/finding';
import { KCONFIG_RULES } from '../../../server/src/rules/kconfig/catalogue';
import type { KconfigFile } from '../../../server/src/rules/kconfig/types';
import { KCONFIG_ANALYSER } from '../../../server/src/workspace/formats/kconfig';
import { renderSiteFindings, splitSiteSpec } from './format-site';

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
  const files = splitSiteSpec(spec).map(({ path, text }) => ({ path, file: analyseKconfig(text, path) }));
  const findings = [
    ...files.flatMap((f) => KCONFIG_ANALYSER.check(f.file)),
    ...KCONFIG_ANALYSER.checkSet(files.map((f) => f.file)),
  ];
  return { files, findings };
}

/** Every finding as `path:line:col-line:col severity rule-id` (1-based), sorted by file and position. */
export function renderKconfigFindings(site: KconfigSite, withMessages = false): string[] {
  return renderSiteFindings(
    site.files,
    site.findings,
    (f) => f.severity ?? SEVERITY.get(f.ruleId) ?? 'unknown-rule',
    withMessages,
  );
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
