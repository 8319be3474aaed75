import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Lexer } from 'chevrotain';
import type { IToken } from 'chevrotain';
import { lexXenConfig } from '../../../../server/src/formats/xen/lexer';
import { XEN_TOKENS } from '../../../../server/src/formats/xen/tokens';
import { mutateTokens } from '../../../fuzz/mutate';
import { prng } from '../../../fuzz/prng';

const FIXTURES = path.join(__dirname, '../../../../../test/fixtures/xen');

/** The Chevrotain lexer of the token definitions, which the hand-written lexer must equal. */
const REFERENCE = new Lexer(XEN_TOKENS, { positionTracking: 'onlyOffset', ensureOptimizations: true });

/** Every character the token definitions treat apart, and some they do not. */
const ALPHABET = [
  ...[
    ' ',
    '\t',
    '\f',
    '\v',
    '\r',
    '\n',
    '\r\n',
    '#',
    ';',
    ',',
    '[',
    ']',
    '+',
    '+=',
    '=',
    '==',
    '===',
    '(',
    ')',
  ],
  ...[':', '\\', "'", '"', "'''", '"""', '\u2018', '\u2019', '\u201c', '\u201d', '\\n', "\\'", '\\\n'],
  ...[
    '0',
    '0x1f',
    '1.5',
    '1e5',
    '9_a',
    'a',
    'Z',
    '_x',
    'a.b',
    'é',
    '\u00a0',
    '\u2028',
    '😀',
    '\ud800',
    '%',
    '$',
  ],
];

function show(tokens: readonly IToken[]): string[] {
  return tokens.map((t) => `${t.startOffset} ${t.tokenType.name} ${JSON.stringify(t.image)}`);
}

function assertSameAsReference(text: string, label: string): void {
  const want = REFERENCE.tokenize(text);
  const got = lexXenConfig(text);
  assert.equal(want.errors.length, 0, `${label}: the reference lexer failed`);
  assert.deepEqual(show(got.tokens), show(want.tokens), `${label}: tokens of ${JSON.stringify(text)}`);
  assert.deepEqual(show(got.comments), show(want.groups['comments']), `${label}: comments`);
  assert.deepEqual(show(got.carriageReturns), show(want.groups['carriageReturns']), `${label}: CRs`);
  // The parser matches tokens by their index: the objects must carry the same fields.
  assert.deepEqual(got.tokens, want.tokens, `${label}: token objects`);
}

describe('Xen config lexer', () => {
  const seeds = fs
    .readdirSync(FIXTURES)
    .filter((f) => !f.endsWith('.golden'))
    .map((f) => fs.readFileSync(path.join(FIXTURES, f), 'utf8'));

  it('reads the fixtures as the Chevrotain lexer of the token definitions does', () => {
    seeds.forEach((text, i) => assertSameAsReference(text, `fixture ${i}`));
  });

  it('reads mutated configs and random runs of special characters the same way (3,000 cases)', () => {
    const rnd = prng(20261123);
    for (let i = 0; i < 1500; i++) {
      assertSameAsReference(mutateTokens(seeds[i % seeds.length], rnd, ALPHABET), `mutant ${i}`);
    }
    for (let i = 0; i < 1500; i++) {
      const length = Math.floor(rnd() * 12);
      let text = '';
      for (let j = 0; j < length; j++) text += ALPHABET[Math.floor(rnd() * ALPHABET.length)];
      assertSameAsReference(text, `random ${i}`);
    }
  });

  it('keeps comments and carriage returns apart, and skips blanks', () => {
    const lexed = lexXenConfig("a = 'x' # note\r\nb=1\r\n");
    assert.deepEqual(show(lexed.tokens), [
      '0 Identifier "a"',
      '2 Equals "="',
      `4 StringLiteral "'x'"`,
      '15 Newline "\\n"',
      '16 Identifier "b"',
      '17 Equals "="',
      '18 NumberLiteral "1"',
      '20 Newline "\\n"',
    ]);
    assert.deepEqual(show(lexed.comments), ['8 Comment "# note\\r"']);
    assert.deepEqual(show(lexed.carriageReturns), ['19 CarriageReturn "\\r"']);
  });
});
