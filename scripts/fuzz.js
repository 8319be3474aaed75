#!/usr/bin/env node
// The long fuzz run of issue 7: `npm run fuzz -- [--minutes N] [--inputs N] [--jobs N] [--seed S]` (after
// `npx tsc -p .`). Runs the whole-server property harness (out/test/fuzz/) over all formats round-robin,
// seeded from test/fixtures/**. `--jobs N` worker threads share the index space of the seed (chunks of
// 64 inputs dealt round-robin), so input i is the same whatever N and a run of `--inputs N` covers exactly
// inputs 0…N-1. A watchdog here ends a worker whose input hangs and restarts it after that input.
// Every input gets the parse, the whole workspace check and the range checks; the costly features (hover,
// completion, definition at random offsets) and the quick-fix re-check run on a sampled share
// (`--feature-rate`, `--fix-rate`). Every failure becomes test/fixtures/fuzz-regressions/<format>/<hash>
// (one per bug signature); any failure exits 1. Quick fixes are checked as a user is offered them (after
// features/fix-verification.ts); `--raw-fixes` checks every fix the rules write, to find the rules whose
// fixes that safety net has to hold back (those are printed, not filed as fixtures).
'use strict';

const os = require('node:os');
const path = require('node:path');
const { Worker, isMainThread, parentPort, workerData } = require('node:worker_threads');

const OUT = path.join(__dirname, '..', 'out', 'test', 'fuzz');

function load(name) {
  try {
    return require(path.join(OUT, name));
  } catch (e) {
    console.error(`fuzz: cannot load ${path.join(OUT, name)}.js: run \`npx tsc -p .\` first (${e.message})`);
    process.exit(2);
  }
}

function usage(message) {
  if (message) console.error(`fuzz: ${message}`);
  console.error(
    'usage: node scripts/fuzz.js [--minutes N] [--inputs N] [--jobs N] [--seed S] [--feature-rate R] [--fix-rate R] [--stall-seconds N] [--raw-fixes]\n' +
      '  stops at --inputs or after --minutes (1 minute when neither is given), whichever comes first',
  );
  process.exit(2);
}

function parseArgs(argv) {
  const opts = {
    minutes: undefined,
    inputs: undefined,
    jobs: 1,
    seed: undefined,
    featureRate: 0.05,
    fixRate: 0.1,
    stallSeconds: 60,
    rawFixes: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      const v = Number(argv[++i]);
      if (!Number.isFinite(v) || v < 0) usage(`${a} needs a number`);
      return v;
    };
    const rate = () => {
      const v = next();
      if (v > 1) usage(`${a} is a share between 0 and 1`);
      return v;
    };
    if (a === '--minutes') opts.minutes = next();
    else if (a === '--inputs') opts.inputs = Math.floor(next());
    else if (a === '--jobs') opts.jobs = Math.max(1, Math.floor(next()));
    else if (a === '--seed') opts.seed = next() >>> 0;
    else if (a === '--feature-rate') opts.featureRate = rate();
    else if (a === '--fix-rate') opts.fixRate = rate();
    else if (a === '--stall-seconds') opts.stallSeconds = next();
    else if (a === '--raw-fixes') opts.rawFixes = true;
    else if (a === '--help' || a === '-h') usage();
    else usage(`unknown argument ${a}`);
  }
  if (opts.minutes === undefined && opts.inputs === undefined) opts.minutes = 1;
  if (opts.seed === undefined) opts.seed = (Date.now() ^ (process.pid << 16)) >>> 0;
  return opts;
}

// ---- a worker: runs its share of the inputs from `start` until told limits are reached --------------------
if (!isMainThread) {
  const { seed, start, job, jobs, endIndex, until, featureRate, fixRate, heartbeat, rawFixes } = workerData;
  const corpusLib = load('corpus');
  const runner = load('runner');
  const beat = new Int32Array(heartbeat);
  const corpus = corpusLib.loadCorpus();
  runner.warmUp(corpus);
  const stats = runner.runFuzz({
    corpus,
    seed,
    start,
    job,
    jobs,
    endIndex,
    until: until ?? undefined,
    featureRate,
    properties: { rawFixes },
    fixRate,
    progressEvery: 200,
    onInput: (index) => Atomics.store(beat, 0, index),
    onFailure: (regression) => parentPort.postMessage({ type: 'failure', regression }),
    onProgress: (s) => parentPort.postMessage({ type: 'progress', stats: s }),
  });
  parentPort.postMessage({ type: 'done', stats });
  return;
}

