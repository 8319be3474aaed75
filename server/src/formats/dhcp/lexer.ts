import { Lexer } from 'chevrotain';
import type { IToken } from 'chevrotain';
import type { Span } from '../../core/text';
import { DHCP_TOKENS } from './tokens';
import { spanAt } from './anchored-span';

/** One lexer for all dhcpd.conf files: Chevrotain lexers keep no state between calls. */
const DHCP_LEXER = new Lexer(DHCP_TOKENS, { positionTracking: 'onlyOffset', ensureOptimizations: true });

/** The tokens of a dhcpd.conf and the spans of its comments. Every character lexes. */
export interface DhcpTokens {
  readonly tokens: readonly IToken[];
  readonly comments: readonly Span[];
}

/** The span of a token (counted from the top-level statement being read, anchored-span.ts). */
export function tokenSpan(t: IToken): Span {
  return spanAt(t.startOffset, tokenEnd(t));
}

/** Where a token ends. */
export function tokenEnd(t: IToken): number {
  return t.startOffset + t.image.length;
}

/** Lexes a dhcpd.conf; never throws. */
export function lexDhcpConf(text: string): DhcpTokens {
  const result = DHCP_LEXER.tokenize(text);
  return { tokens: result.tokens, comments: (result.groups['comments'] ?? []).map(commentSpan) };
}

/** A comment's span: comments are kept apart from the tree and moved by copy (reparse.ts). */
function commentSpan(t: IToken): Span {
  return { start: t.startOffset, end: tokenEnd(t) };
}
