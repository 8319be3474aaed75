import type { Finding } from '../../core/finding';
import type { SiteModel } from './site-model';
import type { BootSubject } from './subjects';
import { checkNet } from './net-rules';
import { checkKernelConfigs } from './kernel-rules';
import { checkNfsRoots } from './nfs-rules';

/**
 * A check across formats: reads the site model, reports on the reference that fails (shared RULES.md).
 * It checks the given subjects, all of one file: every cross-file finding sits in its subject's file, so a
 * file's findings depend only on its own subjects and the site's facts (the incremental engine in
 * workspace.ts re-runs a file's checks only when one of those changed).
 */
export type SiteCheck = (site: SiteModel, subjects: readonly BootSubject[]) => Finding[];

/** Every cross-file check. Each group of rules adds its entry here. */
export const SITE_CHECKS: readonly SiteCheck[] = [checkKernelConfigs, checkNet, checkNfsRoots];

/** The cross-file findings of one file's subjects. */
export function checkSubjectFile(site: SiteModel, subjects: readonly BootSubject[]): Finding[] {
  return SITE_CHECKS.flatMap((check) => check(site, subjects));
}

/** Runs every cross-file check over the whole site, file by file. */
export function checkSite(site: SiteModel): Finding[] {
  const byFile = new Map<string, BootSubject[]>();
  for (const s of site.subjects) {
    const list = byFile.get(s.uri);
    if (list) list.push(s);
    else byFile.set(s.uri, [s]);
  }
  const out: Finding[] = [];
  for (const subjects of byFile.values()) for (const f of checkSubjectFile(site, subjects)) out.push(f);
  return out;
}
