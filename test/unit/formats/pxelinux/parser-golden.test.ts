import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { PxeAst, PxeLine } from '../../../../server/src/formats/pxelinux/ast';
import { buildPxeModel } from '../../../../server/src/formats/pxelinux/model';
import { parsePxelinux } from '../../../../server/src/formats/pxelinux/parser';

// Golden parser tests: each test/fixtures/pxelinux/<case> has <case>.golden beside it with the printed lines,
// labels, issues and boot entries. Regenerate with UPDATE_GOLDEN=1 and review the diff.
const DIR = path.join(__dirname, '../../../../../test/fixtures/pxelinux');

function printLine(l: PxeLine): string {
  const sub = l.sub ? ` ${l.sub.name}` : '';
  return `${l.span.start}-${l.span.end} ${l.keyword.name}${sub}${l.args ? ` ${JSON.stringify(l.args.text)}` : ''}`;
}

/** Prints a tree, its issues and its boot entries as stable text. */
export function printPxelinux(ast: PxeAst): string {
  const out: string[] = [];
  for (const l of ast.globals) out.push(`global ${printLine(l)}`);
  for (const label of ast.labels) {
    out.push(
      `label ${JSON.stringify(label.name?.text)} ${label.span.start}-${label.span.end}${label.menus.length ? ` in ${label.menus.join('>')}` : ''}`,
    );
    for (const l of label.lines) out.push(`  ${printLine(l)}`);
  }
  for (const m of ast.menus) out.push(`menu ${JSON.stringify(m.tag)} ${m.span.start}-${m.span.end}`);
  for (const i of ast.issues) out.push(`${i.span.start}-${i.span.end} issue: ${i.message}`);
  for (const e of buildPxeModel('file:///t', ast).entries) {
    const b = e.entry;
    out.push(
      `entry ${JSON.stringify(b.title?.text)} xen=${b.hypervisor?.text ?? '-'} [${b.hypervisorArgs?.text ?? ''}] kernel=${b.kernel?.text ?? '-'} initrd=${b.initrd?.text ?? '-'} cmdline=${JSON.stringify(b.commandLine?.text)} nfs=${b.boot?.rootIsNfs ?? false}`,
    );
  }
  out.push(`comments: ${ast.comments.length}, text blocks: ${ast.textBlocks.length}`);
  return `${out.join('\n')}\n`;
}

describe('PXELINUX parser (golden files)', () => {
  const cases = fs.readdirSync(DIR).filter((f) => !f.endsWith('.golden'));
  it('has fixtures: the Debian installer files and Xen mboot.c32 labels among them', () => {
    assert.ok(cases.includes('debian-installer-default') && cases.includes('01-00-16-3e-2a-01-02'));
  });
  for (const name of cases) {
    it(name, () => {
      const text = fs.readFileSync(path.join(DIR, name), 'utf8');
      const ast = parsePxelinux(text);
      if (!name.startsWith('broken-')) assert.deepEqual(ast.issues, [], 'a valid file has no syntax issue');
      const printed = printPxelinux(ast);
      const golden = path.join(DIR, `${name}.golden`);
      if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(golden, printed);
      assert.equal(printed, fs.readFileSync(golden, 'utf8'));
    });
  }
});
