import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { IToken } from 'chevrotain';
import { lexExports, lexExportsByChevrotain } from '../../../../server/src/formats/exports/lexer';
import { fuzzFormat } from '../../../fuzz/formats';
import { mutateTokens } from '../../../fuzz/mutate';
import { prng } from '../../../fuzz/prng';

const FIXTURES = path.join(__dirname, '../../../../../test/fixtures/exports');
const REGRESSIONS = path.join(__dirname, '../../../../../test/fixtures/fuzz-regressions/nfs-exports');

function show(tokens: readonly IToken[]): string[] {
  return tokens.map((t) => `${t.startOffset} ${t.tokenType.name} ${JSON.stringify(t.image)}`);
}

function assertSameAsReference(text: string, label: string): number {
  const want = lexExportsByChevrotain(text);
  const got = lexExports(text);
  assert.deepEqual(show(got.tokens), show(want.tokens), `${label}: tokens of ${JSON.stringify(text)}`);
  assert.deepEqual(show(got.comments), show(want.comments), `${label}: comments`);
  // The line grammar matches tokens by their index: the objects must carry the same fields.
  assert.deepEqual(got, want, `${label}: token objects`);
  return got.tokens.length;
}

/** The exports lexer written out (issue 6) against the Chevrotain lexer of its token definitions. */
describe('exports lexer', () => {
  const seeds = [FIXTURES, REGRESSIONS].flatMap((dir) =>
    fs
      .readdirSync(dir)
      .filter((f) => !f.endsWith('.golden'))
      .map((f) => fs.readFileSync(path.join(dir, f), 'utf8')),
  );
  const alphabet = [
    ...fuzzFormat('nfs-exports').alphabet,
    ...[' ', '\t', '\r', '\f', '\v', '\n', '\\', '\\\n', '\\\n \t', '\\\\\n', '#', '(', ')', ',', '-', ' -'],
    ...['"', '""', '"a b"', '"a#', '"\n', '\u00a0', '\u2028', '\ufeff', '\u0085', 'é', '\ud800', 'rw', 'x'],
  ];

  it('reads the fixtures and 3,000 mutated exports files into the same tokens as the Chevrotain lexer', () => {
    const rnd = prng(1131);
    let tokens = 0;
    const small = seeds.filter((s) => s.length < 50_000);
    for (let i = 0; i < 3000 + seeds.length; i++) {
      const text = i < seeds.length ? seeds[i] : mutateTokens(small[i % small.length], rnd, alphabet);
      tokens += assertSameAsReference(text, `case ${i}`);
    }
    assert.ok(tokens > 30000, `only ${tokens} tokens read`);
  });

  it('reads 5,000 random runs of blanks, quotes, continuations and words the same way', () => {
    const rnd = prng(1132);
    for (let i = 0; i < 5000; i++) {
      let text = '';
      for (let n = Math.floor(rnd() * 12); n > 0; n--) text += alphabet[Math.floor(rnd() * alphabet.length)];
      assertSameAsReference(text, `random ${i}`);
    }
  });

  it('reads a `-` as a Dash only after a blank, other Unicode blanks as stray characters, quotes up to `#`', () => {
    assert.deepEqual(show(lexExports('/a -rw h(x)-y\u00a0"q #c\n').tokens), [
      '0 Word "/a"',
      '2 WhiteSpace " "',
      '3 Dash "-"',
      '4 Word "rw"',
      '6 WhiteSpace " "',
      '7 Word "h"',
      '8 LParen "("',
      '9 Word "x"',
      '10 RParen ")"',
      '11 Word "-y"',
      '13 OtherChar "\u00a0"',
      // A quote groups up to the next quote, line break or `#`.
      '14 Word "\\"q "',
      '19 Newline "\\n"',
    ]);
  });
});
