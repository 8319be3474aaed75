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
export type SiteCheck = (site: SiteModel, subjects: Iterable<BootSubject>) => Finding[];

/** Every cross-file check. Each group of rules adds its entry here. */
export const SITE_CHECKS: readonly SiteCheck[] = [checkKernelConfigs, checkNet, checkNfsRoots];

/** A time budget for one file's checks: `now` is the caller's clock (nothing here reads one). */
export interface CheckBudget {
  readonly now: () => number;
  readonly ms: number;
}

/**
 * The cross-file findings of one file's subjects. With a budget, the checks stop taking subjects once it is
 * spent and a `workspace/time-budget` finding says so (issue 7: a runaway check stops with a clear diagnostic).
 */
export function checkSubjectFile(
  site: SiteModel,
  subjects: readonly BootSubject[],
  budget?: CheckBudget,
): Finding[] {
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
  const out = SITE_CHECKS.flatMap((check) => (stopped ? [] : check(site, budget ? budgeted() : subjects)));
  if (stopped && subjects[0])
    out.push(budgetFinding(subjects[0].uri, budget?.ms ?? 0, 'checks across files'));
  return out;
}

/** `workspace/time-budget`: work on a file took longer than its budget and was cut short. */
export function budgetFinding(uri: string, ms: number, what: string): Finding {
  return {
    ruleId: 'workspace/time-budget',
    uri,
    span: { start: 0, end: 0 },
    message: `the ${what} of this file took longer than ${(ms / 1000).toFixed(1)} s and were stopped: its diagnostics may be incomplete`,
  };
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
