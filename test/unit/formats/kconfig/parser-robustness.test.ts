import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { completeKconfig } from '../../../../server/src/features/kconfig/completion';
import { hoverKconfig } from '../../../../server/src/features/kconfig/hover';
import { kconfigFoldingSpans, kconfigSymbols } from '../../../../server/src/features/kconfig/symbols';
import { nfsRootRequirements } from '../../../../server/src/formats/kconfig/model';
import { parseKconfig } from '../../../../server/src/formats/kconfig/parser';
import { KCONFIG_ANALYSER } from '../../../../server/src/workspace/formats/kconfig';
import { FIXTURES, analyseKconfig, debianStockConfig } from '../../helpers/kconfig-site';
import { fuzzFormat } from '../../../fuzz/formats';
import { mutateTokens } from '../../../fuzz/mutate';
import { prng } from '../../../fuzz/prng';

const ALPHABET = fuzzFormat('kconfig').alphabet;

describe('kconfig parser on large and broken input', () => {
  it('parses a 10,000-line .config (Debian’s stock one) and checks it in well under a second', () => {
    const text = debianStockConfig();
    assert.ok(text.split('\n').length > 10000);
    analyseKconfig(text); // warm up Chevrotain
    const t0 = Date.now();
    const file = analyseKconfig(text);
    KCONFIG_ANALYSER.check(file);
    const ms = Date.now() - t0;
    assert.ok(ms < 1500, `took ${ms} ms`);
    assert.ok(file.model.symbols.size > 8000);
  });

  it('never throws, keeps spans inside the text, and every feature answers (1,500 mutants)', () => {
    const dir = path.join(FIXTURES, 'kconfig');
    const seeds = fs
      .readdirSync(dir)
      .filter((f) => !f.endsWith('.golden'))
      .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
    const rnd = prng(20261123);
    for (let i = 0; i < 1500; i++) {
      const text = mutateTokens(seeds[i % seeds.length], rnd, ALPHABET);
      const ast = parseKconfig(text);
      for (const s of [...ast.entries.toArray().map((e) => e.line), ...ast.issues.map((x) => x.span)])
        assert.ok(
          s.start >= 0 && s.start <= s.end && s.end <= text.length,
          `case ${i}: span ${s.start}-${s.end}`,
        );
      const file = analyseKconfig(text, i % 2 ? 'boot/config-6.1.0' : 'x/notes.txt');
      for (const f of KCONFIG_ANALYSER.check(file))
        assert.ok(f.span.end <= text.length, `case ${i}: ${f.ruleId}`);
      const offset = Math.floor(rnd() * (text.length + 1));
      hoverKconfig(file, offset);
      completeKconfig(file, offset);
      kconfigSymbols(file);
      kconfigFoldingSpans(file);
      nfsRootRequirements(file, { domU: true, protocol: 'dhcp' });
    }
  });
});
