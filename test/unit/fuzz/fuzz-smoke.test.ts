import assert from 'node:assert/strict';
import * as path from 'node:path';
import { formatOfRegression, loadCorpus, loadRegressions, signatureOf } from '../../fuzz/corpus';
import { prng } from '../../fuzz/prng';
import { checkInput } from '../../fuzz/properties';
import type { Regression } from '../../fuzz/corpus';
import { runFuzz, warmUp } from '../../fuzz/runner';

const SEED = 20260407;

/** Bugs filed as open regression fixtures (reported, not fixed yet): known, by signature. */
function openSignatures(): Set<string> {
  return new Set(
    loadRegressions()
      .filter((r) => r.regression.status === 'open')
      .map((r) => signatureOf(r.regression)),
  );
}

describe('fuzzing the whole server (a short round; `npm run fuzz -- --minutes N` for long ones)', () => {
  it('up to 2,000 generated inputs in 8 s: no crash, hang, out-of-range position or bad fix not yet filed', function () {
    this.timeout(60_000);
    const corpus = loadCorpus();
    warmUp(corpus);
    const known = openSignatures();
    const failures: Regression[] = [];
    // Every input is parsed, checked and range-checked; the costly properties run on a sample, as in
    // `npm run fuzz`, so that the time box holds more inputs.
    const stats = runFuzz({
      corpus,
      seed: SEED,
      maxInputs: 2000,
      until: Date.now() + 8_000,
      featureRate: 0.25,
      fixRate: 0.5,
      onFailure: (r) => failures.push(r),
    });
    assert.deepEqual(
      failures
        .filter((r) => !known.has(signatureOf(r)))
        .map((r) => `${r.format} #${r.index} (${r.length} chars) ${r.kind}: ${r.reason} [${signatureOf(r)}]`),
      [],
    );
    assert.ok(stats.inputs >= 7, `only ${stats.inputs} inputs in the time box`);
    assert.ok(stats.featureInputs > 0 && stats.fixInputs > 0, 'no input got the sampled properties');
  });

  describe('replays every fixture of test/fixtures/fuzz-regressions', () => {
    const known = openSignatures();
    for (const { file, regression } of loadRegressions()) {
      const name = `${path.basename(path.dirname(file))}/${path.basename(file)} (${regression.status}): ${regression.reason}`;
      it(name, function () {
        this.timeout(30_000);
        const format = formatOfRegression(regression);
        assert.ok(format, `unknown format ${regression.format}`);
        const failure = checkInput(
          format.id,
          regression.path,
          format.syntaxRule,
          regression.input,
          prng(regression.seed ^ regression.index),
        );
        // An open regression is a known bug, reported and not fixed yet: pending while it still fails.
        if (failure && regression.status === 'open') this.skip();
        // A fixed one must pass every property, except for another bug of its input that is filed open itself
        // (a fixed hang whose input also shows a known bad quick fix).
        if (failure && known.has(signatureOf({ ...failure, format: regression.format }))) return;
        assert.equal(failure, undefined, `${failure?.kind}: ${failure?.reason}`);
      });
    }
  });
});
