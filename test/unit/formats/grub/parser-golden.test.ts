import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { GrubCommand, GrubMenuAst } from '../../../../server/src/formats/grub/ast';
import { buildBootEntries } from '../../../../server/src/formats/grub/model';
import { parseGrubMenu } from '../../../../server/src/formats/grub/parser';

// Golden parser tests: each test/fixtures/grub/<case> has <case>.golden beside it with the printed tree,
// the boot model and the issues. Regenerate with UPDATE_GOLDEN=1 and review the diff.
const DIR = path.join(__dirname, '../../../../../test/fixtures/grub');

function printCommand(c: GrubCommand): string {
  const args = c.args.map((a) => `${JSON.stringify(a.text)}@${a.span.start}`).join(' ');
  return `${c.span.start}-${c.span.end} ${c.spec ? '' : 'unknown '}${c.name.text}${args ? ` ${args}` : ''}`;
}

/** Prints a tree as stable text: the menu section, the entries, the boot model and the issues. */
export function printGrubAst(ast: GrubMenuAst): string {
  const lines = ast.globals.map((c) => `menu: ${printCommand(c)}`);
  for (const e of ast.entries) {
    lines.push(
      `entry ${e.number ?? '(not shown)'} ${JSON.stringify(e.name.text)} ${e.span.start}-${e.span.end}`,
    );
    for (const c of e.commands) lines.push(`  ${printCommand(c)}`);
  }
  for (const b of buildBootEntries('file:///menu', ast)) {
    const cl = b.commandLine ? JSON.stringify(b.commandLine.text) : '-';
    lines.push(
      `boot ${JSON.stringify(b.title?.text)}: xen ${b.hypervisor?.text ?? '-'} [${b.hypervisorArgs?.text ?? ''}] ` +
        `kernel ${b.kernel?.text ?? '-'} initrd ${b.initrd?.text ?? '-'} cmdline ${cl} nfs ${b.boot?.rootIsNfs ?? false}`,
    );
  }
  for (const m of ast.magicComments) lines.push(`magic ${m.key.text}=${JSON.stringify(m.value.text)}`);
  for (const i of ast.issues) lines.push(`${i.span.start}-${i.span.end} issue: ${i.message}`);
  lines.push(`comments: ${ast.comments.length}`);
  return `${lines.join('\n')}\n`;
}

describe('GRUB legacy parser (golden files)', () => {
  const cases = fs.readdirSync(DIR).filter((f) => !f.endsWith('.golden'));
  it('has fixtures', () => assert.ok(cases.length >= 5));
  for (const name of cases) {
    it(name, () => {
      const text = fs.readFileSync(path.join(DIR, name), 'utf8');
      const printed = printGrubAst(parseGrubMenu(text));
      const golden = path.join(DIR, `${name}.golden`);
      if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(golden, printed);
      assert.equal(printed, fs.readFileSync(golden, 'utf8'));
    });
  }
});
