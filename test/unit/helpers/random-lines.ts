import { prng } from '../../fuzz/prng';

/** A file of `count` lines drawn from `lines` by the PRNG seeded `seed`, joined by line breaks. */
export function randomLines(lines: readonly string[], seed: number, count: number): string {
  const rnd = prng(seed);
  return Array.from({ length: count }, () => lines[Math.floor(rnd() * lines.length)]).join('\n');
}
