import { Lexer } from 'chevrotain';
import type { IToken } from 'chevrotain';
import { GRUB_TOKENS } from './tokens';

/** One lexer for all GRUB legacy lines: Chevrotain lexers keep no state between calls. */
const GRUB_LEXER = new Lexer(GRUB_TOKENS, { positionTracking: 'onlyOffset', ensureOptimizations: true });

/** Lexes one logical line; every character lexes, so this never fails. */
export function lexGrubLine(text: string): IToken[] {
  return GRUB_LEXER.tokenize(text).tokens;
}
