import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lexPxelinux, lexPxelinuxByChevrotain } from '../../../../server/src/formats/pxelinux/lexer';
import type { PxeRawLine } from '../../../../server/src/formats/pxelinux/lexer';
import { fuzzFormat } from '../../../fuzz/formats';
import { mutateTokens } from '../../../fuzz/mutate';
import { prng } from '../../../fuzz/prng';

const FIXTURES = path.join(__dirname, '../../../../../test/fixtures/pxelinux');
const REGRESSIONS = path.join(__dirname, '../../../../../test/fixtures/fuzz-regressions/pxelinux');

/** A line as `lexPxelinux(text, true)` reads it: a comment line keeps its first word only. */
function commentsWhole(line: PxeRawLine): PxeRawLine {
  return line.words[0].text.startsWith('#') ? { words: [line.words[0]], span: line.span } : line;
}

/** The PXELINUX lexer written out (issue 6) against the Chevrotain lexer of its tokens. */
describe('PXELINUX lexer', () => {
  const seeds = [FIXTURES, REGRESSIONS].flatMap((dir) =>
    fs
      .readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && !e.name.endsWith('.golden'))
      .map((e) => fs.readFileSync(path.join(e.parentPath ?? e.path, e.name), 'utf8')),
  );
  const alphabet = [
    ...fuzzFormat('pxelinux').alphabet,
    ...[' ', '\t', '\r', '\f', '\v', '\n', '\r\n', '\u00a0', '\u2028', 'é', '\ud800', '#', 'LABEL', 'x'],
  ];

  it('reads the fixtures and 3,000 mutated files into the same lines of words as the Chevrotain lexer', () => {
    const rnd = prng(1125);
    let words = 0;
    // The megabyte regressions are read once, the others mutated.
    const small = seeds.filter((s) => s.length < 50_000);
    assert.ok(small.length > 10, `only ${small.length} seeds`);
    for (let i = 0; i < 3000 + seeds.length; i++) {
      const text = i < seeds.length ? seeds[i] : mutateTokens(small[i % small.length], rnd, alphabet);
      const lines = lexPxelinux(text);
      assert.deepEqual(lines, lexPxelinuxByChevrotain(text), `case ${i}: ${JSON.stringify(text)}`);
      assert.deepEqual(lexPxelinux(text, true), lines.map(commentsWhole), `case ${i}, comments whole`);
      words += lines.reduce((n, l) => n + l.words.length, 0);
    }
    assert.ok(words > 30000, `only ${words} words read`);
  });

  it('reads 3,000 random runs of blanks, line breaks and words the same way', () => {
    const rnd = prng(1126);
    for (let i = 0; i < 3000; i++) {
      let text = '';
      for (let n = Math.floor(rnd() * 12); n > 0; n--) text += alphabet[Math.floor(rnd() * alphabet.length)];
      assert.deepEqual(lexPxelinux(text), lexPxelinuxByChevrotain(text), JSON.stringify(text));
    }
  });

  it('splits lines at line breaks only and words at blanks, carriage returns included', () => {
    assert.deepEqual(
      lexPxelinux(' LABEL\tx\r\n\n  APPEND a=b\u00a0c\f--- d').map((l) => [
        l.span,
        l.words.map((w) => w.text),
      ]),
      [
        [{ start: 1, end: 8 }, ['LABEL', 'x']],
        [{ start: 13, end: 31 }, ['APPEND', 'a=b\u00a0c', '---', 'd']],
      ],
    );
  });
});
