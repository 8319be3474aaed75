import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { IToken } from 'chevrotain';
import type { Value } from '../../../../server/src/formats/xen/ast';
import { lexXenConfig } from '../../../../server/src/formats/xen/lexer';
import { splitLogicalLines } from '../../../../server/src/formats/xen/logical-lines';
import type { LogicalLine } from '../../../../server/src/formats/xen/logical-lines';
import { parseXenConfig } from '../../../../server/src/formats/xen/parser';
import { Equals, Identifier, PlusEquals } from '../../../../server/src/formats/xen/tokens';
import {
  parseAssignment,
  parseAssignmentByGrammar,
  readAssignmentValue,
  readValueEnd,
} from '../../../../server/src/formats/xen/value-parser';
import { fuzzFormat } from '../../../fuzz/formats';
import { mutateTokens } from '../../../fuzz/mutate';
import { prng } from '../../../fuzz/prng';

const FIXTURES = path.join(__dirname, '../../../../../test/fixtures/xen');

/** A value as `["a" ["b" 1]]`, `none` when the statement has none. */
function show(v: Value | undefined): string {
  if (!v) return 'none';
  if (v.kind === 'list') return `[${v.items.map(show).join(' ')}]`;
  return v.kind === 'string' ? JSON.stringify(v.value) : v.text;
}

/** The statements (`key=value`) and the issues (`start-end message`) of a config. */
function read(text: string): { statements: string[]; issues: string[] } {
  const ast = parseXenConfig(text);
  return {
    statements: ast.statements.map((s) =>
      s.kind === 'assignment' ? `${s.key.text}${s.operator}${show(s.value)}` : 'python',
    ),
    issues: ast.issues.map((i) => `${i.span.start}-${i.span.end} ${i.message}`),
  };
}

const EXPECTED_VALUE = 'expected a quoted string, a number or a [ list ] but found';

// Values and lists as xl's grammar (libxlu_cfg_y.y) reads them: newlines inside brackets, one trailing comma.
/** The tokens of a logical line, as an array of their own. */
function lineTokens(line: LogicalLine): IToken[] {
  return line.tokens.slice(line.start, line.end);
}

describe('Xen config values and lists', () => {
  it('reads lists over several lines, with newlines around commas and one trailing comma', () => {
    assert.deepEqual(read("vif = [ 'a',\n  'b',\n]\n"), { statements: ['vif=["a" "b"]'], issues: [] });
    assert.deepEqual(read("disk = [\n\n 'x'\n ,\n 'y' , ]\n"), {
      statements: ['disk=["x" "y"]'],
      issues: [],
    });
    assert.deepEqual(read("a = [ 'x',\n\n]\nb = 1\n"), { statements: ['a=["x"]', 'b=1'], issues: [] });
  });

  it('reads nested and empty lists, numbers, += and statements separated by ;', () => {
    assert.deepEqual(read('a = [ [ 1, 0x2 ], [ ] ]\n'), { statements: ['a=[[1 0x2] []]'], issues: [] });
    assert.deepEqual(read("a += [ 'x' ,\n 'y' ] ; b = 2\n"), {
      statements: ['a+=["x" "y"]', 'b=2'],
      issues: [],
    });
  });

  it('reports the first token a list cannot take, and keeps the key without a value', () => {
    assert.deepEqual(read("a = [ 'x' , , 'y' ]\n"), {
      statements: ['a=none'],
      issues: [`12-13 ${EXPECTED_VALUE} ','`],
    });
    assert.deepEqual(read('a = [ , ]\n'), { statements: ['a=none'], issues: [`6-7 ${EXPECTED_VALUE} ','`] });
    assert.deepEqual(read("a = [ 'x' 'y' ]\n"), {
      statements: ['a=none'],
      issues: [`10-13 ${EXPECTED_VALUE} ''y''`],
    });
    assert.deepEqual(read("a = [ 'x', = ]\n"), {
      statements: ['a=none'],
      issues: [`11-12 ${EXPECTED_VALUE} '='`],
    });
    assert.deepEqual(read('a = ]\n'), { statements: ['a=none'], issues: [`4-5 ${EXPECTED_VALUE} ']'`] });
  });

  it('keeps a complete value and reports what follows it on the line', () => {
    assert.deepEqual(read("a = 'x' 'y'\n"), {
      statements: ['a="x"'],
      issues: [`8-11 unexpected ''y'' after the value: one statement per line (or separate them with ';')`],
    });
  });
});

describe('Xen assignments read directly and by the grammar', () => {
  const seeds = fs
    .readdirSync(FIXTURES)
    .filter((f) => !f.endsWith('.golden'))
    .map((f) => fs.readFileSync(path.join(FIXTURES, f), 'utf8'));
  const alphabet = [
    ...fuzzFormat('xen-config').alphabet,
    '[',
    ']',
    ',',
    '\n',
    ',\n',
    '\n]',
    '[\n',
    "'x'",
    '1',
  ];

  it('gives the grammar’s answer for every assignment of 3,000 mutated configs', () => {
    const rnd = prng(6);
    let lists = 0;
    for (let i = 0; i < 3000; i++) {
      const text = i < seeds.length ? seeds[i] : mutateTokens(seeds[i % seeds.length], rnd, alphabet);
      for (const line of splitLogicalLines(text, lexXenConfig(text).tokens)) {
        const tokens = lineTokens(line);
        const [key, operator] = tokens;
        if (
          key.tokenType !== Identifier ||
          (operator?.tokenType !== Equals && operator?.tokenType !== PlusEquals)
        )
          continue;
        const direct = parseAssignment(tokens);
        assert.deepEqual(direct, parseAssignmentByGrammar(tokens), `case ${i}: ${JSON.stringify(text)}`);
        // The parser reads a statement in place, among the file's tokens: the same value, ending at the same token.
        const inPlace = readAssignmentValue(line.tokens, line.start, line.end);
        const whole = direct.assignment && direct.consumed === tokens.length;
        assert.deepEqual(
          inPlace && readValueEnd() === line.end ? inPlace : undefined,
          whole ? direct.assignment?.value : undefined,
          `case ${i} in place: ${JSON.stringify(text)}`,
        );
        if (direct.assignment?.value.kind === 'list') lists++;
      }
    }
    assert.ok(lists > 3000, `only ${lists} lists read`);
  });
});
