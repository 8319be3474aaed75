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

// The Chevrotain lexer of the tokens above, built on first need: `lexPxelinux` is that lexer written out.
let lexer: Lexer | undefined;

/** One line's words with their spans. */
export interface PxeRawLine {
  readonly words: readonly { readonly text: string; readonly span: Span }[];
  /** From the first word to the end of the last. */
  readonly span: Span;
}

type Words = { text: string; span: Span }[];

/**
 * Splits a text into lines of words (blank lines are left out); never throws. This is the Chevrotain lexer of
 * the tokens above written out (a `Blank` run is skipped, a `Newline` ends a line, any other run is a `Word`):
 * building and running that lexer cost more than the rest of reading a small file (issue 6);
 * `lexPxelinuxByChevrotain` is the reference it is tested against (lexer.test.ts). `wholeComments`: a comment
 * line keeps its first word only (`commentLine`).
 */
export function lexPxelinux(text: string, wholeComments = false): PxeRawLine[] {
  const lines: PxeRawLine[] = [];
  let words: Words = [];
  for (let at = 0; at < text.length; ) {
    const c = text.charCodeAt(at);
    if (c === NEWLINE) {
      if (words.length > 0) lines.push(rawLine(words));
      words = [];
      at++;
    } else if (isBlank(c)) at++;
    else if (c === HASH && wholeComments && words.length === 0) {
      at = commentLine(text, at, lines);
    } else {
      const start = at++;
      while (at < text.length && !isBlank(text.charCodeAt(at)) && text.charCodeAt(at) !== NEWLINE) at++;
      words.push({ text: text.slice(start, at), span: { start, end: at } });
    }
  }
  if (words.length > 0) lines.push(rawLine(words));
  return lines;
}

const NEWLINE = 0x0a;
const HASH = 0x23;

/**
 * `lexPxelinux(text, true)` reads a line whose first word starts with `#` (a comment to the parser, which
 * reads only that first word and the line's span) as its first word alone, with the line's span: the same
 * line but its other words, which made half the garbage of reading a small file (issue 6).
 */
function commentLine(text: string, start: number, lines: PxeRawLine[]): number {
  let first = start + 1;
  while (first < text.length && !isBlank(text.charCodeAt(first)) && text.charCodeAt(first) !== NEWLINE)
    first++;
  const nl = text.indexOf('\n', first);
  let end = nl < 0 ? text.length : nl;
  while (end > first && isBlank(text.charCodeAt(end - 1))) end--;
  lines.push({
    words: [{ text: text.slice(start, first), span: { start, end: first } }],
    span: { start, end },
  });
  return nl < 0 ? text.length : nl;
}

/** `Blank`'s characters: space, tab, carriage return, form feed, vertical tab. */
function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0c || c === 0x0b;
}

function rawLine(words: Words): PxeRawLine {
  return { words, span: { start: words[0].span.start, end: words[words.length - 1].span.end } };
}

/** The same, by the Chevrotain lexer of the tokens (the reference of `lexPxelinux`). */
export function lexPxelinuxByChevrotain(text: string): PxeRawLine[] {
  const chevrotain = (lexer ??= new Lexer([Blank, Newline, Word], {
    positionTracking: 'onlyOffset',
    ensureOptimizations: true,
  }));
  const lines: PxeRawLine[] = [];
  let words: { text: string; span: Span }[] = [];
  const flush = (): void => {
    if (words.length > 0)
      lines.push({ words, span: { start: words[0].span.start, end: words[words.length - 1].span.end } });
    words = [];
  };
  for (const t of chevrotain.tokenize(text).tokens) {
    if (t.tokenType === Newline) flush();
    else words.push({ text: t.image, span: { start: t.startOffset, end: t.startOffset + t.image.length } });
  }
  flush();
  return lines;
}
