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

function swapped(a: string, b: string): boolean {
  const diff = [...a].flatMap((ch, i) => (ch === b[i] ? [] : [i]));
  return (
    diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]]
  );
}
