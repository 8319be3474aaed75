import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ExportClient, ExportsAst, OptionList } from '../../../../server/src/formats/exports/ast';
import { parseExports } from '../../../../server/src/formats/exports/parser';

// Golden parser tests: each test/fixtures/exports/<case> has <case>.golden beside it with the printed tree
// and issues. Regenerate with UPDATE_GOLDEN=1 and review the diff.
const DIR = path.join(__dirname, '../../../../../test/fixtures/exports');

function printList(list: OptionList, parenthesised = true): string {
  const options = list.options.map(
    (o) =>
      `${o.span.start}-${o.span.end} ${o.name}${o.value !== undefined ? `=${JSON.stringify(o.value)}` : ''}`,
  );
  const empty = list.emptySlots.map((s) => `empty@${s.start}`);
  return `[${[...options, ...empty].join(', ')}]${list.close || !parenthesised ? '' : ' (unclosed)'}`;
}

function printClient(c: ExportClient): string {
  const host = c.host
    ? `${c.host.span.start}-${c.host.span.end} ${JSON.stringify(c.host.text)}`
    : '(no host)';
  const detached = c.detached ? ` detached-after-${c.detached.after}` : '';
  const defaults = c.defaults.length > 0 ? ` defaults×${c.defaults.length}` : '';
  return `  client ${host} ${c.spec.kind}${detached}${defaults} ${c.options ? printList(c.options) : '-'}`;
}

/** Prints a tree as stable text: one entry, client or issue per line, with offsets. */
export function printExportsAst(ast: ExportsAst): string {
  const lines: string[] = [];
  for (const e of ast.entries) {
    lines.push(
      `${e.span.start}-${e.span.end} export ${JSON.stringify(e.path.value)} (raw ${JSON.stringify(e.path.raw)})`,
    );
    for (const item of e.items) {
      lines.push(
        item.kind === 'defaults' ? `  defaults ${printList(item.options, false)}` : printClient(item),
      );
    }
  }
  for (const i of ast.issues) lines.push(`${i.span.start}-${i.span.end} issue: ${i.message}`);
  lines.push(`comments: ${ast.comments.length}, continuations: ${ast.continuations.length}`);
  return `${lines.join('\n')}\n`;
}

describe('exports parser (golden files)', () => {
  const cases = fs.readdirSync(DIR).filter((f) => !f.endsWith('.golden'));
  it('has fixtures, the seeds among them', () => {
    assert.ok(cases.length >= 4);
    assert.ok(cases.includes('seed-000.exports') && cases.includes('seed-001.exports'));
  });
  for (const name of cases) {
    it(name, () => {
      const text = fs.readFileSync(path.join(DIR, name), 'utf8');
      const printed = printExportsAst(parseExports(text));
      const golden = path.join(DIR, `${name}.golden`);
      if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(golden, printed);
      assert.equal(printed, fs.readFileSync(golden, 'utf8'));
    });
  }
});
