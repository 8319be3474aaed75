import type { Span } from '../../core/text';
import { spanContains } from '../../core/text';
import type { DhcpStatement, Word } from '../../formats/dhcp/ast';
import type { DhcpFile } from '../../rules/dhcp/types';

/** What lies under the cursor in a dhcpd.conf: a statement and, inside it, a word. */
export interface DhcpLocation {
  /** The innermost statement whose span holds the offset, with its enclosing statements (outermost first). */
  readonly statement: DhcpStatement | undefined;
  readonly ancestors: readonly DhcpStatement[];
  readonly word: Word | undefined;
}

function wordAt(s: DhcpStatement, offset: number): Word | undefined {
  if (spanContains(s.keyword.span, offset)) return s.keyword;
  return s.words.find((w) => spanContains(w.span, offset));
}

function inHead(s: DhcpStatement, offset: number): boolean {
  const headEnd: number = s.bodySpan ? s.bodySpan.start : s.span.end;
  return offset >= s.span.start && offset <= headEnd;
}

/** Finds the statement and word at `offset`. */
export function locateInDhcp(file: DhcpFile, offset: number): DhcpLocation {
  const ancestors: DhcpStatement[] = [];
  let list: readonly DhcpStatement[] = file.ast.statements;
  for (;;) {
    const s = list.find((x) => spanContains(x.span as Span, offset));
    if (!s) return { statement: undefined, ancestors, word: undefined };
    if (inHead(s, offset) || !s.body) return { statement: s, ancestors, word: wordAt(s, offset) };
    ancestors.push(s);
    list = s.body;
  }
}
