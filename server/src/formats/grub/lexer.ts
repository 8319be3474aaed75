import { Lexer } from 'chevrotain';
import type { IToken } from 'chevrotain';
import { GRUB_TOKENS } from './tokens';

/**
 * One lexer for all GRUB legacy lines (Chevrotain lexers keep no state between calls), built on first need:
 * the lines of a menu are read by hand (line-grammar.ts `readLineWords`).
 */
let lexer: Lexer | undefined;

/** Lexes one logical line; every character lexes, so this never fails. */
export function lexGrubLine(text: string): IToken[] {
  lexer ??= new Lexer(GRUB_TOKENS, { positionTracking: 'onlyOffset', ensureOptimizations: true });
  return lexer.tokenize(text).tokens;
}
