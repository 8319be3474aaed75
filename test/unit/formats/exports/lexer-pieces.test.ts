import assert from 'node:assert/strict';
import { lexExports, lexExportsPieces } from '../../../../server/src/formats/exports/lexer';
import { parseExports } from '../../../../server/src/formats/exports/parser';
import { randomLines } from '../../helpers/random-lines';

// A large exports file is lexed a piece at a time (whole lines, never cut at a `\` continuation); the
// tokens, their offsets and the comments must be exactly those of the whole file lexed at once.

const LINES = [
  '/export/dom0001 10.0.0.2(rw,sync,no_root_squash,no_subtree_check)',
  '/srv/a -ro,async 10.0.0.3(rw) *.lab(ro)',
  '-sync',
  '/srv/"my root" @ops(rw,crossmnt) # a comment',
  '# a comment line',
  '/srv/b \\',
  '    10.0.0.9(rw) \\',
  '\\',
  '/srv/c 10.0.0.4(rw,"unterminated',
  '/srv/d 10.0.0.5(rw) "x',
  '   ',
  '',
  '/srv/e\t10.0.0.6(ro)\r',
];

const shown = (
  ts: readonly { tokenType: { name: string }; startOffset: number; image: string }[],
): string[] => ts.map((t) => `${t.tokenType.name}@${t.startOffset}:${JSON.stringify(t.image)}`);

describe('exports lexer in pieces', () => {
  it('gives the tokens and comments of the whole file, whatever the lines at the piece boundaries', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const text = randomLines(LINES, seed, 6000) + (seed % 2 ? '\n' : '');
      assert.ok(text.length > 3 * 32 * 1024);
      const whole = lexExports(text);
      const pieces = [...lexExportsPieces(text)];
      assert.ok(pieces.length > 3, `seed ${seed}: ${pieces.length} pieces`);
      assert.deepEqual(shown(pieces.flatMap((p) => p.tokens)), shown(whole.tokens), `seed ${seed}: tokens`);
      assert.deepEqual(
        shown(pieces.flatMap((p) => p.comments)),
        shown(whole.comments),
        `seed ${seed}: comments`,
      );
    }
  });

  it('reads a line far into a large file with its exact spans', () => {
    const filler = Array.from({ length: 3000 }, (_, i) => `/export/d${i} 10.0.${i >> 8}.${i & 255}(rw,sync)`);
    const text = `${filler.join('\n')}\n/srv/late \\\n  10.9.9.9(rw,bogus_option) "open\n`;
    const ast = parseExports(text);
    assert.equal(ast.entries.length, 3001);
    const late = ast.entries[3000];
    assert.equal(late.path.value, '/srv/late');
    assert.deepEqual(late.path.span, {
      start: text.indexOf('/srv/late'),
      end: text.indexOf('/srv/late') + 9,
    });
    assert.deepEqual(ast.continuations, [{ start: text.indexOf('\\\n'), end: text.indexOf('\\\n') + 2 }]);
    const quote = text.indexOf('"open');
    assert.deepEqual(
      ast.issues.map((i) => [i.span, i.message]),
      [
        [
          { start: quote, end: quote + 5 },
          'unterminated quote: exportfs reads on to the next double quote, across blanks and lines',
        ],
      ],
    );
  });
});
