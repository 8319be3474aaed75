import assert from 'node:assert/strict';
import { createToken, Lexer } from 'chevrotain';
import { startCharsExcept } from '../../../server/src/formats/start-chars';

// Catch-all tokens list their first characters so that Chevrotain picks candidate tokens by the first
// character of the input. The list holds one character per group Chevrotain files them under; a lexer built
// with it must read every text as one built with every character does.

/** A lexer with blanks, `=` and a catch-all word token whose first characters are `hint`. */
function lexerWith(hint: number[]): Lexer {
  const Blank = createToken({ name: 'Blank', pattern: /\s+/ });
  const Equals = createToken({ name: 'Equals', pattern: /=/ });
  const Word = createToken({ name: 'Word', pattern: /[^\s=]+/, start_chars_hint: hint });
  return new Lexer([Blank, Equals, Word], { positionTracking: 'onlyOffset', ensureOptimizations: true });
}

/** Every UTF-16 code unit that `excluded` does not match (the list the hint used to be). */
function everyCharExcept(excluded: RegExp): number[] {
  const out: number[] = [];
  for (let c = 0; c <= 0xffff; c++) if (!excluded.test(String.fromCharCode(c))) out.push(c);
  return out;
}

describe('first characters of catch-all tokens', () => {
  it('lexes words starting with any character as the complete list does', () => {
    const excluded = /[\s=]/;
    const compact = lexerWith(startCharsExcept(excluded));
    const complete = lexerWith(everyCharExcept(excluded));
    // Every code unit followed by `x`, between blanks: a word, or a blank or `=` then the word `x`.
    const words = Array.from({ length: 0x10000 }, (_, c) => `${String.fromCharCode(c)}x`);
    const text = `${words.join(' ')} key=value é€中 \t`;
    const read = (lexer: Lexer): string[] => {
      const result = lexer.tokenize(text);
      assert.deepEqual(result.errors, []);
      return result.tokens.map((t) => `${t.tokenType.name}@${t.startOffset}:${t.image}`);
    };
    const starts = read(complete).filter((t) => t.startsWith('Word@')).length;
    assert.equal(
      starts,
      0x10000 + 3,
      'a word for each character (after it, when it is no word character), and 3',
    );
    assert.deepEqual(read(compact), read(complete));
  });

  it('lists at most one character per group, none of them excluded', () => {
    const hint = startCharsExcept(/[\s=#]/);
    assert.ok(hint.length <= 511, `${hint.length} characters`);
    assert.ok(hint.every((c) => !/[\s=#]/.test(String.fromCharCode(c))));
    assert.ok(hint.includes('A'.charCodeAt(0)) && !hint.includes('='.charCodeAt(0)));
  });
});
