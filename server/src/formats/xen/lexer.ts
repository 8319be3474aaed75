import { Lexer } from 'chevrotain';
import type { IToken } from 'chevrotain';
import { XEN_TOKENS } from './tokens';

/**
 * One lexer instance for all Xen configs: Chevrotain lexers are stateless between calls. Offsets only: the
 * few columns the parser needs (Python blocks) come from a line index, at a fraction of the cost of tracking
 * lines and columns on every token.
 */
const XEN_LEXER = new Lexer(XEN_TOKENS, { positionTracking: 'onlyOffset', ensureOptimizations: true });

/** The tokens of a Xen config and its comments. Every character lexes (OtherChar catches the rest). */
export interface XenTokens {
  readonly tokens: readonly IToken[];
  readonly comments: readonly IToken[];
  /** Carriage returns outside comments and strings. */
  readonly carriageReturns: readonly IToken[];
}

/** Lexes a Xen domain config; never throws. */
export function lexXenConfig(text: string): XenTokens {
  const result = XEN_LEXER.tokenize(text);
  return {
    tokens: result.tokens,
    comments: result.groups['comments'] ?? [],
    carriageReturns: result.groups['carriageReturns'] ?? [],
  };
}
