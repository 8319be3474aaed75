import type { Span } from '../../core/text';
import type { ExportsFile } from '../../rules/exports/types';
import type { SymbolSpec } from '../symbols';

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
export function exportsFoldingSpans(file: ExportsFile): { span: Span; comment: boolean }[] {
  const spans: { span: Span; comment: boolean }[] = [];
  for (const e of file.ast.entries) {
    if (file.text.slice(e.span.start, e.span.end).includes('\n'))
      spans.push({ span: e.span, comment: false });
  }
  let run: Span | undefined;
  const flush = (): void => {
    if (run && file.text.slice(run.start, run.end).includes('\n')) spans.push({ span: run, comment: true });
  };
  for (const c of file.ast.comments) {
    const lineStart = file.text.lastIndexOf('\n', c.start - 1) + 1;
    if (file.text.slice(lineStart, c.start).trim() !== '') continue; // a trailing comment
    if (run && /^[ \t]*\n[ \t]*$/.test(file.text.slice(run.end, c.start)))
      run = { start: run.start, end: c.end };
    else {
      flush();
      run = c;
    }
  }
  flush();
  return spans;
}