// ---- the main thread: workers, watchdogs, fixtures, progress, summary -----------------------------------
const opts = parseArgs(process.argv.slice(2));
const corpusLib = load('corpus');
const runner = load('runner');
const corpus = corpusLib.loadCorpus();
const started = Date.now();
const until = opts.minutes === undefined ? undefined : started + opts.minutes * 60_000;
const total = runner.emptyStats();
/** The progress of each job's running worker (not yet in `total`). */
const current = new Map();
const written = [];
let failures = 0;
// One fixture per bug (signature): the open ones already filed and the ones this run found. A failure like
// one marked fixed is filed again: the bug is back, or it is another one.
const filed = new Set(
  corpusLib
    .loadRegressions()
    .filter((r) => r.regression.status === 'open')
    .map((r) => corpusLib.signatureOf(r.regression)),
);

function record(regression) {
  if (opts.rawFixes && regression.kind === 'bad-fix') {
    console.error(`fuzz: held back by the fix safety net: ${regression.reason}`);
    return;
  }
  failures++;
  const signature = corpusLib.signatureOf(regression);
  if (filed.has(signature)) {
    // Known bad fixes are only counted; a known crash, hang or position is rare enough to name.
    if (regression.kind !== 'bad-fix')
      console.log(
        `fuzz: ${regression.kind} in ${regression.format} #${regression.index} (${regression.length} chars, filed already): ${regression.reason}`,
      );
    return;
  }
  filed.add(signature);
  const file = corpusLib.writeRegression(regression);
  written.push(file);
  console.log(
    `fuzz: ${regression.kind} in ${regression.format} #${regression.index} (${regression.length} chars): ${regression.reason}`,
  );
  console.log(`      -> ${path.relative(process.cwd(), file)}`);
}

