import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { KconfigAst } from '../../../../server/src/formats/kconfig/ast';
import { buildKconfigModel } from '../../../../server/src/formats/kconfig/model';
import { parseKconfig } from '../../../../server/src/formats/kconfig/parser';
import { kconfigSections } from '../../../../server/src/formats/kconfig/sections';
import type { KconfigSection } from '../../../../server/src/formats/kconfig/sections';

// Golden parser tests: each test/fixtures/kconfig/<case> has <case>.golden beside it with the printed tree,
// issues, header version and sections. Regenerate with UPDATE_GOLDEN=1 and review the diff.
const DIR = path.join(__dirname, '../../../../../test/fixtures/kconfig');

function printSections(list: readonly KconfigSection[], depth: number, out: string[]): void {
  for (const s of list) {
    out.push(`${'  '.repeat(depth + 1)}${s.span.start}-${s.span.end} ${JSON.stringify(s.title)}`);
    printSections(s.children, depth + 1, out);
  }
}

/** Prints a tree as stable text: one entry or issue per line, with offsets. */
export function printKconfigAst(text: string, ast: KconfigAst): string {
  const lines: string[] = [];
  for (const e of ast.entries) {
    const where = `${e.line.start}-${e.line.end}`;
    if (e.kind === 'not-set') lines.push(`${where} not-set ${e.name}`);
    else {
      const v = e.value;
      const shown =
        v.kind === 'string' ? JSON.stringify(v.text) : (v.tristate ?? v.text ?? JSON.stringify(v.raw));
      const trailing = v.trailing ? ` trailing@${v.trailing.start}` : '';
      lines.push(`${where} ${e.name} = ${v.kind} ${shown}${trailing}`);
    }
  }
  for (const i of ast.issues)
    lines.push(`${i.span.start}-${i.span.end} issue${i.severity ? ` (${i.severity})` : ''}: ${i.message}`);
  const model = buildKconfigModel(ast);
  const version = model.version
    ? `${model.version.version}${model.version.arch ? ` (${model.version.arch})` : ''}`
    : '-';
  lines.push(`comments: ${ast.comments.length}, version: ${version}, complete: ${model.complete}`);
  lines.push('sections:');
  printSections(kconfigSections(text, ast), 0, lines);
  return `${lines.join('\n')}\n`;
}

describe('kconfig parser (golden files)', () => {
  const cases = fs.readdirSync(DIR).filter((f) => !f.endsWith('.golden'));
  it('has fixtures, the seed among them', () => {
    assert.ok(cases.length >= 4);
    assert.ok(cases.includes('seed-001.config'));
  });
  for (const name of cases) {
    it(name, () => {
      const text = fs.readFileSync(path.join(DIR, name), 'utf8');
      const printed = printKconfigAst(text, parseKconfig(text));
      const golden = path.join(DIR, `${name}.golden`);
      if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(golden, printed);
      assert.equal(printed, fs.readFileSync(golden, 'utf8'));
    });
  }
});
