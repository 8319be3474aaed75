import type { Finding } from '../../core/finding';
import type { SiteModel } from './site-model';
import { checkNet } from './net-rules';
import { checkKernelConfigs } from './kernel-rules';
import { checkNfsRoots } from './nfs-rules';

/** A check across formats: reads the site model, reports on the reference that fails (shared RULES.md). */
export type SiteCheck = (site: SiteModel) => Finding[];

/** Every cross-file check. Each group of rules adds its entry here. */
export const SITE_CHECKS: readonly SiteCheck[] = [checkKernelConfigs, checkNet, checkNfsRoots];

/** Runs every cross-file check. */
export function checkSite(site: SiteModel): Finding[] {
  return SITE_CHECKS.flatMap((check) => check(site));
}
