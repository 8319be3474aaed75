import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lineWordsByGrammar, readLineWords } from '../../../../server/src/formats/grub/line-grammar';
import {
  GRUB_LINE_MAX,
  splitGrubLines,
  splitGrubLinesByCharacter,
} from '../../../../server/src/formats/grub/logical-lines';
import { parseGrubMenu } from '../../../../server/src/formats/grub/parser';
import type { GrubLineSplit } from '../../../../server/src/formats/grub/logical-lines';
import { fuzzFormat } from '../../../fuzz/formats';
import { mutateTokens } from '../../../fuzz/mutate';
import { prng } from '../../../fuzz/prng';

const FIXTURES = path.join(__dirname, '../../../../../test/fixtures/grub');
const REGRESSIONS = path.join(__dirname, '../../../../../test/fixtures/fuzz-regressions/grub-legacy');

/**
 * GRUB legacy menus read by hand (issue 6) against their references: whole plain physical lines against the
 * character-by-character reading of `get_line_from_config`, and each logical line's words against the
 * Chevrotain lexer and line grammar.
 */
describe('GRUB legacy lines read by hand and by the references', () => {
  const seeds = [FIXTURES, REGRESSIONS].flatMap((dir) =>
    fs
      .readdirSync(dir)
      .filter((f) => !f.endsWith('.golden'))
      .map((f) => fs.readFileSync(path.join(dir, f), 'latin1')),
  );
  const alphabet = [
    ...fuzzFormat('grub-legacy').alphabet,
    ...[' ', '  ', '=', '==', '\0', '\0\0', '\n', '\r\n', '\t', '\\', '\\\n', '#', ' #', 'title', 'kernel'],
    'x'.repeat(GRUB_LINE_MAX - 3),
  ];
  const texts = (count: number): string[] => {
    const rnd = prng(1123);
    const out: string[] = [...seeds];
    for (let i = 0; out.length < count; i++) out.push(mutateTokens(seeds[i % seeds.length], rnd, alphabet));
    return out;
  };

  /** A split with each line's text, offsets (made when read for a plain line) and span. */
  const shown = (split: GrubLineSplit): unknown => ({
    ...split,
    lines: split.lines.map((l) => ({ text: l.text, offsets: [...l.offsets], span: l.span })),
  });

  it('splits 3,000 mutated menus into the same lines, comments and lost characters', () => {
    for (const [i, text] of texts(3000).entries()) {
      assert.deepEqual(
        shown(splitGrubLines(text)),
        shown(splitGrubLinesByCharacter(text)),
        `case ${i}: ${JSON.stringify(text)}`,
      );
    }
  });

  it('reads the words of every line of those menus, and of 5,000 random lines, as the grammar does', () => {
    const rnd = prng(1124);
    const lines = texts(3000).flatMap((text) => splitGrubLines(text).lines.map((l) => l.text));
    const pieces = [' ', '  ', '=', 'a', 'title', '\0', '\0\0', '\n', 'b=c', '==', '\u00e9', '\ud800'];
    for (let i = 0; i < 5000; i++) {
      let line = '';
      for (let n = Math.floor(rnd() * 10); n > 0; n--) line += pieces[Math.floor(rnd() * pieces.length)];
      lines.push(line);
    }
    let read = 0;
    let args = 0;
    for (const line of lines) {
      const direct = readLineWords(line);
      if (direct === undefined) {
        assert.ok(line.includes('\n'), `left to the grammar: ${JSON.stringify(line)}`);
        continue;
      }
      read++;
      args += direct.args.length;
      assert.deepEqual(direct, lineWordsByGrammar(line), JSON.stringify(line));
    }
    assert.ok(read > 20000 && args > 20000, `only ${read} lines and ${args} arguments read by hand`);
  });

  it('keeps what the grammar makes of NULs, `=` and line breaks', () => {
    const menu = parseGrubMenu('title=A  B\nkernel==/vmlinuz ro=1 \0rest\n=x\n');
    assert.deepEqual(
      menu.commands.map((c) => [c.name.text, ...c.args.map((a) => `${a.text}@${a.span.start}`)]),
      [
        ['title', 'A@6', 'B@9'],
        ['kernel', '/vmlinuz@19', 'ro=1@28'],
      ],
    );
    assert.deepEqual(
      menu.issues.map((i) => [i.span.start, i.span.end, i.message.slice(0, 22)]),
      [
        [33, 34, 'a NUL byte: GRUB keeps'],
        [39, 40, 'a line starting with `'],
      ],
    );
    assert.deepEqual(readLineWords('a\nb'), undefined);
    assert.deepEqual(lineWordsByGrammar('a\nb c').args, [
      { from: 2, to: 3 },
      { from: 4, to: 5 },
    ]);
  });
});
