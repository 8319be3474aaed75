import assert from 'node:assert/strict';
import { parseDhcpConf as parseWithQuickReader } from '../../../../server/src/formats/dhcp/parser';
import { nextPiece } from '../../../../server/src/formats/dhcp/pieces';

/**
 * The parser lexes a large dhcpd.conf a piece at a time (formats/dhcp/pieces.ts). A file must read the same
 * whatever its size: these cases put a piece boundary where a careless split would change the reading.
 * They read with the full reader only: the quick reader (quick-reader.ts) would read the hosts before each
 * case, and the full reader's first piece would then start at the case, not 32 KiB before it.
 */
function parseDhcpConf(text: string): ReturnType<typeof parseWithQuickReader> {
  return parseWithQuickReader(text, { quick: false });
}

/** Enough top-level host blocks to fill the first piece (32 KiB), each ending with `}` on a line of its own. */
function hosts(n: number, prefix = 'h'): string {
  let out = '';
  for (let i = 0; i < n; i++) {
    const hex = (i % 256).toString(16).padStart(2, '0');
    const mid = Math.floor(i / 256)
      .toString(16)
      .padStart(2, '0');
    out += `host ${prefix}${i} {\n  hardware ethernet 00:16:3e:00:${mid}:${hex};\n  fixed-address 10.0.${Math.floor(i / 250)}.${(i % 250) + 1};\n}\n`;
  }
  return out;
}

const FILLER = hosts(400);

/**
 * Hosts and a comment that end just past the first piece's 32 KiB, so that the first line holding only `}`
 * after them (the case under test) is where the first piece would end.
 */
const UP_TO_BOUNDARY = ((): string => {
  const some = hosts(350);
  return `${some}#${'x'.repeat(32 * 1024 - some.length)}\n`;
})();

function messages(text: string): string[] {
  return parseDhcpConf(text).issues.map((i) => `${i.span.start}-${i.span.end} ${i.message}`);
}

describe('dhcpd.conf read a piece at a time', () => {
  it('splits a large file of top-level hosts into pieces and reads every host without an issue', () => {
    const text = FILLER + hosts(400, 'g');
    assert.ok((nextPiece(text, 0, text.length)?.end ?? text.length) < text.length, 'more than one piece');
    const ast = parseDhcpConf(text);
    assert.deepEqual(ast.issues, []);
    assert.equal(ast.statements.filter((s) => s.kind === 'host').length, 800);
    const last = ast.statements[ast.statements.length - 1];
    assert.equal(last.name?.text, 'g399');
    assert.equal(text.slice(last.span.start, last.span.end).split('\n')[0], 'host g399 {');
  });

  it('keeps a string that spans a line holding only `}` whole', () => {
    const text = `${UP_TO_BOUNDARY}option domain-name "a\n}\nb";\n${hosts(3, 'z')}`;
    assert.deepEqual(messages(text), []);
    const option = parseDhcpConf(text).statements.find((s) => s.kind === 'option');
    assert.equal(option?.values?.[0]?.text, 'a\n}\nb');
  });

  it('keeps a record type whose `}` stands on a line of its own with the `;` after it', () => {
    const text = `${UP_TO_BOUNDARY}option space x;\noption x.pair code 1 = {\n ip-address, text\n}\n;\n${hosts(3, 'z')}`;
    assert.deepEqual(messages(text), []);
  });

  it('reads an `else` after a piece boundary as the else of the `if` before it', () => {
    const text = `${UP_TO_BOUNDARY}if exists user-class {\n  next-server 10.0.0.1;\n}\nelse {\n  next-server 10.0.0.2;\n}\n${hosts(3, 'z')}`;
    assert.deepEqual(messages(text), []);
  });

  it('reports an unterminated string after the first piece where the whole file would', () => {
    const text = `${UP_TO_BOUNDARY}option domain-name "never closed;\n${hosts(2, 'z')}`;
    const at = text.indexOf('"never');
    assert.deepEqual(
      messages(text).filter((m) => m.includes('unterminated')),
      [`${at}-${text.indexOf('\n', at)} unterminated string: no closing "`],
    );
  });

  it('puts every span of a later piece at its place in the whole text', () => {
    const text = FILLER + hosts(400, 'g');
    const ast = parseDhcpConf(text);
    for (const s of ast.statements.slice(-5)) {
      assert.equal(text.slice(s.keyword.span.start, s.keyword.span.end), 'host');
      assert.equal(text.slice(s.name?.span.start, s.name?.span.end), s.name?.text);
    }
  });
});
