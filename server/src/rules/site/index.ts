import type { Finding } from '../../core/finding';
import type { SiteModel } from './site-model';
import type { BootSubject } from './subjects';
import type { FormatId } from '../../workspace/analysed-file';
import { checkNet } from './net-rules';
import { checkKernelConfigs } from './kernel-rules';
import { checkNfsRoots } from './nfs-rules';

/**
 * A check across formats: reads the site model, reports on the reference that fails (shared RULES.md).
 * It checks the given subjects, all of one file: every cross-file finding sits in its subject's file, so a
 * file's findings depend only on its own subjects and the site's facts (the incremental engine in
 * workspace.ts re-runs a file's checks only when one of those changed).
 */
export type SiteCheck = (site: SiteModel, subjects: Iterable<BootSubject>) => Finding[];

/** A group of cross-file rules and the formats whose facts it reads (besides the subjects and topology). */
export interface SiteCheckGroup {
  readonly check: SiteCheck;
  /**
   * The fact formats the group's findings depend on: the incremental engine re-runs the group only when a
   * file of one of them (or the subject's own file, or the topology) changed. Quick fixes may read more
   * (free MACs and addresses): they are computed afresh for code actions.
   */
  readonly reads: readonly FormatId[];
}

/** Every cross-file check. Each group of rules adds its entry here. */
export const SITE_CHECKS: readonly SiteCheckGroup[] = [
  { check: checkKernelConfigs, reads: ['kconfig'] },
  { check: checkNet, reads: ['dhcpd-conf'] },
  // The NFS client's address may come from DHCP (a fixed address, a range); the NFS version a kernel
  // mounts with by default from its .config (nfs-version.ts).
  { check: checkNfsRoots, reads: ['nfs-exports', 'dhcpd-conf', 'kconfig'] },
];

/** A time budget for one file's checks: `now` is the caller's clock (nothing here reads one). */
export interface CheckBudget {
  readonly now: () => number;
  readonly ms: number;
}

/**
 * The cross-file findings of one file's subjects, one list per group of `groups`. With a budget, the checks
 * stop taking subjects once it is spent and a `workspace/time-budget` finding says so (issue 7: a runaway
 * check stops with a clear diagnostic).
 */
export function checkSubjectGroups(
  site: SiteModel,
  subjects: readonly BootSubject[],
  groups: readonly SiteCheckGroup[],
  budget?: CheckBudget,
): Finding[][] {
  const started = budget?.now() ?? 0;
  let stopped = false;
  function* budgeted(): Generator<BootSubject> {
    for (const s of subjects) {
      if (budget && budget.now() - started > budget.ms) {
        stopped = true;
        return;
      }
      yield s;
    }
  }
  return groups.map((g) => {
    if (stopped) return [];
    const found = g.check(site, budget ? budgeted() : subjects);
    if (stopped && subjects[0]) found.push(budgetFinding(subjects[0].uri, budget?.ms ?? 0));
    return found;
  });
}

/** The cross-file findings of one file's subjects (every group). */
export function checkSubjectFile(
  site: SiteModel,
  subjects: readonly BootSubject[],
  budget?: CheckBudget,
): Finding[] {
  return checkSubjectGroups(site, subjects, SITE_CHECKS, budget).flat();
}

/** `workspace/time-budget`: work on a file took longer than its budget and was cut short. */
function budgetFinding(uri: string, ms: number): Finding {
  return {
    ruleId: 'workspace/time-budget',
    uri,
    span: { start: 0, end: 0 },
    message: `the checks across files of this file took longer than ${(ms / 1000).toFixed(1)} s and were stopped: its diagnostics may be incomplete`,
  };
}
