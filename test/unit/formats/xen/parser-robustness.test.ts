import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseXenConfig } from '../../../../server/src/formats/xen/parser';
import { hoverXen } from '../../../../server/src/features/hover';
import { completeXen } from '../../../../server/src/features/completion';
import { Workspace } from '../../../../server/src/workspace/workspace';
import { fuzzFormat } from '../../../fuzz/formats';
import { mutateTokens } from '../../../fuzz/mutate';
import { prng } from '../../../fuzz/prng';

const FIXTURES = path.join(__dirname, '../../../../../test/fixtures/xen');

const ALPHABET = fuzzFormat('xen-config').alphabet;

describe('Xen config parser on broken input', () => {
  const seeds = fs
    .readdirSync(FIXTURES)
    .filter((f) => !f.endsWith('.golden'))
    .map((f) => fs.readFileSync(path.join(FIXTURES, f), 'utf8'));

  it('never throws, keeps every span inside the text, and every feature answers (2,000 mutants)', () => {
    const rnd = prng(20261123);
    for (let i = 0; i < 2000; i++) {
      const text = mutateTokens(seeds[i % seeds.length], rnd, ALPHABET);
      const ast = parseXenConfig(text);
      for (const s of [...ast.statements.map((x) => x.span), ...ast.issues.map((x) => x.span)]) {
        assert.ok(
          s.start >= 0 && s.start <= s.end && s.end <= text.length,
          `case ${i}: span ${s.start}-${s.end}`,
        );
      }
      const ws = new Workspace();
      ws.setFile('file:///m/etc/xen/m.cfg', 'etc/xen/m.cfg', text, 1, { format: 'xen-config' });
      const findings = ws.check().get('file:///m/etc/xen/m.cfg') ?? [];
      for (const f of findings) assert.ok(f.span.end <= text.length, `case ${i}: ${f.ruleId} out of range`);
      const file = ws.xenFile('file:///m/etc/xen/m.cfg');
      assert.ok(file || text.includes('\u0000'));
      if (file) {
        const at = Math.floor(rnd() * (text.length + 1));
        hoverXen(file, at);
        completeXen(file, at);
      }
    }
  });

  it('parses a 1 MB line and deeply nested lists without trouble', () => {
    const long = `extra = "${'a'.repeat(1_000_000)}"\n`;
    assert.equal(parseXenConfig(long).statements.length, 1);
    const nested = `disk = ${'['.repeat(2000)}${']'.repeat(2000)}\n`;
    const ast = parseXenConfig(`${nested}memory = 128\n`);
    assert.deepEqual(
      ast.issues.map((i) => i.message),
      ['lists nested more than 64 deep are not analysed'],
    );
    assert.equal(ast.statements.length, 1);
  });
});
