import { Lexer } from 'chevrotain';
import type { IToken } from 'chevrotain';
import type { Span } from '../../core/text';
import { DHCP_TOKENS } from './tokens';

/** One lexer for all dhcpd.conf files: Chevrotain lexers keep no state between calls. */
const DHCP_LEXER = new Lexer(DHCP_TOKENS, { positionTracking: 'onlyOffset', ensureOptimizations: true });

/** The tokens of a dhcpd.conf and the spans of its comments. Every character lexes. */
export interface DhcpTokens {
  readonly tokens: readonly IToken[];
  readonly comments: readonly Span[];
}

/** The span of a token. */
export function tokenSpan(t: IToken): Span {
  return { start: t.startOffset, end: t.startOffset + t.image.length };
}

/** Lexes a dhcpd.conf; never throws. */
export function lexDhcpConf(text: string): DhcpTokens {
  const result = DHCP_LEXER.tokenize(text);
  return { tokens: result.tokens, comments: (result.groups['comments'] ?? []).map(tokenSpan) };
}
