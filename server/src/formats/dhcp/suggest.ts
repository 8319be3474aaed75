import { editDistance, nearest } from '../../core/text-distance';

/**
 * The known word a misspelt one probably meant: the nearest by edit distance, or one with two neighbouring
 * letters swapped (`hots` → `host`, which plain edit distance counts as two edits).
 */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  const near = nearest(word, candidates);
  if (near) return near;
  const w = word.toLowerCase();
  return candidates.find(
    (c) => c.length === w.length && editDistance(w, c.toLowerCase()) === 2 && swapped(w, c.toLowerCase()),
  );
}

/** Candidates tried at most per word: each try re-reads one statement. */
const MAX_TRIES = 6;

/**
 * Like `suggest`, but the nearest candidate `fits` accepts (one with which the statement reads without a
 * syntax error): a rename that trades one error for another is no fix. Undefined without `fits`' help.
 */
export function suggestFitting(
  word: string,
  candidates: readonly string[],
  fits: ((candidate: string) => boolean) | undefined,
): string | undefined {
  if (!fits) return suggest(word, candidates);
  const w = word.toLowerCase();
  const limit = Math.max(1, Math.floor(word.length / 3));
  // Words whose lengths differ by more than the limit are never within it: skipped before the (quadratic)
  // edit distance, which on a megabyte-long word would take minutes.
  const ranked = candidates
    .filter((c) => Math.abs(c.length - w.length) <= limit)
    .map((c) => ({ c, d: editDistance(w, c.toLowerCase()) }))
    .filter(({ c, d }) => d <= limit || (d === 2 && c.length === w.length && swapped(w, c.toLowerCase())))
    .sort((a, b) => a.d - b.d)
    .slice(0, MAX_TRIES);
  return ranked.find(({ c }) => fits(c))?.c;
}

function swapped(a: string, b: string): boolean {
  const diff = [...a].flatMap((ch, i) => (ch === b[i] ? [] : [i]));
  return (
    diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]]
  );
}
