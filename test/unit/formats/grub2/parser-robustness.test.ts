import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  completeGrub2,
  grub2FoldingSpans,
  grub2Symbols,
  hoverGrub2,
} from '../../../../server/src/features/grub2';
import type { Grub2File } from '../../../../server/src/rules/grub2';
import { GRUB2_ANALYSER } from '../../../../server/src/workspace/formats/grub2';
import { fuzzFormat } from '../../../fuzz/formats';
import { mutateTokens } from '../../../fuzz/mutate';
import { prng } from '../../../fuzz/prng';

const FIXTURES = path.join(__dirname, '../../../../../test/fixtures/grub2');

function analyse(text: string): Grub2File {
  return GRUB2_ANALYSER.analyse('file:///m/boot/grub/grub.cfg', text, {
    path: 'boot/grub/grub.cfg',
    toolstack: 'xl',
  }) as Grub2File;
}

const ALPHABET = fuzzFormat('grub2').alphabet;

describe('GRUB 2 parser on broken input', () => {
  const seeds = fs
    .readdirSync(FIXTURES)
    .filter((f) => !f.endsWith('.golden'))
    .map((f) => fs.readFileSync(path.join(FIXTURES, f), 'utf8'));

  it('never throws, keeps every span inside the text, and every feature answers (2,000 mutants)', () => {
    const rnd = prng(20261124);
    for (let i = 0; i < 2000; i++) {
      const text = mutateTokens(seeds[i % seeds.length], rnd, ALPHABET);
      const file = analyse(text);
      const findings = GRUB2_ANALYSER.check(file);
      for (const s of [...file.ast.issues.map((x) => x.span), ...findings.map((f) => f.span)]) {
        assert.ok(
          s.start >= 0 && s.start <= s.end && s.end <= text.length,
          `case ${i}: span ${s.start}-${s.end}`,
        );
      }
      const at = Math.floor(rnd() * (text.length + 1));
      hoverGrub2(file, at);
      completeGrub2(file, at);
      grub2Symbols(file);
      grub2FoldingSpans(file);
    }
  });

  it("an unterminated 'menuentry {' gives a clear diagnostic at its brace, and no hang", () => {
    const text = "menuentry 'Xen' {\n  multiboot2 /xen.gz\n  module2 /vmlinuz root=/dev/nfs\n";
    const started = Date.now();
    const file = analyse(text);
    assert.ok(Date.now() - started < 1000);
    const issue = file.ast.issues.find((i) => i.message.includes('never closed'));
    assert.ok(issue, 'no unclosed-block issue');
    assert.equal(text.slice(issue.span.start, issue.span.end), '{');
    assert.match(issue.message, /menuentry 'Xen'/);
    assert.equal(file.model.entries[0]?.entry.kernel?.text, '/vmlinuz', 'the entry is still modelled');
  });

  it('parses deep nesting and a 1 MB line without trouble', () => {
    const deep = `${'menuentry x {\n'.repeat(500)}echo\n${'}\n'.repeat(500)}`;
    const file = analyse(deep);
    assert.ok(file.ast.issues.some((i) => i.message.includes('nested more than')));
    const long = analyse(`linux /vmlinuz ${'a'.repeat(1_000_000)}\n`);
    assert.deepEqual(long.ast.issues, []);
  });
});
