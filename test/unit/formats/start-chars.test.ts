import assert from 'node:assert/strict';
import { startCharsExcept } from '../../../server/src/formats/start-chars';

/** The definition: every code unit the pattern does not match alone. */
function oneByOne(excluded: RegExp): number[] {
  const out: number[] = [];
  for (let c = 0; c <= 0xffff; c++) if (!excluded.test(String.fromCharCode(c))) out.push(c);
  return out;
}

describe('start characters of catch-all tokens', () => {
  it('lists every code unit but those the class matches, for the classes the lexers use and others', () => {
    const classes = [
      /[ \t\r\n\f\v]/,
      /[\s(),#]/,
      /\n/,
      /[\s=#]/,
      /[ \t\r\f\v\n]/,
      /[ \t\r\n{}|&;<>]/,
      /[ =\0\n]/,
      /[^a-z]/,
      /[\]\\-]/,
      /\s/,
      /[\ud800-\udfff]/,
      /[a-z]/i,
      /\p{L}/u,
      /^a/,
    ];
    for (const c of classes) assert.deepEqual(startCharsExcept(c), oneByOne(c), String(c));
  });
});
