/** A source of uniform numbers in [0, 1): every fuzz input is made from one, so a seed reproduces it. */
export type Rng = () => number;

/** A small deterministic PRNG (mulberry32), so a failure names a seed that reproduces it. */
export function prng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The PRNG of input `index` of a run seeded `seed`: each input is reproducible on its own. */
export function prngAt(seed: number, index: number): Rng {
  return prng((seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
}

/** An integer in [0, n). */
export function below(rnd: Rng, n: number): number {
  return Math.floor(rnd() * n);
}

/** One element of a non-empty list. */
export function pick<T>(rnd: Rng, items: readonly T[]): T {
  return items[below(rnd, items.length)];
}
