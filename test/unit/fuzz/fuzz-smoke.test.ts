import assert from 'node:assert/strict';
import * as path from 'node:path';
import { formatOfRegression, loadCorpus, loadRegressions, signatureOf } from '../../fuzz/corpus';
import { prng } from '../../fuzz/prng';
import { checkInput } from '../../fuzz/properties';
import type { Regression } from '../../fuzz/corpus';
import { runFuzz, warmUp } from '../../fuzz/runner';

const SEED = 20260407;

describe('fuzzing the whole server (a short round; `npm run fuzz -- --minutes N` for long ones)', () => {
  it('up to 3,000 generated inputs in 15 s: no crash, hang, out-of-range position or bad fix not yet filed', function () {
    this.timeout(60_000);
    const corpus = loadCorpus();
    warmUp(corpus);
    // Bugs filed as open regression fixtures (reported, not fixed yet) are known; anything else fails.
    const known = new Set(
      loadRegressions()
        .filter((r) => r.regression.status === 'open')
        .map((r) => signatureOf(r.regression)),
    );
    const failures: Regression[] = [];
    const stats = runFuzz({
      corpus,
      seed: SEED,
      maxInputs: 3000,
      until: Date.now() + 15_000,
      onFailure: (r) => failures.push(r),
    });
    assert.deepEqual(
      failures
        .filter((r) => !known.has(signatureOf(r)))
        .map((r) => `${r.format} #${r.index} (${r.length} chars) ${r.kind}: ${r.reason} [${signatureOf(r)}]`),
      [],
    );
    assert.ok(stats.inputs >= 7, `only ${stats.inputs} inputs in the time box`);
  });

  describe('replays every fixture of test/fixtures/fuzz-regressions', () => {
    for (const { file, regression } of loadRegressions()) {
      const name = `${path.basename(path.dirname(file))}/${path.basename(file)}: ${regression.reason}`;
      it(name, function () {
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
        assert.equal(failure, undefined, `${failure?.kind}: ${failure?.reason}`);
      });
    }
  });
});
