#!/usr/bin/env node
// The long fuzz run of issue 7: `npm run fuzz -- --minutes N [--seed S]` (after `npx tsc -p .`).
// Runs the whole-server property harness (out/test/fuzz/) over all formats round-robin, seeded from
// test/fixtures/**; a worker thread does the work and a watchdog here ends it when one input hangs.
// Every failure becomes test/fixtures/fuzz-regressions/<format>/<hash>; any failure exits 1.
// Quick fixes are checked as a user is offered them (after features/fix-verification.ts); `--raw-fixes`
// checks every fix the rules write, to find the rules whose fixes that safety net has to hold back (those
// are printed, not filed as fixtures).
'use strict';

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
    'usage: node scripts/fuzz.js [--minutes N] [--inputs N] [--seed S] [--stall-seconds N] [--raw-fixes]',
  );
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { minutes: 1, inputs: undefined, seed: undefined, stallSeconds: 60, rawFixes: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      const v = Number(argv[++i]);
      if (!Number.isFinite(v) || v < 0) usage(`${a} needs a number`);
      return v;
    };
    if (a === '--minutes') opts.minutes = next();
    else if (a === '--inputs') opts.inputs = Math.floor(next());
    else if (a === '--seed') opts.seed = next() >>> 0;
    else if (a === '--stall-seconds') opts.stallSeconds = next();
    else if (a === '--raw-fixes') opts.rawFixes = true;
    else if (a === '--help' || a === '-h') usage();
    else usage(`unknown argument ${a}`);
  }
  if (opts.seed === undefined) opts.seed = (Date.now() ^ (process.pid << 16)) >>> 0;
  return opts;
}

// ---- the worker: runs inputs from `start` until told limits are reached --------------------------------
if (!isMainThread) {
  const { corpusRoot, seed, start, maxInputs, until, heartbeat, rawFixes } = workerData;
  const corpusLib = load('corpus');
  const runner = load('runner');
  const beat = new Int32Array(heartbeat);
  const corpus = corpusLib.loadCorpus(corpusRoot);
  runner.warmUp(corpus);
  const stats = runner.runFuzz({
    corpus,
    seed,
    start,
    maxInputs,
    until,
    progressEvery: 200,
    properties: { rawFixes },
    onInput: (index) => Atomics.store(beat, 0, index),
    onFailure: (regression) => parentPort.postMessage({ type: 'failure', regression }),
    onProgress: (s) => parentPort.postMessage({ type: 'progress', stats: { ...s } }),
  });
  parentPort.postMessage({ type: 'done', stats });
  return;
}

// ---- the main thread: progress, watchdog, fixtures, summary --------------------------------------------
const opts = parseArgs(process.argv.slice(2));
const corpusLib = load('corpus');
const runner = load('runner');
const corpus = corpusLib.loadCorpus();
const started = Date.now();
const until = started + opts.minutes * 60_000;
const total = runner.emptyStats();
const written = [];
let failures = 0;
// One fixture per bug (signature): the ones already filed and the ones this run found.
const filed = new Set(corpusLib.loadRegressions().map((r) => corpusLib.signatureOf(r.regression)));

function record(regression) {
  failures++;
  const signature = corpusLib.signatureOf(regression);
  if (filed.has(signature)) return;
  filed.add(signature);
  console.log(
    `fuzz: ${regression.kind} in ${regression.format} #${regression.index} (${regression.length} chars): ${regression.reason}`,
  );
  // A raw bad fix is one no user is offered: reported, not filed (its replay would pass at once).
  if (opts.rawFixes && regression.kind === 'bad-fix') return;
  const file = corpusLib.writeRegression(regression);
  written.push(file);
  console.log(`      -> ${path.relative(process.cwd(), file)}`);
}

function add(into, s) {
  for (const k of Object.keys(into)) into[k] += s[k];
}

