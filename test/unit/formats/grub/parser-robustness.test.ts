import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Span } from '../../../../server/src/core/text';
import { completeGrub } from '../../../../server/src/features/grub/completion';
import { configfileTarget } from '../../../../server/src/features/grub/definition';
import { hoverGrub } from '../../../../server/src/features/grub/hover';
import { grubFoldingSpans, grubSymbols } from '../../../../server/src/features/grub/symbols';
import { checkGrubFile, checkGrubSet } from '../../../../server/src/rules/grub';
import { analyseGrub } from '../../helpers/grub-site';
import { fuzzFormat } from '../../../fuzz/formats';
import { replaceStep, splice } from '../../../fuzz/mutate';
import { below, prng } from '../../../fuzz/prng';

const FIXTURES = path.join(__dirname, '../../../../../test/fixtures/grub');

/** GRUB's mutants: up to 8 edits, two in five cutting up to 11 characters. */
const GRUB_STEP = replaceStep(fuzzFormat('grub-legacy').alphabet, (r) => (r() < 0.4 ? below(r, 12) : 0));

function assertInside(spans: readonly Span[], length: number, what: string): void {
  for (const s of spans) {
    assert.ok(
      s.start >= 0 && s.start <= s.end && s.end <= length,
      `${what}: ${JSON.stringify(s)} outside 0-${length}`,
    );
  }
}

/** Parses, models, checks and runs every feature at a few offsets; asserts every span lies inside the text. */
function exercise(text: string, random: () => number): void {
  const file = analyseGrub(text);
  const findings = [...checkGrubFile(file), ...checkGrubSet([file], () => false)];
  assertInside(
    findings.map((f) => f.span),
    text.length,
    'finding',
  );
  assertInside(
    findings.flatMap((f) => f.fixes ?? []).flatMap((x) => x.edits.map((e) => e.span)),
    text.length,
    'fix',
  );
  assertInside(
    file.ast.commands.flatMap((c) => [c.span, c.name.span, ...c.args.map((a) => a.span)]),
    text.length,
    'ast',
  );
  assertInside(
    file.entries.flatMap((e) => [e.span, e.kernel?.span, e.hypervisor?.span].filter((s) => s !== undefined)),
    text.length,
    'model',
  );
  assertInside(
    grubFoldingSpans(file).map((f) => f.span),
    text.length,
    'folding',
  );
  assertInside(
    grubSymbols(file).map((s) => s.span),
    text.length,
    'symbols',
  );
  for (let i = 0; i < 5; i++) {
    const offset = Math.floor(random() * (text.length + 1));
    const hover = hoverGrub(file, offset);
    if (hover) assertInside([hover.span], text.length, 'hover');
    completeGrub(file, offset);
    configfileTarget(file, offset);
  }
}

describe('GRUB legacy parser robustness', () => {
  const seeds = fs.readdirSync(FIXTURES).filter((f) => !f.endsWith('.golden'));

  it('never throws on seeded mutants of the fixtures, and keeps every span inside the text', () => {
    for (const name of seeds) {
      const original = fs.readFileSync(path.join(FIXTURES, name), 'utf8');
      for (let seed = 1; seed <= 60; seed++) {
        const random = prng(seed * 7919 + name.length);
        const text = splice(original, random, 8, GRUB_STEP);
        assert.doesNotThrow(() => exercise(text, random), `${name}, seed ${seed}`);
      }
    }
  });

  it('reads a menu.lst full of NUL bytes with clear diagnostics', () => {
    const text = 'default 0\0\0\0\ntitle \0Linux\n  kernel /vmlinuz\0root=/dev/nfs\n\0\0\0\0\0\0\n';
    const file = analyseGrub(text);
    const findings = checkGrubFile(file).map(
      (f) => `${f.ruleId} ${JSON.stringify(text.slice(f.span.start, f.span.end))}`,
    );
    assert.deepEqual(findings, [
      'grub/syntax "\\u0000\\u0000\\u0000"',
      'grub/syntax "\\u0000"',
      'grub/syntax "\\u0000"',
      'grub/syntax "\\u0000\\u0000\\u0000\\u0000\\u0000\\u0000"',
    ]);
    assert.deepEqual(
      file.entries.map((e) => [e.title?.text, e.kernel?.text]),
      [['', '/vmlinuz']],
    );
  });

  it('handles odd texts: empty, only comments, a lone backslash, unclosed devices, 10,000 lines', () => {
    for (const text of [
      '',
      '#',
      '\\',
      '\\\n\\\n',
      '# comment \\\nstill comment\n',
      'title',
      '=\n',
      'root (hd0',
      'kernel (\n',
    ]) {
      assert.doesNotThrow(() => exercise(text, prng(1)), JSON.stringify(text));
    }
    const big = Array.from(
      { length: 10000 },
      (_, i) => `title E${i}\n  kernel /vmlinuz-${i} root=/dev/nfs ip=dhcp`,
    ).join('\n');
    const started = Date.now();
    assert.equal(analyseGrub(big).entries.length, 10000);
    assert.ok(Date.now() - started < 5000);
  });

  it('a comment ending in a backslash goes on over the next line, as in GRUB', () => {
    const file = analyseGrub('# kernel \\\nkernel /vmlinuz\ntitle A\n  root (nd)\n');
    assert.deepEqual(
      file.ast.globals.map((c) => c.name.text),
      [],
    );
    assert.equal(file.ast.comments.length, 1);
  });
});
