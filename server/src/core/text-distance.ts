/** Edit distance, for "did you mean" suggestions. */

/**
 * The Levenshtein distance between two strings. O(|a|·|b|): callers with a word of unbounded length (a
 * 1 MB token in a broken file) go through `nearest`, which never compares strings of very different length.
 */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
    }
    prev = cur;
  }
  return prev[b.length];
}

/**
 * The candidate nearest to `word`, if it is near enough to be a plausible typo (at most a third of its
 * letters edited). The distance is at least the difference in length, so a candidate whose length differs by
 * more than the limit is skipped unmeasured: the work stays proportional to the candidates' total length
 * whatever the word's.
 */
export function nearest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const limit = Math.max(1, Math.floor(word.length / 3));
  const lower = word.toLowerCase();
  for (const c of candidates) {
    const other = c.toLowerCase();
    if (Math.abs(lower.length - other.length) > Math.min(limit, bestDistance)) continue;
    const d = editDistance(lower, other);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return bestDistance <= limit ? best : undefined;
}