function clock(ms) {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

let lastPrint = 0;
function progress(current) {
  const now = Date.now();
  if (now - lastPrint < 10_000) return;
  lastPrint = now;
  const n = total.inputs + current.inputs;
  const perMin = Math.round((n / Math.max(1, now - started)) * 60_000);
  const bad = total.crashes + current.crashes;
  const hangs = total.hangs + current.hangs;
  const oor = total.outOfRange + current.outOfRange;
  const fixes = total.badFixes + current.badFixes;
  console.log(
    `fuzz: ${clock(now - started)} ${n} inputs (${perMin}/min), ${bad} crashes, ${hangs} hangs, ${oor} out-of-range, ${fixes} bad fixes`,
  );
}

function runFrom(start) {
  return new Promise((resolve) => {
    const heartbeat = new SharedArrayBuffer(4);
    const beat = new Int32Array(heartbeat);
    Atomics.store(beat, 0, start - 1);
    const remaining = opts.inputs === undefined ? undefined : opts.inputs - total.inputs;
    const worker = new Worker(__filename, {
      workerData: { seed: opts.seed, start, maxInputs: remaining, until, heartbeat, rawFixes: opts.rawFixes },
    });
    let current = runner.emptyStats();
    let seen = Atomics.load(beat, 0);
    let still = Date.now();
    let finished = false;
    const watchdog = setInterval(() => {
      const now = Atomics.load(beat, 0);
      if (now !== seen) {
        seen = now;
        still = Date.now();
        return;
      }
      if (Date.now() - still < opts.stallSeconds * 1000 || seen < start) return;
      // One input has run for stallSeconds: a hang. Rebuild it (inputs are deterministic) and go on after it.
      finished = true;
      clearInterval(watchdog);
      void worker.terminate();
      const input = runner.inputAt(corpus, opts.seed, seen);
      const failure = { kind: 'hang', reason: `no answer after ${opts.stallSeconds} s (watchdog)` };
      record(runner.regressionOf(opts.seed, input, failure));
      current.inputs = seen - start + 1;
      current.hangs += 1;
      resolve({ stats: current, next: seen + 1 });
    }, 1000);
    worker.on('message', (m) => {
      if (m.type === 'failure') record(m.regression);
      else if (m.type === 'progress') {
        current = m.stats;
        progress(current);
      } else if (m.type === 'done' && !finished) {
        finished = true;
        clearInterval(watchdog);
        resolve({ stats: m.stats, next: undefined });
      }
    });
    worker.on('error', (e) => {
      if (finished) return;
      finished = true;
      clearInterval(watchdog);
      console.error(`fuzz: the worker died: ${e.stack ?? e}`);
      const index = Atomics.load(beat, 0);
      const input = runner.inputAt(corpus, opts.seed, index);
      record(
        runner.regressionOf(opts.seed, input, {
          kind: 'crash',
          reason: `worker died: ${e.message}`,
          stack: e.stack,
        }),
      );
      current.inputs = index - start + 1;
      current.crashes += 1;
      resolve({ stats: current, next: index + 1 });
    });
  });
}

async function main() {
  console.log(
    `fuzz: seed ${opts.seed}, ${opts.minutes} min${opts.inputs ? `, at most ${opts.inputs} inputs` : ''}, ${[...corpus.values()].reduce((n, l) => n + l.length, 0)} seed files`,
  );
  let start = 0;
  for (;;) {
    const { stats, next } = await runFrom(start);
    add(total, stats);
    if (
      next === undefined ||
      Date.now() >= until ||
      (opts.inputs !== undefined && total.inputs >= opts.inputs)
    )
      break;
    start = next;
  }
  const ms = Date.now() - started;
  console.log(
    `fuzz: ${Math.round((total.inputs / ms) * 60_000)} inputs/min, ${(total.units / 1024 / 1024).toFixed(1)} M characters, ${total.badFixes} quick fixes raising new syntax errors, ${written.length} new fixtures, ${clock(ms)} elapsed`,
  );
  console.log(
    `fuzz: ${total.inputs} inputs, ${total.crashes} crashes, ${total.hangs} hangs, ${total.outOfRange} out-of-range positions, seed ${opts.seed}`,
  );
  process.exit(failures > 0 ? 1 : 0);
}

void main();
