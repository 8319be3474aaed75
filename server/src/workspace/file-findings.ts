import type { Finding } from '../core/finding';

/**
 * The findings the workspace makes itself, about files rather than their contents: a file not analysed (its
 * size, binary data), an analysis over its time budget, and the cap on one rule's findings in one file.
 */

/** The part of a workspace file these findings need. */
interface SkippedFile {
  readonly uri: string;
  readonly skipped?: string;
}

export function tooLarge(maxBytes: number): string {
  return `the file is larger than ${Math.round(maxBytes / 1024 / 1024)} MiB and is not analysed`;
}

/** Why a file is not parsed: binary content (a NUL byte, unless the format reads it as text) or its size. */
export function skipReason(text: string, maxBytes: number, nulIsText: boolean): string | undefined {
  if (text.length > maxBytes) return tooLarge(maxBytes);
  if (!nulIsText && text.slice(0, 8192).includes('\u0000'))
    return 'the file contains NUL bytes (binary data) and is not analysed';
  return undefined;
}

export function skippedFinding(f: SkippedFile): Finding {
  return {
    ruleId: 'workspace/file-skipped',
    uri: f.uri,
    span: { start: 0, end: 0 },
    message: f.skipped ?? '',
  };
}

/** `workspace/time-budget` for an analysis (parsing and single-file checks) that took longer than its budget. */
export function slowAnalysis(uri: string, took: number, budget: number): Finding {
  return {
    ruleId: 'workspace/time-budget',
    uri,
    span: { start: 0, end: 0 },
    message: `parsing and checking this file took ${(took / 1000).toFixed(1)} s, more than the ${(budget / 1000).toFixed(1)} s budget: please report the file (it should take milliseconds)`,
  };
}

/**
 * At most this many findings of one rule in one file: a pathological file (a megabyte of one stray
 * character) can make one per character, which no one reads and which would flood the editor. The rest are
 * counted in one finding of the same rule, so turning the rule off still silences them all.
 */
export const MAX_FINDINGS_PER_RULE = 1000;

export function capPerRule(findings: Finding[]): Finding[] {
  const counts = new Map<string, number>();
  const kept: Finding[] = [];
  const firstDropped = new Map<string, Finding>();
  for (const f of findings) {
    const n = (counts.get(f.ruleId) ?? 0) + 1;
    counts.set(f.ruleId, n);
    if (n <= MAX_FINDINGS_PER_RULE) kept.push(f);
    else if (!firstDropped.has(f.ruleId)) firstDropped.set(f.ruleId, f);
  }
  for (const [ruleId, f] of firstDropped) {
    const more = (counts.get(ruleId) ?? 0) - MAX_FINDINGS_PER_RULE;
    kept.push({
      ruleId,
      uri: f.uri,
      span: f.span,
      message: `${more} more ${ruleId} findings in this file are not listed (the first ${MAX_FINDINGS_PER_RULE} are)`,
    });
  }
  return kept;
}
