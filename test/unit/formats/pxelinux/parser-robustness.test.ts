import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  completePxelinux,
  hoverPxelinux,
  pxelinuxFoldingSpans,
  pxelinuxSymbols,
} from '../../../../server/src/features/pxelinux';
import type { PxelinuxFile } from '../../../../server/src/rules/pxelinux';
import { PXELINUX_ANALYSER } from '../../../../server/src/workspace/formats/pxelinux';
import { fuzzFormat } from '../../../fuzz/formats';
import { mutateTokens } from '../../../fuzz/mutate';
import { prng } from '../../../fuzz/prng';

const FIXTURES = path.join(__dirname, '../../../../../test/fixtures/pxelinux');

const ALPHABET = fuzzFormat('pxelinux').alphabet;

describe('PXELINUX parser on broken input', () => {
  const seeds = fs
    .readdirSync(FIXTURES)
    .filter((f) => !f.endsWith('.golden'))
    .map((f) => fs.readFileSync(path.join(FIXTURES, f), 'utf8'));

  it('never throws, keeps every span inside the text, and every feature answers (2,000 mutants)', () => {
    const rnd = prng(20261125);
    for (let i = 0; i < 2000; i++) {
      const text = mutateTokens(seeds[i % seeds.length], rnd, ALPHABET);
      const p = i % 2 ? 'tftp/pxelinux.cfg/01-00-16-3e-00-00-01' : 'tftp/pxelinux.cfg/default';
      const file = PXELINUX_ANALYSER.analyse(`file:///m/${p}`, text, {
        path: p,
        toolstack: 'xl',
      }) as PxelinuxFile;
      const findings = PXELINUX_ANALYSER.check(file);
      for (const s of [...file.ast.issues.map((x) => x.span), ...findings.map((f) => f.span)]) {
        assert.ok(
          s.start >= 0 && s.start <= s.end && s.end <= text.length,
          `case ${i}: span ${s.start}-${s.end}`,
        );
      }
      const at = Math.floor(rnd() * (text.length + 1));
      hoverPxelinux(file, at);
      completePxelinux(file, at);
      pxelinuxSymbols(file);
      pxelinuxFoldingSpans(file);
    }
  });
});
