import type { ExportsFile } from '../../rules/exports/types';
import type { SymbolSpec } from '../symbols';
import { foldingSpans } from '../folding';
import type { FoldingSpan } from '../folding';

/** A document symbol with children (the export line and its clients). */
export interface ExportSymbolSpec extends SymbolSpec {
  readonly children: readonly SymbolSpec[];
}

/** The outline: one symbol per export line (kind Module), its clients as children (kind Property). */
export function exportsSymbols(file: ExportsFile): ExportSymbolSpec[] {
  return file.ast.entries.map((e) => {
    const children: SymbolSpec[] = e.clients.map((c) => ({
      name: c.host?.text ?? '*',
      detail: c.options ? file.text.slice(c.options.span.start, c.options.span.end) : '(default options)',
      kind: 7,
      span: c.span,
      selection: c.host?.span ?? c.span,
    }));
    const detail =
      e.clients.length === 0
        ? 'every host'
        : `${e.clients.length} client${e.clients.length === 1 ? '' : 's'}`;
    return { name: e.path.value, detail, kind: 2, span: e.span, selection: e.path.span, children };
  });
}

/** Folding ranges: export lines continued with `\`, and runs of comment lines. */
export function exportsFoldingSpans(file: ExportsFile): FoldingSpan[] {
  // Only comments that start a line; a trailing comment does not join a run.
  const comments = file.ast.comments.filter(
    (c) => file.text.slice(file.text.lastIndexOf('\n', c.start - 1) + 1, c.start).trim() === '',
  );
  return foldingSpans(
    file.text,
    file.ast.entries.map((e) => e.span),
    comments,
  );
}
