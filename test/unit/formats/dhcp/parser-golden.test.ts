import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DhcpConfAst, DhcpStatement } from '../../../../server/src/formats/dhcp/ast';
import { parseDhcpConf } from '../../../../server/src/formats/dhcp/parser';

// Golden parser tests: each test/fixtures/dhcp/<case> has <case>.golden beside it with the printed tree and
// issues. Regenerate with UPDATE_GOLDEN=1 and review the diff.
const DIR = path.join(__dirname, '../../../../../test/fixtures/dhcp');

function printStatement(s: DhcpStatement, depth: number, out: string[]): void {
  const facts = [
    s.name ? `name=${JSON.stringify(s.name.text)}` : '',
    s.option ? `option=${s.option.space}.${s.option.name}` : '',
    s.parameter ? `parameter=${s.parameter}` : '',
    s.addresses
      ? `addresses=${s.addresses.map((a) => `${a.text}${a.value === undefined ? '(bad)' : ''}`).join(',')}`
      : '',
    s.hardware ? `hardware=${s.hardware.mac ?? 'bad'}` : '',
    s.values ? `values=${JSON.stringify(s.values.map((v) => v.text))}` : '',
    s.definition ? `definition=${s.definition.code}:${s.definition.format}` : '',
  ].filter(Boolean);
  out.push(
    `${'  '.repeat(depth)}${s.span.start}-${s.span.end} ${s.kind} ${s.keyword.text}${facts.length ? ` ${facts.join(' ')}` : ''}`,
  );
  for (const c of s.body ?? []) printStatement(c, depth + 1, out);
}

/** Prints a tree as stable text: one statement or issue per line, with offsets. */
export function printDhcpAst(ast: DhcpConfAst): string {
  const out: string[] = [];
  for (const s of ast.statements) printStatement(s, 0, out);
  for (const i of ast.issues)
    out.push(
      `${i.span.start}-${i.span.end} issue ${i.kind}: ${i.message}${i.fix ? ` [fix: ${i.fix.title}]` : ''}`,
    );
  out.push(
    `comments: ${ast.comments.length}, declared options: ${ast.declaredOptions.map((d) => `${d.space}.${d.name}`).join(' ')}`,
  );
  return `${out.join('\n')}\n`;
}

describe('dhcpd.conf parser (golden files)', () => {
  const cases = fs.readdirSync(DIR).filter((f) => !f.endsWith('.golden'));
  it('has fixtures', () => assert.ok(cases.length >= 3));
  for (const name of cases) {
    it(name, () => {
      const text = fs.readFileSync(path.join(DIR, name), 'utf8');
      const printed = printDhcpAst(parseDhcpConf(text));
      const golden = path.join(DIR, `${name}.golden`);
      if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(golden, printed);
      assert.equal(printed, fs.readFileSync(golden, 'utf8'));
    });
  }
});
