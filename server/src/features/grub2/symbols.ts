import type { Span } from '../../core/text';
import type { Command } from '../../formats/grub2/ast';
import { entryTitle } from '../../formats/grub2/titles';
import type { Grub2File } from '../../rules/grub2/types';
import type { SymbolSpec } from '../symbols';
import { foldingSpans } from '../folding';
import type { FoldingSpan } from '../folding';

/** A document symbol with children (a submenu and its entries). */
export interface Grub2SymbolSpec extends SymbolSpec {
  readonly children: readonly Grub2SymbolSpec[];
}

function symbolsOf(file: Grub2File, commands: readonly Command[]): Grub2SymbolSpec[] {
  const out: Grub2SymbolSpec[] = [];
  for (const c of commands) {
    if (c.kind === 'function' && c.name) {
      out.push({
        name: c.name.text,
        detail: 'function',
        kind: 12,
        span: c.span,
        selection: c.name.span,
        children: [],
      });
    } else if (c.kind === 'simple' && (c.name.text === 'menuentry' || c.name.text === 'submenu')) {
      const title = entryTitle(c.args);
      const e = file.model.entries.find((x) => x.command === c)?.entry;
      const detail =
        c.name.text === 'submenu'
          ? 'submenu'
          : e?.hypervisor
            ? `Xen: ${e.kernel?.text ?? 'no dom0 kernel'}`
            : (e?.kernel?.text ?? 'menuentry');
      const children = symbolsOf(file, c.block?.commands ?? []);
      out.push({
        name: title?.text || c.name.text,
        detail,
        kind: 2,
        span: c.span,
        selection: title?.span ?? c.name.span,
        children,
      });
    } else if (c.kind === 'if') out.push(...c.clauses.flatMap((cl) => symbolsOf(file, cl.body)));
  }
  return out;
}

/** The outline: menu entries (kind Module) nested in submenus, and functions (kind Function). */
export function grub2Symbols(file: Grub2File): Grub2SymbolSpec[] {
  return symbolsOf(file, file.ast.commands);
}

function blockSpans(commands: readonly Command[], out: Span[]): void {
  for (const c of commands) {
    const inner: Command[] =
      c.kind === 'simple'
        ? [...(c.block?.commands ?? [])]
        : c.kind === 'if'
          ? c.clauses.flatMap((cl) => [...cl.condition, ...cl.body])
          : c.kind === 'function'
            ? [...(c.body?.commands ?? [])]
            : [...c.condition, ...c.body];
    if (c.kind !== 'simple' || c.block) out.push(c.span);
    blockSpans(inner, out);
  }
}

/** Folding ranges: every multi-line block, if and loop, and runs of comment lines. */
export function grub2FoldingSpans(file: Grub2File): FoldingSpan[] {
  const blocks: Span[] = [];
  blockSpans(file.ast.commands, blocks);
  return foldingSpans(file.text, blocks, file.ast.comments);
}
