import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseExports, parseExportsByTokens } from '../../../../server/src/formats/exports/parser';
import { fuzzFormat } from '../../../fuzz/formats';
import { mutateTokens } from '../../../fuzz/mutate';
import { prng } from '../../../fuzz/prng';
import { randomLines } from '../../helpers/random-lines';

const FIXTURES = path.join(__dirname, '../../../../../test/fixtures/exports');

// Plain lines are read straight from the text (plain-line.ts); every other line is lexed and read by the
// grammar. The tree, issues, comments and continuations must be those of the whole file read by tokens.

const LINES = [
  '/export/dom0001 10.0.0.2(rw,sync,no_root_squash,no_subtree_check)',
  '/export/dom0002\t10.0.0.0/24(rw,,sync,) *.lab(ro)  @ops # trailing',
  '/srv/a -ro,async 10.0.0.3(rw) *.lab(ro)',
  '  /srv/x  host (rw)',
  '/srv/"my root" @ops(rw,crossmnt) # a comment',
  '# a comment line',
  '   # indented comment',
  '/srv/b \\',
  '    10.0.0.9(rw) \\',
  '/srv/c 10.0.0.4(rw,"unterminated',
  '/srv/d 10.0.0.5(rw)x "x',
  '/srv/e\t10.0.0.6(ro)\r',
  '/srv/f 10.0.0.7(rw',
  '/srv/g 10.0.0.8() h(rw, sync) i(fsid=0,sec=krb5:sys)',
  '/srv/h#x 10.1.1.1(ro)#c',
  '/srv/\u00e9t\u00e9 h\u00f4te(rw)',
  '-sync',
  '/srv/i \f 10.0.0.1 \v x',
  '/srv/j 10.0.0.1(rw)(ro) k((rw))',
  '',
  '   ',
];

describe('plain export lines read from the text', () => {
  it('gives the tree of the lines read by tokens, on fixtures and 3,000 mutated files', () => {
    const seeds = fs
      .readdirSync(FIXTURES)
      .filter((f) => !f.endsWith('.golden'))
      .map((f) => fs.readFileSync(path.join(FIXTURES, f), 'utf8'));
    seeds.push(...LINES, LINES.join('\n'), LINES.join('\r\n'));
    const alphabet = [
      ...fuzzFormat('nfs-exports').alphabet,
      '(',
      ')',
      '-',
      ' ',
      'rw',
      '*',
      '10.0.0.1',
      '#',
      '\r',
    ];
    const rnd = prng(11);
    let entries = 0;
    for (let i = 0; i < 3000; i++) {
      const text = i < seeds.length ? seeds[i] : mutateTokens(seeds[i % seeds.length], rnd, alphabet);
      const direct = parseExports(text);
      assert.deepEqual(direct, parseExportsByTokens(text), `case ${i}: ${JSON.stringify(text)}`);
      entries += direct.entries.length;
    }
    assert.ok(entries > 5000, `only ${entries} entries read`);
  });

  it('gives the tree of the lines read by tokens for files of random lines', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const text = randomLines(LINES, seed, 200) + (seed % 2 ? '\n' : '');
      assert.deepEqual(parseExports(text), parseExportsByTokens(text), `seed ${seed}`);
    }
  });
});
