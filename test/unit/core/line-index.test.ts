import assert from 'node:assert/strict';
import { LineIndex } from '../../../server/src/core/text';

// Positions as an LSP client counts them: lines end at LF, CRLF or a lone CR; characters are UTF-16 units.
describe('LineIndex', () => {
  it('maps offsets to positions and back across LF, CRLF and lone CR line breaks', () => {
    const text = 'a\nbc\r\nd\re€f';
    const index = new LineIndex(text);
    assert.equal(index.lineCount, 4);
    const expected: [number, number, number][] = [
      [0, 0, 0],
      [2, 1, 0],
      [4, 1, 2],
      [6, 2, 0],
      [8, 3, 0],
      [10, 3, 2],
      [11, 3, 3],
    ];
    for (const [offset, line, character] of expected) {
      assert.deepEqual(index.position(offset), { line, character }, `offset ${offset}`);
      assert.equal(index.offset({ line, character }), offset, `line ${line}:${character}`);
    }
    assert.equal(index.lineEnd(1), 4, 'before the CRLF');
    assert.deepEqual(index.range({ start: 2, end: 11 }), {
      start: { line: 1, character: 0 },
      end: { line: 3, character: 3 },
    });
  });

  it('clamps positions outside the text, and reads an empty text as one line', () => {
    const empty = new LineIndex('');
    assert.equal(empty.lineCount, 1);
    assert.deepEqual(empty.position(5), { line: 0, character: 0 });
    const index = new LineIndex('ab\ncd');
    assert.deepEqual(index.position(99), { line: 1, character: 2 });
    assert.equal(index.offset({ line: 7, character: 0 }), 5);
    assert.equal(index.offset({ line: 0, character: 9 }), 2);
  });

  it('indexes a file of 130,000 lines (a large dhcpd.conf)', () => {
    const lines = Array.from(
      { length: 130_000 },
      (_, i) => `host h${i} { hardware ethernet 00:16:3e:00:00:01; }`,
    );
    const text = lines.join('\n');
    const index = new LineIndex(text);
    assert.equal(index.lineCount, 130_000);
    const at = text.indexOf('host h129999');
    assert.deepEqual(index.position(at + 5), { line: 129_999, character: 5 });
    assert.equal(index.lineStart(65_536), text.indexOf('host h65536 '));
  });
});
