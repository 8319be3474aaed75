import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import type { IToken } from 'chevrotain';
import {
  parseKconfigLines,
  parseKconfigLinesByGrammar,
} from '../../../../server/src/formats/kconfig/grammar';
import type { KconfigLineSink } from '../../../../server/src/formats/kconfig/grammar';
import { lexKconfig } from '../../../../server/src/formats/kconfig/lexer';
import { fuzzFormat } from '../../../fuzz/formats';
import { mutateTokens } from '../../../fuzz/mutate';
import { prng } from '../../../fuzz/prng';

const FIXTURES = path.join(__dirname, '../../../../../test/fixtures/kconfig');

/** What a reader tells its sink, line by line, and what it could not place. */
function told(
  read: (tokens: readonly IToken[], sink: KconfigLineSink) => IToken | undefined,
  text: string,
): string[] {
  const lines: string[] = [];
  const say =
    (kind: string) =>
    (t: IToken): void => {
      lines.push(`${kind} ${t.startOffset} ${JSON.stringify(t.image)}`);
    };
  const error = read(lexKconfig(text), {
    assignment: say('assignment'),
    notSet: say('notSet'),
    comment: say('comment'),
    symbol: say('symbol'),
    junk: say('junk'),
  });
  if (error) lines.push(`error ${error.startOffset}`);
  return lines;
}

describe('.config lines read directly and by the grammar', () => {
  const seeds = fs
    .readdirSync(FIXTURES)
    .filter((f) => !f.endsWith('.golden'))
    .map((f) => fs.readFileSync(path.join(FIXTURES, f), 'utf8'));
  const alphabet = [
    ...fuzzFormat('kconfig').alphabet,
    'CONFIG_X',
    'CONFIG_A=y\n',
    '# CONFIG_B is not set',
    '\r',
  ];

  it('tells the sink the same lines as the grammar for 2,000 mutated configs', () => {
    const rnd = prng(61);
    let lines = 0;
    for (let i = 0; i < 2000; i++) {
      const text = i < seeds.length ? seeds[i] : mutateTokens(seeds[i % seeds.length], rnd, alphabet);
      const direct = told(parseKconfigLines, text);
      assert.deepEqual(direct, told(parseKconfigLinesByGrammar, text), `case ${i}: ${JSON.stringify(text)}`);
      lines += direct.length;
    }
    assert.ok(lines > 20000, `only ${lines} lines told`);
  });

  it('tells the sink the same lines as the grammar for Debian’s stock config', () => {
    const gz = path.join(FIXTURES, '../kconfig-debian/config-6.1.192-amd64.gz');
    const text = zlib.gunzipSync(fs.readFileSync(gz)).toString('utf8');
    const direct = told(parseKconfigLines, text);
    assert.ok(direct.length > 10000);
    assert.deepEqual(direct, told(parseKconfigLinesByGrammar, text));
  });

  it('tells each kind of line once, stray text after a symbol or junk included in its line', () => {
    assert.deepEqual(
      told(parseKconfigLines, 'CONFIG_A=y\n# CONFIG_B is not set\n# x\nCONFIG_C junk\n  x = 1\n\n'),
      [
        'assignment 0 "CONFIG_A=y\\n"',
        'notSet 11 "# CONFIG_B is not set\\n"',
        'comment 33 "# x\\n"',
        'symbol 37 "CONFIG_C"',
        'junk 51 "  "',
      ],
    );
  });
});