function clock(ms) {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

function sum() {
  const s = runner.emptyStats();
  runner.addStats(s, total);
  for (const c of current.values()) runner.addStats(s, c);
  return s;
}

let lastPrint = 0;
function progress() {
  const now = Date.now();
  if (now - lastPrint < 10_000) return;
  lastPrint = now;
  const s = sum();
  const perMin = Math.round((s.inputs / Math.max(1, now - started)) * 60_000);
  console.log(
    `fuzz: ${clock(now - started)} ${s.inputs} inputs (${perMin}/min), ${s.crashes} crashes, ${s.hangs} hangs, ${s.outOfRange} out-of-range, ${s.badFixes} bad fixes`,
  );
}

/** Runs job `job`'s worker from index `start`; resolves with its counts and where to go on (if it must). */
function runFrom(job, start) {
  return new Promise((resolve) => {
    const heartbeat = new SharedArrayBuffer(4);
    const beat = new Int32Array(heartbeat);
    Atomics.store(beat, 0, -1);
    const worker = new Worker(__filename, {
      workerData: {
        seed: opts.seed,
        start,
        job,
        jobs: opts.jobs,
        endIndex: opts.inputs,
        until: until ?? null,
        featureRate: opts.featureRate,
        rawFixes: opts.rawFixes,
        fixRate: opts.fixRate,
        heartbeat,
      },
    });
    current.set(job, runner.emptyStats());
    let seen = -1;
    let still = Date.now();
    let finished = false;
    const finish = (stats, next) => {
      finished = true;
      clearInterval(watchdog);
      current.delete(job);
      resolve({ stats, next });
    };
    // Counts of a worker that was stopped: its last progress, plus the inputs after it up to `index`.
    const cut = (index, kind) => {
      const stats = current.get(job) ?? runner.emptyStats();
      let i = runner.nextIndexOf(start, job, opts.jobs);
      let n = 0;
      for (; i <= index; i = runner.nextIndexOf(i + 1, job, opts.jobs)) n++;
      stats.inputs = Math.max(stats.inputs, n);
      stats[kind] += 1;
      return stats;
    };
    const watchdog = setInterval(() => {
      const now = Atomics.load(beat, 0);
      if (now !== seen) {
        seen = now;
        still = Date.now();
        return;
      }
      if (Date.now() - still < opts.stallSeconds * 1000 || seen < 0) return;
      // One input has run for stallSeconds: a hang. Rebuild it (inputs are deterministic) and go on after it.
      void worker.terminate();
      const input = runner.inputAt(corpus, opts.seed, seen);
      record(
        runner.regressionOf(opts.seed, input, {
          kind: 'hang',
          reason: `no answer after ${opts.stallSeconds} s (watchdog)`,
        }),
      );
      finish(cut(seen, 'hangs'), seen + 1);
    }, 1000);
    worker.on('message', (m) => {
      if (finished) return;
      if (m.type === 'failure') record(m.regression);
      else if (m.type === 'progress') {
        current.set(job, m.stats);
        progress();
      } else if (m.type === 'done') finish(m.stats, undefined);
    });
    worker.on('error', (e) => {
      if (finished) return;
      console.error(`fuzz: worker ${job} died: ${e.stack ?? e}`);
      const index = Atomics.load(beat, 0);
      if (index < 0) {
        finish(runner.emptyStats(), undefined);
        return;
      }
      const input = runner.inputAt(corpus, opts.seed, index);
      record(
        runner.regressionOf(opts.seed, input, {
          kind: 'crash',
          reason: `worker died: ${e.message}`,
          stack: e.stack,
        }),
      );
      finish(cut(index, 'crashes'), index + 1);
    });
  });
}

/** One job: its worker, restarted after each input that hangs or kills it, until its share is done. */
async function runJob(job) {
  let start = 0;
  for (;;) {
    const { stats, next } = await runFrom(job, start);
    runner.addStats(total, stats);
    const done =
      next === undefined ||
      (until !== undefined && Date.now() >= until) ||
      (opts.inputs !== undefined && runner.nextIndexOf(next, job, opts.jobs) >= opts.inputs);
    if (done) return;
    start = next;
  }
}

function percent(n, of) {
  return `${of === 0 ? 0 : ((100 * n) / of).toFixed(1)}%`;
}

async function main() {
  const limits = [
    opts.inputs !== undefined ? `inputs 0-${opts.inputs - 1}` : undefined,
    opts.minutes !== undefined ? `at most ${opts.minutes} min` : undefined,
  ].filter(Boolean);
  console.log(
    `fuzz: seed ${opts.seed}, ${limits.join(', ')}, ${opts.jobs} job${opts.jobs > 1 ? 's' : ''} (${os.availableParallelism()} cores), ${[...corpus.values()].reduce((n, l) => n + l.length, 0)} seed files; features on ${percent(opts.featureRate, 1)} and quick-fix re-checks on ${percent(opts.fixRate, 1)} of inputs`,
  );
  await Promise.all(Array.from({ length: opts.jobs }, (_, job) => runJob(job)));
  const ms = Date.now() - started;
  const t = total;
  console.log(
    `fuzz: per format: ${Object.entries(t.byFormat)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([f, n]) => `${f} ${n}`)
      .join(', ')}`,
  );
  console.log(
    `fuzz: every input: parse, workspace check, range checks; hover/completion/definition at random offsets: ${t.featureInputs} (${percent(t.featureInputs, t.inputs)}); quick fixes re-checked: ${t.fixInputs} (${percent(t.fixInputs, t.inputs)})`,
  );
  console.log(
    `fuzz: ${Math.round((t.inputs / ms) * 60_000)} inputs/min, ${(t.units / 1024 / 1024).toFixed(1)} M characters, ${t.badFixes} quick fixes raising new syntax errors, ${written.length} new fixtures, ${clock(ms)} elapsed`,
  );
  console.log(
    `fuzz: ${t.inputs} inputs, ${t.crashes} crashes, ${t.hangs} hangs, ${t.outOfRange} out-of-range positions, seed ${opts.seed}`,
  );
  process.exit(failures > 0 ? 1 : 0);
}

void main();
