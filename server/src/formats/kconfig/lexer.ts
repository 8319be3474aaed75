import { Lexer } from 'chevrotain';
import type { IToken } from 'chevrotain';
import { KCONFIG_LEXER_DEFINITION } from './tokens';

/** One lexer for every `.config`: Chevrotain lexers keep no state between calls. */
const KCONFIG_LEXER = new Lexer(KCONFIG_LEXER_DEFINITION, {
  positionTracking: 'onlyOffset',
  ensureOptimizations: true,
});

/** Lexes a kernel `.config`; never throws (every character belongs to some token). */
export function lexKconfig(text: string): readonly IToken[] {
  return KCONFIG_LEXER.tokenize(text).tokens;
}
