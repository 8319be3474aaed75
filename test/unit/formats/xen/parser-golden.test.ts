import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Value, XenConfigAst } from '../../../../server/src/formats/xen/ast';
import { parseXenConfig } from '../../../../server/src/formats/xen/parser';

// Golden parser tests: each test/fixtures/xen/<case> has <case>.golden beside it with the printed tree
// and issues. Regenerate with UPDATE_GOLDEN=1 and review the diff.
const DIR = path.join(__dirname, '../../../../../test/fixtures/xen');

function printValue(v: Value | undefined, text: string): string {
  if (!v) return '<missing>';
  switch (v.kind) {
    case 'string':
      return `string ${JSON.stringify(v.value)}${v.terminated ? '' : ' (unterminated)'}`;
    case 'number':
      return `number ${v.text}=${v.value ?? 'invalid'}`;
    case 'list':
      return `list [${v.items.map((i) => printValue(i, text)).join(', ')}]`;
    case 'expression':
      return `expression ${JSON.stringify(text.slice(v.span.start, v.span.end))}`;
  }
}

/** Prints a tree as stable text: one statement or issue per line, with offsets. */
export function printAst(ast: XenConfigAst, text: string): string {
  const lines = ast.statements.map((s) =>
    s.kind === 'assignment'
      ? `${s.span.start}-${s.span.end} assignment ${s.key.text} ${s.operator} ${printValue(s.value, text)}`
      : `${s.span.start}-${s.span.end} python (${s.description})${s.key ? ` key ${s.key.text}` : ''}`,
  );
  for (const i of ast.issues) lines.push(`${i.span.start}-${i.span.end} issue ${i.kind}: ${i.message}`);
  lines.push(`comments: ${ast.comments.length}`);
  return `${lines.join('\n')}\n`;
}

describe('Xen config parser (golden files)', () => {
  const cases = fs.readdirSync(DIR).filter((f) => !f.endsWith('.golden'));
  it('has fixtures', () => assert.ok(cases.length >= 4));
  for (const name of cases) {
    it(name, () => {
      const text = fs.readFileSync(path.join(DIR, name), 'utf8');
      const printed = printAst(parseXenConfig(text), text);
      const golden = path.join(DIR, `${name}.golden`);
      if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(golden, printed);
      assert.equal(printed, fs.readFileSync(golden, 'utf8'));
    });
  }
});
