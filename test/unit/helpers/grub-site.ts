import type { Finding } from '../../../server/src/core/finding';
import { checkGrubSet } from '../../../server/src/rules/grub';
import type { GrubFileExists } from '../../../server/src/rules/grub';
import { GRUB_RULES } from '../../../server/src/rules/grub/catalogue';
import type { GrubFile } from '../../../server/src/rules/grub/types';
import { RULE_MAP } from '../../../server/src/rules/catalogue';
import { GRUB_ANALYSER } from '../../../server/src/workspace/formats/grub';
import { renderSiteFindings } from './format-site';

/**
 * A small site of GRUB legacy menus for tests, analysed and checked through `GRUB_ANALYSER` alone (the
 * workspace registry is wired separately): one string holds the files, each introduced by `=== path`.
 */
export interface GrubSite {
  readonly files: readonly { readonly path: string; readonly file: GrubFile }[];
  readonly findings: readonly Finding[];
}

const SEVERITY = new Map([...GRUB_RULES, ...RULE_MAP.values()].map((r) => [r.id, r.severity]));

/** The URI a test file gets. */
export function grubUri(path: string): string {
  return `file:///site/${path}`;
}

/** Analyses one menu. */
export function analyseGrub(text: string, path = 'boot/grub/menu.lst'): GrubFile {
  return GRUB_ANALYSER.analyse(grubUri(path), text, { path, toolstack: 'xl' }) as GrubFile;
}

/** Builds and checks a site from `=== path` sections; `exists` feeds `grub/missing-file`. */
export function grubSite(spec: string, exists?: GrubFileExists): GrubSite {
  const parts = spec.split(/^=== (.+)\n/m).slice(1);
  const files: { path: string; file: GrubFile }[] = [];
  for (let i = 0; i < parts.length; i += 2)
    files.push({ path: parts[i].trim(), file: analyseGrub(parts[i + 1], parts[i].trim()) });
  const findings = [
    ...files.flatMap((f) => GRUB_ANALYSER.check(f.file)),
    ...GRUB_ANALYSER.checkSet(files.map((f) => f.file)),
    ...checkGrubSet(
      files.map((f) => f.file),
      exists,
    ),
  ];
  return { files, findings };
}

/** Every finding as `path:line:col-line:col severity rule-id` (1-based), sorted by file and position. */
export function renderGrubFindings(site: GrubSite, withMessages = false): string[] {
  return renderSiteFindings(
    site.files,
    site.findings,
    (f) => f.severity ?? SEVERITY.get(f.ruleId) ?? 'unknown-rule',
    withMessages,
  );
}
