import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { IToken } from 'chevrotain';
import type { Span } from '../../../../server/src/core/text';
import {
  lexDhcpConf,
  lexDhcpConfByChevrotain,
  lexDhcpRange,
} from '../../../../server/src/formats/dhcp/lexer';
import { isClosedString } from '../../../../server/src/formats/dhcp/pieces';
import { LBrace, RBrace, StringLiteral } from '../../../../server/src/formats/dhcp/tokens';
import { fuzzFormat } from '../../../fuzz/formats';
import { mutateTokens } from '../../../fuzz/mutate';
import { prng } from '../../../fuzz/prng';

const FIXTURES = path.join(__dirname, '../../../../../test/fixtures/dhcp');
const REGRESSIONS = path.join(__dirname, '../../../../../test/fixtures/fuzz-regressions/dhcpd-conf');

function show(tokens: readonly IToken[]): string[] {
  return tokens.map((t) => `${t.startOffset} ${t.tokenType.name} ${JSON.stringify(t.image)}`);
}

function showSpans(spans: readonly Span[]): string[] {
  return spans.map((s) => `${s.start}-${s.end}`);
}

/** What the piece reader needs of a range, found by a walk of the reference's tokens. */
function walked(tokens: readonly IToken[]): { depth: number; unclosedString: boolean } {
  let depth = 0;
  let unclosedString = false;
  for (const t of tokens) {
    if (t.tokenType === LBrace) depth++;
    else if (t.tokenType === RBrace) depth = Math.max(0, depth - 1);
    else if (t.tokenType === StringLiteral && !isClosedString(t.image)) unclosedString = true;
  }
  return { depth, unclosedString };
}

function assertSameAsReference(text: string, label: string): number {
  const want = lexDhcpConfByChevrotain(text);
  const range = lexDhcpRange(text, 0, text.length);
  assert.deepEqual(
    { depth: range.depth, unclosedString: range.unclosedString },
    walked(want.tokens),
    `${label}: brace depth and unclosed strings`,
  );
  const got = lexDhcpConf(text);
  assert.deepEqual(show(got.tokens), show(want.tokens), `${label}: tokens of ${JSON.stringify(text)}`);
  assert.deepEqual(showSpans(got.comments), showSpans(want.comments), `${label}: comments`);
  // The statement layer compares token types and reads images and offsets: the same fields, the same values.
  assert.deepEqual(got, want, `${label}: token objects`);
  return got.tokens.length;
}

/** The dhcpd.conf lexer written out (issue 6) against the Chevrotain lexer of its token definitions. */
describe('dhcpd.conf lexer', () => {
  const seeds = [FIXTURES, REGRESSIONS].flatMap((dir) =>
    fs
      .readdirSync(dir)
      .filter((f) => !f.endsWith('.golden'))
      .map((f) => fs.readFileSync(path.join(dir, f), 'utf8')),
  );
  const alphabet = [
    ...fuzzFormat('dhcpd-conf').alphabet,
    ...[' ', '\t', '\r', '\f', '\v', '\n', '#', '# c\n', '{', '}', ';', ',', '(', ')', '=', '!=', '~=', '~~'],
    ...['!', '~', '!!', '"', '""', '"a b"', '"a\\"b"', '"\\', '"\n', '\\', '\u00a0', '\u2028', 'é', '\ud800'],
    ...['host', 'a.b:c-d_e', '10.0.0.1', '00:16:3e:00:00:01', '@', '$', '`', '[', ']', '/', '*', '+'],
  ];

  it('reads the fixtures and 3,000 mutated dhcpd.conf files into the same tokens as the Chevrotain lexer', () => {
    const rnd = prng(2131);
    let tokens = 0;
    const small = seeds.filter((s) => s.length < 50_000);
    for (let i = 0; i < 3000 + seeds.length; i++) {
      const text = i < seeds.length ? seeds[i] : mutateTokens(small[i % small.length], rnd, alphabet);
      tokens += assertSameAsReference(text, `case ${i}`);
    }
    assert.ok(tokens > 30000, `only ${tokens} tokens read`);
  });

  it('reads 5,000 random runs of blanks, quotes, escapes, comments and operators the same way', () => {
    const rnd = prng(2132);
    for (let i = 0; i < 5000; i++) {
      let text = '';
      for (let n = Math.floor(rnd() * 12); n > 0; n--) text += alphabet[Math.floor(rnd() * alphabet.length)];
      assertSameAsReference(text, `random ${i}`);
    }
  });

  it('reads a range in place as the reference reads that slice, offsets counted in the whole text', () => {
    const rnd = prng(2133);
    const text = seeds.find((s) => s.includes('"') && s.includes('#')) ?? seeds[0];
    for (let i = 0; i < 500; i++) {
      const start = Math.floor(rnd() * text.length);
      const end = start + Math.floor(rnd() * (text.length - start));
      const want = lexDhcpConfByChevrotain(text.slice(start, end));
      const got = lexDhcpRange(text, start, end);
      const moved = want.tokens.map(
        (t) => `${t.startOffset + start} ${t.tokenType.name} ${JSON.stringify(t.image)}`,
      );
      assert.deepEqual(show(got.tokens), moved, `range ${start}-${end}`);
      const comments = want.comments.map((c) => `${c.start + start}-${c.end + start}`);
      assert.deepEqual(showSpans(got.comments), comments, `range ${start}-${end}: comments`);
    }
  });

  it('ends an unclosed string at its line, or at the end of the range', () => {
    assert.deepEqual(show(lexDhcpConf('a "b\\"c\nd;').tokens), [
      '0 Atom "a"',
      '2 StringLiteral "\\"b\\\\\\"c"',
      '8 Atom "d"',
      '9 Semicolon ";"',
    ]);
    assert.deepEqual(show(lexDhcpRange('x "abc" y', 2, 5).tokens), ['2 StringLiteral "\\"ab"']);
    assert.deepEqual(show(lexDhcpConf('a!=b~~c !d').tokens), [
      '0 Atom "a"',
      '1 Compare "!="',
      '3 Atom "b"',
      '4 Compare "~~"',
      '6 Atom "c"',
      '8 OtherChar "!"',
      '9 Atom "d"',
    ]);
  });
});
