import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Command, Grub2Ast, Word } from '../../../../server/src/formats/grub2/ast';
import { buildGrub2Model } from '../../../../server/src/formats/grub2/model';
import { parseGrub2 } from '../../../../server/src/formats/grub2/parser';

// Golden parser tests: each test/fixtures/grub2/<case> has <case>.golden beside it with the printed tree,
// issues and boot entries. Regenerate with UPDATE_GOLDEN=1 and review the diff.
const DIR = path.join(__dirname, '../../../../../test/fixtures/grub2');

function w(word: Word): string {
  return JSON.stringify(word.text);
}

function printCommands(commands: readonly Command[], indent: string, out: string[]): void {
  for (const c of commands) {
    const at = `${c.span.start}-${c.span.end}`;
    if (c.kind === 'simple') {
      const block = c.block ? (c.block.close ? ' {' : ' { (unclosed)') : '';
      out.push(`${indent}${at} ${w(c.name)} ${c.args.map(w).join(' ')}${block}`.trimEnd());
      if (c.block) printCommands(c.block.commands, `${indent}  `, out);
    } else if (c.kind === 'if') {
      out.push(`${indent}${at} if${c.fi ? '' : ' (no fi)'}`);
      for (const cl of c.clauses) {
        out.push(`${indent}  clause @${cl.keyword.start}`);
        printCommands(cl.condition, `${indent}    ? `, out);
        printCommands(cl.body, `${indent}    `, out);
      }
    } else if (c.kind === 'function') {
      out.push(`${indent}${at} function ${c.name ? w(c.name) : '(no name)'}`);
      printCommands(c.body?.commands ?? [], `${indent}  `, out);
    } else {
      out.push(
        `${indent}${at} ${c.kind}${c.variable ? ` ${w(c.variable)} in ${c.items.map(w).join(' ')}` : ''}${c.done ? '' : ' (no done)'}`,
      );
      printCommands(c.condition, `${indent}  ? `, out);
      printCommands(c.body, `${indent}  `, out);
    }
  }
}

/** Prints a tree, its issues and its boot entries as stable text. */
export function printGrub2(ast: Grub2Ast): string {
  const out: string[] = [];
  printCommands(ast.commands, '', out);
  for (const i of ast.issues) out.push(`${i.span.start}-${i.span.end} issue: ${i.message}`);
  for (const e of buildGrub2Model('file:///t', ast).entries) {
    const b = e.entry;
    out.push(
      `entry ${JSON.stringify(b.title?.text)} xen=${b.hypervisor?.text ?? '-'} [${b.hypervisorArgs?.text ?? ''}] kernel=${b.kernel?.text ?? '-'} initrd=${b.initrd?.text ?? '-'} cmdline=${JSON.stringify(b.commandLine?.text)} nfs=${b.boot?.rootIsNfs ?? false}`,
    );
  }
  out.push(`comments: ${ast.comments.length}`);
  return `${out.join('\n')}\n`;
}

describe('GRUB 2 parser (golden files)', () => {
  const cases = fs.readdirSync(DIR).filter((f) => !f.endsWith('.golden'));
  it('has fixtures: the Debian installer menu and update-grub output with Xen entries among them', () => {
    assert.ok(cases.includes('debian-installer-netboot.cfg') && cases.includes('update-grub-xen.cfg'));
  });
  for (const name of cases) {
    it(name, () => {
      const text = fs.readFileSync(path.join(DIR, name), 'utf8');
      const ast = parseGrub2(text);
      if (!name.startsWith('broken-')) assert.deepEqual(ast.issues, [], 'a valid file has no syntax issue');
      const printed = printGrub2(ast);
      const golden = path.join(DIR, `${name}.golden`);
      if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(golden, printed);
      assert.equal(printed, fs.readFileSync(golden, 'utf8'));
    });
  }
});
