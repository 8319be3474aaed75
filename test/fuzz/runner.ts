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
  /** Inputs whose hover, completion and definition were asked at random offsets. */
  featureInputs: number;
  /** Inputs whose quick fixes were applied and re-checked. */
  fixInputs: number;
  /** Inputs per format. */
  byFormat: Record<string, number>;
}

export function emptyStats(): FuzzStats {
  return {
    inputs: 0,
    crashes: 0,
    hangs: 0,
    outOfRange: 0,
    badFixes: 0,
    units: 0,
    featureInputs: 0,
    fixInputs: 0,
    byFormat: {},
  };
}

/** Adds `s` into `into` (the counts of several workers or restarts). */
export function addStats(into: FuzzStats, s: FuzzStats): void {
  into.inputs += s.inputs;
  into.crashes += s.crashes;
  into.hangs += s.hangs;
  into.outOfRange += s.outOfRange;
  into.badFixes += s.badFixes;
  into.units += s.units;
  into.featureInputs += s.featureInputs;
  into.fixInputs += s.fixInputs;
  for (const [format, n] of Object.entries(s.byFormat))
    into.byFormat[format] = (into.byFormat[format] ?? 0) + n;
}

/**
 * Parallel runs share the index space of one seed: indices come in chunks of `CHUNK` and job `j` of `n`
 * takes chunks j, j+n, j+2n, … So input `i` is the same whatever the number of jobs (a failure names its
 * seed and index), a run of `--inputs N` covers exactly indices 0…N-1, and each job sees every format.
 */
export const CHUNK = 64;

/** The index job `job` of `jobs` runs at or after `index`. */
export function nextIndexOf(index: number, job: number, jobs: number): number {
  const chunk = Math.floor(index / CHUNK);
  if (chunk % jobs === job) return index;
  const ahead = (job - (chunk % jobs) + jobs) % jobs;
  return (chunk + ahead) * CHUNK;
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
  /** This job's share of the indices (see `CHUNK`): job `job` of `jobs`, by default the only one. */
  readonly job?: number;
  readonly jobs?: number;
  /** Indices from here on are not run (the run's `--inputs`)… */
  readonly endIndex?: number;
  /** …nor more than this many inputs… */
  readonly maxInputs?: number;
  /** …or at this time (`Date.now()`), whichever comes first. */
  readonly until?: number;
  readonly properties?: PropertyOptions;
  /**
   * The share of inputs whose features are asked at random offsets and of those whose quick fixes are
   * re-checked (1 by default): costly, so a long run samples them. Every input gets the parse, the whole
   * workspace check and the range checks of every finding, fix edit, symbol and folding range.
   */
  readonly featureRate?: number;
  readonly fixRate?: number;
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

/** Which costly properties input `input` gets, drawn from its own PRNG (so a replay gets the same). */
function sampledProperties(input: FuzzInput, options: RunOptions): PropertyOptions {
  const features = input.rnd() < (options.featureRate ?? 1);
  const fixes = input.rnd() < (options.fixRate ?? 1);
  return {
    ...options.properties,
    offsets: features ? (options.properties?.offsets ?? 3) : 0,
    maxFixes: fixes ? (options.properties?.maxFixes ?? 4) : 0,
  };
}

/** Runs the harness over this job's generated inputs until the count, the last index or the time is reached. */
export function runFuzz(options: RunOptions): FuzzStats {
  const stats = emptyStats();
  const every = options.progressEvery ?? 1000;
  const [job, jobs] = [options.job ?? 0, options.jobs ?? 1];
  for (let index = nextIndexOf(options.start ?? 0, job, jobs); ; index = nextIndexOf(index + 1, job, jobs)) {
    if (options.endIndex !== undefined && index >= options.endIndex) break;
    if (options.maxInputs !== undefined && stats.inputs >= options.maxInputs) break;
    if (options.until !== undefined && Date.now() >= options.until) break;
    options.onInput?.(index);
    const input = inputAt(options.corpus, options.seed, index);
    const f = input.format;
    const properties = sampledProperties(input, options);
    const failure = checkInput(f.id, input.path, f.syntaxRule, input.text, input.rnd, properties);
    stats.inputs++;
    stats.units += input.text.length;
    stats.byFormat[f.id] = (stats.byFormat[f.id] ?? 0) + 1;
    if (properties.offsets) stats.featureInputs++;
    if (properties.maxFixes) stats.fixInputs++;
    if (failure) {
      countFailure(stats, failure.kind);
      options.onFailure?.(regressionOf(options.seed, input, failure));
    }
    if (stats.inputs % every === 0) options.onProgress?.(stats);
  }
  return stats;
}
