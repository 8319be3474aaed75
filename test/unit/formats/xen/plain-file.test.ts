import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseXenConfig, parseXenConfigByTokens } from '../../../../server/src/formats/xen/parser';
import { readPlainXenConfig } from '../../../../server/src/formats/xen/plain-file';
import { fuzzFormat } from '../../../fuzz/formats';
import { mutateTokens } from '../../../fuzz/mutate';
import { prng } from '../../../fuzz/prng';
import { randomLines } from '../../helpers/random-lines';

const FIXTURES = path.join(__dirname, '../../../../../test/fixtures/xen');

// A plain domain config is read straight from the text (plain-file.ts); any other is lexed and read by
// tokens. The tree, issues, comments and carriage returns must be those of the file read by tokens.

const LINES = [
  'name = "dom0005"',
  "vif = [ 'mac=00:16:3e:00:00:05,bridge=xenbr0' ]",
  'memory = 2048',
  'maxmem=0x800 # hex',
  "extra += ' console=hvc0'",
  '  vcpus\t=\t4',
  '# a comment',
  "disk = [ 'phy:/dev/vg/a,xvda,w',",
  "         'file:/srv/b.img,xvdb,r', # second disk",
  ']',
  "nested = [ [ 1, 0x2 ], [ ], ['a',], ]",
  'empty = []',
  "s = ''",
  'a = 1; b = 2',
  'x == 1',
  'f = 1.5',
  'n = 12abc',
  'bad = 0X1F',
  "t = '''triple'''",
  "e = 'a\\tb'",
  "q = 'domu1’",
  "h = 'it’s' # ‘quoted’",
  '“x” = 1',
  "m = [ 'a' ’ ]",
  "u = 'unterminated",
  'if x:',
  '  y = 1',
  "w = [ 'a' 'b' ]",
  'c = [ , ]',
  'key.with.dots = "v"',
  '_under = "v"#glued comment',
  'v = "a"b',
  'def f():',
  'z = (1, 2)',
  'p = \f"x"',
  'r = "x"\r',
  '',
  '   ',
];

/** Asserts that `text` parses to the tree the tokens give; whether it was read as a plain file. */
function readsAsTokensDo(text: string, label: string): boolean {
  assert.deepEqual(parseXenConfig(text), parseXenConfigByTokens(text), `${label}: ${JSON.stringify(text)}`);
  return readPlainXenConfig(text) !== undefined;
}

describe('plain domain configs read from the text', () => {
  it('reads a plain config without tokens, and leaves any other to them', () => {
    const plain = 'name = "a"\nvif = [ \'mac=00:16:3e:00:00:01\',\n  # x\n]\nmemory = 0x80 # m\n';
    assert.ok(readPlainXenConfig(plain));
    for (const other of [
      'a = 1; b = 2\n',
      "e = 'a\\tb'\n",
      'f = 1.5\n',
      'name = "a"\r\n',
      'if x:\n  y = 1\n',
    ])
      assert.equal(readPlainXenConfig(other), undefined, JSON.stringify(other));
  });

  it('gives the tree of the file read by tokens, on fixtures and 3,000 mutated files', () => {
    const seeds = fs
      .readdirSync(FIXTURES)
      .filter((f) => !f.endsWith('.golden'))
      .map((f) => fs.readFileSync(path.join(FIXTURES, f), 'utf8'));
    seeds.push(...LINES, LINES.slice(0, 13).join('\n'), LINES.join('\n'));
    const alphabet = [...fuzzFormat('xen-config').alphabet, 'name = ', '1', "'x'", '# c', '\t', 'f'];
    const rnd = prng(12);
    let plain = 0;
    for (let i = 0; i < 3000; i++) {
      const text = i < seeds.length ? seeds[i] : mutateTokens(seeds[i % seeds.length], rnd, alphabet);
      if (readsAsTokensDo(text, `case ${i}`)) plain++;
    }
    assert.ok(plain > 300, `only ${plain} plain files read`);
  });

  it('gives the tree of the file read by tokens for files of random lines', () => {
    let plain = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const text = randomLines(LINES, seed, 1 + (seed % 6)) + (seed % 2 ? '\n' : '');
      if (readsAsTokensDo(text, `seed ${seed}`)) plain++;
    }
    assert.ok(plain > 20, `only ${plain} plain files read`);
  });
});
