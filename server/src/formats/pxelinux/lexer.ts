import { createToken, Lexer } from 'chevrotain';
import type { Span } from '../../core/text';
import { startCharsExcept } from '../start-chars';

/**
 * Tokens of a PXELINUX file: words separated by blanks, one line per statement. Syslinux reads a line at a
 * time and splits off the first word as the keyword (readconfig.c); carriage returns count as blanks.
 */

/** Spaces, tabs and carriage returns. */
export const Blank = createToken({ name: 'Blank', pattern: /[ \t\r\f\v]+/, group: Lexer.SKIPPED });
/** A line break. */
export const Newline = createToken({ name: 'Newline', pattern: /\n/, line_breaks: true });
/** Any run of other characters. */
export const Word = createToken({
  name: 'Word',
  pattern: /[^ \t\r\f\v\n]+/,
  start_chars_hint: startCharsExcept(/[ \t\r\f\v\n]/),
});

const PXE_LEXER = new Lexer([Blank, Newline, Word], {
  positionTracking: 'onlyOffset',
  ensureOptimizations: true,
});

/** One line's words with their spans. */
export interface PxeRawLine {
  readonly words: readonly { readonly text: string; readonly span: Span }[];
  /** From the first word to the end of the last. */
  readonly span: Span;
}

/** Splits a text into lines of words (blank lines are left out); never throws. */
export function lexPxelinux(text: string): PxeRawLine[] {
  const lines: PxeRawLine[] = [];
  let words: { text: string; span: Span }[] = [];
  const flush = (): void => {
    if (words.length > 0)
      lines.push({ words, span: { start: words[0].span.start, end: words[words.length - 1].span.end } });
    words = [];
  };
  for (const t of PXE_LEXER.tokenize(text).tokens) {
    if (t.tokenType === Newline) flush();
    else words.push({ text: t.image, span: { start: t.startOffset, end: t.startOffset + t.image.length } });
  }
  flush();
  return lines;
}
