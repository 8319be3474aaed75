import assert from 'node:assert/strict';
import { CommandLineBuilder } from '../../../../server/src/formats/cmdline/compose';
import { decodeWord } from '../../../../server/src/formats/grub2/word';
import { prng } from '../../../fuzz/prng';

// Text that stands in the file as it is keeps its first offset only (TextRun); its offsets, and the source
// map of a command line built from it, must be those of one offset per character written out.

/** Each text piece's characters with their file offsets; each variable with its span. */
function shown(raw: string, start: number): string[] {
  return decodeWord(raw, start, false).pieces.map((p) =>
    p.kind === 'text'
      ? [...p.text].map((c, i) => `${c}@${p.offsets[i]}`).join(' ')
      : `$${p.name}@${p.span.start}-${p.span.end}`,
  );
}

describe('GRUB 2 word offsets', () => {
  it('gives each character of a word its offset in the file, through quotes, escapes and variables', () => {
    assert.deepEqual(shown('ab', 10), ['a@10 b@11']);
    assert.deepEqual(shown("'a b'c", 10), ['a@11  @12 b@13 c@15']);
    assert.deepEqual(shown('x=${v}:/y', 0), ['x@0 =@1', '$v@2-6', ':@6 /@7 y@8']);
    assert.deepEqual(shown('a\\ b', 5), ['a@5  @7 b@8']);
    assert.deepEqual(shown('"a\\$b"c', 0), ['a@1 $@3 b@4 c@6']);
    assert.deepEqual(shown('a\\\nb', 0), ['a@0 b@3']);
  });

  it('maps a command line built from runs as one built from the offsets written out', () => {
    const rnd = prng(5);
    const words = ['root=/dev/nfs', "'a b'", 'ip=$x', 'n="q\\"r"', 'p\\ q', 'z'];
    for (let i = 0; i < 200; i++) {
      const runs = new CommandLineBuilder();
      const written = new CommandLineBuilder();
      for (let k = 0; k < 1 + Math.floor(rnd() * 5); k++) {
        const raw = words[Math.floor(rnd() * words.length)];
        const w = decodeWord(raw, Math.floor(rnd() * 100), false);
        runs.space();
        written.space();
        for (const p of w.pieces) {
          if (p.kind !== 'text') continue;
          if ('start' in p) runs.copiedRun(p.text, p.start, w.span);
          else runs.copied(p.text, p.offsets, w.span);
          written.copied(p.text, [...p.offsets], w.span);
        }
      }
      const a = runs.build();
      const b = written.build();
      assert.equal(a.text, b.text);
      for (let from = 0; from <= a.text.length + 1; from++)
        for (let to = from; to <= a.text.length + 1; to++)
          assert.deepEqual(a.map.locate(from, to), b.map.locate(from, to), `${a.text} ${from}-${to}`);
    }
  });
});
