import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { KconfigAst } from '../../../../server/src/formats/kconfig/ast';
import { isPlain, parseKconfig } from '../../../../server/src/formats/kconfig/parser';
import { FIXTURES, debianStockConfig } from '../../helpers/kconfig-site';
import { prng } from '../../../fuzz/prng';

// A `.config` whose lines are all blank, `#` lines or `CONFIG_X=…` (what conf writes) is read line by line;
// any other line sends the whole file through the lexer and the grammar (parser.ts). Lines are read one at a
// time, so a file with a stray line at its end must read exactly like the file without it, plus the issue
// for that line: both ways of reading give the same entries, values, comments and issues.

/** What the user sees of a parse: each entry with its value and spans, the comments, the issues. */
function reading(ast: KconfigAst): { entries: unknown[]; comments: unknown[]; issues: unknown[] } {
  return { entries: ast.entries.toArray(), comments: ast.comments.toArray(), issues: [...ast.issues] };
}

/** Parses `text` as it is (read line by line) and with a stray line after it (read by the grammar). */
function assertSameBothWays(text: string, label: string): void {
  const plain = reading(parseKconfig(text));
  const stray = reading(parseKconfig(`${text}\n  stray text\n`));
  assert.deepEqual(stray.entries, plain.entries, `${label}: entries`);
  assert.deepEqual(stray.comments, plain.comments, `${label}: comments`);
  assert.deepEqual(stray.issues.slice(0, plain.issues.length), plain.issues, `${label}: issues`);
  assert.equal(stray.issues.length, plain.issues.length + 1, `${label}: the stray line's issue`);
}

const LINES = [
  'CONFIG_NFS_FS=y',
  'CONFIG_ROOT_NFS=m',
  'CONFIG_IP_PNP=n',
  'CONFIG_LOG_BUF_SHIFT=17',
  'CONFIG_PHYSICAL_START=0x1000000',
  'CONFIG_CMDLINE="root=/dev/nfs nfsroot=10.0.0.1:/export \\"quoted\\""',
  'CONFIG_CMDLINE="unterminated',
  'CONFIG_EMPTY=',
  'CONFIG_=y',
  'CONFIG_X=y # a note after the value',
  'CONFIG_WEIRD=yes please',
  'CONFIG_NFS_FS=n',
  '# CONFIG_IP_PNP_DHCP is not set',
  '# CONFIG_ROOT_NFS is not set, says a note',
  '#CONFIG_NFS_V3 is not set',
  '#  CONFIG_NFS_V4 is not set',
  '# Networking',
  '# end of Networking',
  '#',
  '# Linux/x86 6.1.0 Kernel Configuration',
  '',
  '',
];

describe('kconfig: plain files read line by line', () => {
  it('reads each fixture and Debian’s stock .config as the grammar does', () => {
    const dir = path.join(FIXTURES, 'kconfig');
    const texts = fs
      .readdirSync(dir)
      .filter((f) => !f.endsWith('.golden'))
      .map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]);
    for (const [name, text] of [...texts, ['stock', debianStockConfig()]]) assertSameBothWays(text, name);
  });

  it('reads every mix of conf’s lines as the grammar does (400 random files)', () => {
    const rnd = prng(6);
    for (let i = 0; i < 400; i++) {
      const count = Math.floor(rnd() * 30);
      const lines = Array.from({ length: count }, () => LINES[Math.floor(rnd() * LINES.length)]);
      const text = lines.join('\n') + (rnd() < 0.5 ? '\n' : '');
      assertSameBothWays(text, `case ${i}: ${JSON.stringify(text)}`);
    }
  });

  it('sends a file to the grammar exactly when one of its lines is not conf’s (2,000 mutated files)', () => {
    // The definition of a plain file, as one expression (what isPlain decides, line by line).
    const NOT_PLAIN = /[\r\u2028\u2029]|^(?!$|#|CONFIG_[A-Za-z0-9_]*=)/m;
    const INSERTS = ['\r', '\u2028', '\u2029', '\n', ' ', '\t', '#', '=', 'x', 'CONFIG_', '\n\n', '\nC'];
    const rnd = prng(61);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
    let plainCount = 0;
    for (let i = 0; i < 2000; i++) {
      let text = Array.from({ length: Math.floor(rnd() * 12) }, () => pick(LINES)).join('\n');
      if (rnd() < 0.5) text += '\n';
      for (let k = Math.floor(rnd() * 3); k > 0; k--) {
        const at = Math.floor(rnd() * (text.length + 1));
        text = text.slice(0, at) + pick(INSERTS) + text.slice(at);
      }
      const expected = !NOT_PLAIN.test(text);
      if (expected) plainCount++;
      assert.equal(isPlain(text), expected, `case ${i}: ${JSON.stringify(text)}`);
    }
    // Both answers occur often enough for the comparison to mean something.
    assert.ok(plainCount > 200 && plainCount < 1800, `${plainCount} plain files`);
  });

  it('reports a line conf cannot read after plain lines, in a file with CRLF line breaks too', () => {
    const text = 'CONFIG_NFS_FS=y\r\n# CONFIG_IP_PNP is not set\r\n\tCONFIG_ROOT_NFS=y\r\n';
    const ast = parseKconfig(text);
    assert.deepEqual(
      ast.entries.toArray().map((e) => [e.kind, e.name, e.line]),
      [
        ['assignment', 'NFS_FS', { start: 0, end: 15 }],
        ['not-set', 'IP_PNP', { start: 17, end: 43 }],
      ],
    );
    assert.deepEqual(
      ast.issues.map((x) => [x.span, x.message]),
      [
        [
          { start: 45, end: 63 },
          "an indented line: conf reads only lines that start with 'CONFIG_' or '#' (\"unexpected data\") and ignores it",
        ],
      ],
    );
  });
});

describe('kconfig: the setting conf keeps', () => {
  it('is the last line that sets the symbol, in a short file and in one of 70,000 lines', () => {
    for (const filler of [10, 70_000]) {
      const lines = Array.from({ length: filler }, (_, i) => `CONFIG_FILLER_${i}=y`);
      const text = ['CONFIG_NFS_FS=n', ...lines, 'CONFIG_NFS_FS=y', '# CONFIG_ROOT_NFS is not set', ''].join(
        '\n',
      );
      const entries = parseKconfig(text).entries;
      assert.equal(entries.length, filler + 3);
      const kept = entries.at(entries.lastIndexOf('NFS_FS'));
      assert.equal(kept.line.start, text.indexOf('CONFIG_NFS_FS=y'), `${filler} lines`);
      assert.deepEqual(entries.indicesOf('NFS_FS'), [0, filler + 1]);
      assert.equal(entries.lastIndexOf('ROOT_NFS'), filler + 2);
      assert.equal(entries.lastIndexOf('FILLER_9'), 10);
    }
  });
});
