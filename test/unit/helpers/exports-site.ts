import type { Finding } from '../../../server/src/core/finding';
import { EXPORTS_RULES } from '../../../server/src/rules/exports/catalogue';
import type { ExportsFile } from '../../../server/src/rules/exports/types';
import { EXPORTS_ANALYSER } from '../../../server/src/workspace/formats/exports';
import { renderSiteFindings, splitSiteSpec } from './format-site';

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
  const files = splitSiteSpec(spec).map(({ path, text }) => ({ path, file: analyseExports(text, path) }));
  const findings = [
    ...files.flatMap((f) => EXPORTS_ANALYSER.check(f.file)),
    ...EXPORTS_ANALYSER.checkSet(files.map((f) => f.file)),
  ];
  return { files, findings };
}

/** Every finding as `path:line:col-line:col severity rule-id` (1-based), sorted by file and position. */
export function renderExportsFindings(site: ExportsSite, withMessages = false): string[] {
  return renderSiteFindings(
    site.files,
    site.findings,
    (f) => f.severity ?? SEVERITY.get(f.ruleId) ?? 'unknown-rule',
    withMessages,
  );
}
