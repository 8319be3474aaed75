import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lexGrub2, lexGrub2ByChevrotain } from '../../../../server/src/formats/grub2/lexer';
import { matchWord } from '../../../../server/src/formats/grub2/tokens';
import { fuzzFormat } from '../../../fuzz/formats';
import { mutateTokens } from '../../../fuzz/mutate';
import { prng } from '../../../fuzz/prng';

const FIXTURES = path.join(__dirname, '../../../../../test/fixtures/grub2');
const REGRESSIONS = path.join(__dirname, '../../../../../test/fixtures/fuzz-regressions/grub2');

/** `matchWord` as it was written with one-character strings and a set (the reference of the character codes). */
function referenceWordEnd(text: string, offset: number): number {
  const wordEnd = new Set([' ', '\t', '\r', '\n', '{', '}', '|', '&', ';', '<', '>']);
  const quotedEnd = (i: number): number => {
    const quote = text[i];
    let j = i + 1;
    while (j < text.length && text[j] !== quote) j += quote === '"' && text[j] === '\\' ? 2 : 1;
    return Math.min(j + 1, text.length);
  };
  const braced = /\$\{(?:[A-Za-z_][A-Za-z0-9_]*|[0-9]+|[?#*@])\}/y;
  let i = offset;
  while (i < text.length && !wordEnd.has(text[i])) {
    const c = text[i];
    if (c === '\\') i = Math.min(i + 2, text.length);
    else if (c === "'" || c === '"') i = quotedEnd(i);
    else if (c === '$' && text[i + 1] === '{') {
      braced.lastIndex = i;
      i += braced.exec(text)?.[0].length ?? 1;
    } else i++;
  }
  return i;
}

/** The GRUB 2 lexer written out (issue 6) against the Chevrotain lexer of its token definitions. */
describe('GRUB 2 lexer', () => {
  const seeds = [FIXTURES, REGRESSIONS].flatMap((dir) =>
    fs
      .readdirSync(dir)
      .filter((f) => !f.endsWith('.golden'))
      .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
      // The megabyte regressions (deep nesting, long words) take seconds through both lexers: the fuzz round has them.
      .filter((text) => text.length < 100_000),
  );
  const small = seeds.filter((s) => s.length < 20_000);
  const alphabet = [
    ...fuzzFormat('grub2').alphabet,
    ...[' ', '\t', '\r', '\n', '#', 'a#b', '|', '||', '|||', '&', '&&', ';', ';;', ';;;', '<', '>', '{', '}'],
    ...['\\', '\\\n', "'", '"', '"a\\"b"', '$', '${x}', '${1}', '${?}', '${', '${a b}', 'é', '\ud800', 'x'],
  ];

  it('reads the fixtures and 2,000 mutated grub.cfg files into the same tokens as the Chevrotain lexer', () => {
    const rnd = prng(1128);
    let words = 0;
    assert.ok(small.length > 10, `only ${small.length} seeds`);
    for (let i = 0; i < 2000 + seeds.length; i++) {
      const text = i < seeds.length ? seeds[i] : mutateTokens(small[i % small.length], rnd, alphabet);
      const lexed = lexGrub2(text);
      assert.deepEqual(lexed, lexGrub2ByChevrotain(text), `case ${i}: ${JSON.stringify(text)}`);
      words += lexed.tokens.filter((t) => t.kind === 'word').length;
    }
    assert.ok(words > 20000, `only ${words} words read`);
  });

  it('reads 5,000 random runs of operators, quotes and words the same way', () => {
    const rnd = prng(1129);
    for (let i = 0; i < 5000; i++) {
      let text = '';
      for (let n = Math.floor(rnd() * 12); n > 0; n--) text += alphabet[Math.floor(rnd() * alphabet.length)];
      assert.deepEqual(lexGrub2(text), lexGrub2ByChevrotain(text), JSON.stringify(text));
    }
  });

  it('ends words where the set of word-ending characters did, at every offset of 2,000 random texts', () => {
    const rnd = prng(1130);
    let words = 0;
    for (let i = 0; i < 2000; i++) {
      let text = '';
      for (let n = Math.floor(rnd() * 12); n > 0; n--) text += alphabet[Math.floor(rnd() * alphabet.length)];
      for (let at = 0; at < text.length; at++) {
        const end = referenceWordEnd(text, at);
        assert.equal(matchWord(text, at)?.[0].length ?? 0, end - at, `${JSON.stringify(text)} at ${at}`);
        if (end > at) words++;
      }
    }
    assert.ok(words > 10000, `only ${words} words`);
  });

  it('doubles `|`, `&` and `;` into operators and keeps `#` inside a word', () => {
    assert.deepEqual(
      lexGrub2('a#b ;; ; |&& # c\n').tokens.map((t) => `${t.kind} ${t.image}`),
      ['word a#b', 'operator ;;', 'semi ;', 'operator |', 'operator &&', 'newline \n', 'eof '],
    );
  });
});
