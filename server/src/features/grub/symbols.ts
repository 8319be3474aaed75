import type { GrubCommand } from '../../formats/grub/ast';
import type { GrubFile } from '../../rules/grub/types';
import type { SymbolSpec } from '../symbols';
import { foldingSpans } from '../folding';
import type { FoldingSpan } from '../folding';

/** A document symbol with the symbols nested inside it. */
export interface NestedSymbolSpec extends SymbolSpec {
  readonly children: readonly NestedSymbolSpec[];
}

function commandSymbol(cmd: GrubCommand): NestedSymbolSpec {
  const args = cmd.args.map((a) => a.text).join(' ');
  return {
    name: cmd.name.text,
    detail: args.length > 60 ? `${args.slice(0, 57)}…` : args,
    kind: cmd.spec ? 12 : 7,
    span: cmd.span,
    selection: cmd.name.span,
    children: [],
  };
}

/** The outline of a menu: the menu commands, then each entry with its commands. */
export function grubSymbols(file: GrubFile): NestedSymbolSpec[] {
  const entries = file.ast.entries.map(
    (e): NestedSymbolSpec => ({
      name: e.name.text || '(no title)',
      detail: e.number === undefined ? 'not in the menu' : `entry ${e.number}`,
      kind: 2,
      span: e.span,
      selection: e.name.span.end > e.name.span.start ? e.name.span : e.title.name.span,
      children: e.commands.map(commandSymbol),
    }),
  );
  return [...file.ast.globals.map(commandSymbol), ...entries];
}

/** Folding ranges: entries, lines continued with `\`, and runs of comment lines. */
export function grubFoldingSpans(file: GrubFile): FoldingSpan[] {
  const blocks = [...file.ast.entries.map((e) => e.span), ...file.ast.commands.map((c) => c.span)];
  return foldingSpans(file.text, blocks, file.ast.comments).sort((a, b) => a.span.start - b.span.start);
}
