import type { Corpus, Regression } from './corpus';
import type { FuzzFormat } from './formats';
import { FUZZ_FORMATS } from './formats';
import { fuzzMutate } from './mutate';
import type { Rng } from './prng';
import { below, pick, prngAt } from './prng';
import type { Failure, PropertyOptions } from './properties';
import { checkInput } from './properties';

/** One generated input: deterministic in (seed, index). */
export interface FuzzInput {
  readonly index: number;
  readonly format: FuzzFormat;
  readonly path: string;
  readonly text: string;
  /** The rest of the input's PRNG (the offsets the features are asked at). */
  readonly rnd: Rng;
}

/**
 * Input `index` of a run seeded `seed`: formats round-robin; a fixture of the format (one in twenty of
 * another format: a file with the wrong content), mutated once or, rarely, several times over.
 */
export function inputAt(corpus: Corpus, seed: number, index: number): FuzzInput {
  const rnd = prngAt(seed, index);
  const format = FUZZ_FORMATS[index % FUZZ_FORMATS.length];
  const from = rnd() < 0.05 ? pick(rnd, FUZZ_FORMATS) : format;
  let text = pick(rnd, corpus.get(from.id) ?? ['']);
  for (let rounds = rnd() < 0.1 ? 2 + below(rnd, 6) : 1; rounds > 0; rounds--)
    text = fuzzMutate(text, rnd, format);
  return { index, format, path: pick(rnd, format.paths), text, rnd };
}

/** The counts a run reports. */
export interface FuzzStats {
  inputs: number;
  crashes: number;
  hangs: number;
  outOfRange: number;
  badFixes: number;
  units: number;
}

export function emptyStats(): FuzzStats {
  return { inputs: 0, crashes: 0, hangs: 0, outOfRange: 0, badFixes: 0, units: 0 };
}

/** Counts one failure. */
export function countFailure(stats: FuzzStats, kind: Failure['kind']): void {
  if (kind === 'crash') stats.crashes++;
  else if (kind === 'hang') stats.hangs++;
  else if (kind === 'out-of-range') stats.outOfRange++;
  else stats.badFixes++;
}

/** The regression record of a failing input. */
export function regressionOf(seed: number, input: FuzzInput, failure: Failure): Regression {
  return {
    format: input.format.id,
    path: input.path,
    seed,
    index: input.index,
    kind: failure.kind,
    reason: failure.reason,
    length: input.text.length,
    ...(failure.stack ? { stack: failure.stack } : {}),
    status: 'open',
    input: input.text,
  };
}

export interface RunOptions {
  readonly corpus: Corpus;
  readonly seed: number;
  /** The first index (a restarted run goes on after the input that hung). */
  readonly start?: number;
  /** Stop after this many inputs… */
  readonly maxInputs?: number;
  /** …or at this time (`Date.now()`), whichever comes first. */
  readonly until?: number;
  readonly properties?: PropertyOptions;
  /** Told the index about to run (a watchdog's heartbeat). */
  readonly onInput?: (index: number) => void;
  readonly onFailure?: (regression: Regression) => void;
  /** Called every `progressEvery` inputs. */
  readonly onProgress?: (stats: FuzzStats) => void;
  readonly progressEvery?: number;
}

/** Warms every format's analysis up (Chevrotain builds its parsers on first use), so timing is fair. */
export function warmUp(corpus: Corpus): void {
  for (const f of FUZZ_FORMATS)
    for (const text of corpus.get(f.id) ?? []) checkInput(f.id, f.paths[0], f.syntaxRule, text, prngAt(0, 0));
}

/** Runs the harness over generated inputs until the count or the time is reached. */
export function runFuzz(options: RunOptions): FuzzStats {
  const stats = emptyStats();
  const every = options.progressEvery ?? 1000;
  for (let index = options.start ?? 0; ; index++) {
    if (options.maxInputs !== undefined && stats.inputs >= options.maxInputs) break;
    if (options.until !== undefined && Date.now() >= options.until) break;
    options.onInput?.(index);
    const input = inputAt(options.corpus, options.seed, index);
    const f = input.format;
    const failure = checkInput(f.id, input.path, f.syntaxRule, input.text, input.rnd, options.properties);
    stats.inputs++;
    stats.units += input.text.length;
    if (failure) {
      countFailure(stats, failure.kind);
      options.onFailure?.(regressionOf(options.seed, input, failure));
    }
    if (stats.inputs % every === 0) options.onProgress?.(stats);
  }
  return stats;
}
