import { Lexer } from 'chevrotain';
import type { IToken } from 'chevrotain';
import { EXPORTS_TOKENS } from './tokens';

/** One lexer instance for all exports files: Chevrotain lexers keep no state between calls. */
const EXPORTS_LEXER = new Lexer(EXPORTS_TOKENS, {
  positionTracking: 'onlyOffset',
  ensureOptimizations: true,
});

/** The tokens of an exports file and its comments. Every character lexes (`OtherChar` catches the rest). */
export interface ExportsTokens {
  readonly tokens: readonly IToken[];
  readonly comments: readonly IToken[];
}

/** Lexes an exports file; never throws. */
export function lexExports(text: string): ExportsTokens {
  const result = EXPORTS_LEXER.tokenize(text);
  return { tokens: result.tokens, comments: result.groups['comments'] ?? [] };
}
