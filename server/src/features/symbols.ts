import type { Span } from '../core/text';
import type { XenFile } from '../rules/types';
import { foldingSpans } from './folding';
import type { FoldingSpan } from './folding';

/**
 * A document symbol, before positions are converted (LSP SymbolKind numbers: 2 Module, 5 Class,
 * 7 Property, 12 Function, 13 Variable, 14 Constant …), with nested symbols where a format has blocks.
 */
export interface SymbolSpec {
  readonly name: string;
  readonly detail: string;
  readonly kind: number;
  readonly span: Span;
  readonly selection: Span;
  readonly children?: readonly SymbolSpec[];
}

/** The outline of a Xen config: one symbol per assignment, Python constructs as functions. */
export function xenSymbols(file: XenFile): SymbolSpec[] {
  return file.ast.statements.map((st) => {
    if (st.kind === 'python') {
      const name = st.key?.text ?? file.text.slice(st.span.start, st.span.end).split('\n')[0].slice(0, 40);
      return {
        name,
        detail: `Python: ${st.description}`,
        kind: 12,
        span: st.span,
        selection: st.key?.span ?? st.span,
      };
    }
    const raw = st.value ? file.text.slice(st.value.span.start, st.value.span.end) : '';
    const detail = raw.length > 60 ? `${raw.slice(0, 57)}…` : raw;
    return { name: st.key.text, detail, kind: 7, span: st.span, selection: st.key.span };
  });
}

/** Folding ranges: multi-line statements (lists, Python blocks) and runs of comment lines. */
export function xenFoldingSpans(file: XenFile): FoldingSpan[] {
  return foldingSpans(
    file.text,
    file.ast.statements.map((st) => st.span),
    file.ast.comments,
  );
}
