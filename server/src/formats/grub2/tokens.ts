import { createToken, Lexer } from 'chevrotain';
import type { CustomPatternMatcherReturn } from 'chevrotain';
import { startCharsExcept } from '../start-chars';
import { variableEnd } from './word';

/**
 * Tokens of GRUB 2's script language (grub-core/script/yylex.l, GRUB 2.06). Blanks are spaces and tabs;
 * grub-script-check and GRUB's config reader turn carriage returns into spaces, so CR is a blank here too.
 * A word is a run of plain characters, quoted strings, escapes and `$` variables; `{`, `}`, `;`, `|`, `&`,
 * `<`, `>` and blanks end it. Quotes and `\` line continuations may span lines.
 */

/** Spaces, tabs and carriage returns between tokens. */
export const Blank = createToken({ name: 'Blank', pattern: /[ \t\r]+/, group: Lexer.SKIPPED });
/** A `#` comment: only where a word would start (`a#b` is one word), up to the end of the line. */
export const Comment = createToken({ name: 'Comment', pattern: /#[^\n]*/, group: 'comments' });
/** A line break: ends a command, like `;`. */
export const Newline = createToken({ name: 'Newline', pattern: /\n/, line_breaks: true });
/** `||`: lexed by GRUB but in no grammar rule, so always a syntax error. */
export const OrOr = createToken({ name: 'OrOr', pattern: /\|\|/ });
/** `&&`: lexed by GRUB but in no grammar rule. */
export const AndAnd = createToken({ name: 'AndAnd', pattern: /&&/ });
/** `;;`: lexed by GRUB (for `case`, which it lacks), so a syntax error. */
export const SemiSemi = createToken({ name: 'SemiSemi', pattern: /;;/ });
/** `|`: GRUB has no pipes. */
export const Pipe = createToken({ name: 'Pipe', pattern: /\|/ });
/** `&`: GRUB has no background jobs. */
export const Amp = createToken({ name: 'Amp', pattern: /&/ });
/** `<`: GRUB has no redirections. */
export const Less = createToken({ name: 'Less', pattern: /</ });
/** `>`: GRUB has no redirections. */
export const Greater = createToken({ name: 'Greater', pattern: />/ });
/** The command separator `;`. */
export const Semi = createToken({ name: 'Semi', pattern: /;/ });
/** `{`: opens a block (a menuentry body, a function body); never part of a word. */
export const LBrace = createToken({ name: 'LBrace', pattern: /\{/ });
/** `}`: closes a block; never part of a word. */
export const RBrace = createToken({ name: 'RBrace', pattern: /\}/ });

/** The characters that end a word: blanks, line breaks, `{ } | & ; < >` (codes: a set of strings cost more). */
function isWordEnd(c: number): boolean {
  switch (c) {
    case 0x20:
    case 0x09:
    case 0x0d:
    case 0x0a:
    case 0x7b:
    case 0x7d:
    case 0x7c:
    case 0x26:
    case 0x3b:
    case 0x3c:
    case 0x3e:
      return true;
    default:
      return false;
  }
}

/** The end of a quoted string that starts at `i` (the quote), or the text's end if it is never closed. */
function quotedEnd(text: string, i: number): number {
  const n = text.length;
  if (text.charCodeAt(i) === 0x27) {
    const close = text.indexOf("'", i + 1);
    return close < 0 ? n : close + 1;
  }
  // Inside double quotes a `\` takes the next character with it.
  let j = i + 1;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (c === 0x22) break;
    j += c === 0x5c ? 2 : 1;
  }
  return Math.min(j + 1, n);
}

/** The length of a `${name}` at `i` (its braces belong to the word), or 1 for a `$` that starts none. */
function bracedVariableLength(text: string, i: number): number {
  const end = variableEnd(text, i);
  return end < 0 ? 1 : end - i;
}

/** Matches one word at `offset` (yylex.l `WORD` and `MULTILINE`); null where no word starts. */
export function matchWord(text: string, offset: number): CustomPatternMatcherReturn | null {
  const i = wordEnd(text, offset);
  return i === offset ? null : [text.slice(offset, i)];
}

/** Where the word at `offset` ends (`offset` itself where no word starts). */
export function wordEnd(text: string, offset: number): number {
  const scanned = scanWord(text, offset);
  return scanned >= 0 ? scanned : -scanned - 1;
}

/** What a character is to `scanWord`, by code below 0x80 (a table: one load per character, issue 6). */
const PLAIN = 0;
const END = 1;
const ESCAPE = 2;
const QUOTE = 3;
const DOLLAR = 4;

const CHAR_CLASSES: Uint8Array = charClasses();

function charClasses(): Uint8Array {
  const table = new Uint8Array(0x80);
  for (let c = 0; c < 0x80; c++) table[c] = isWordEnd(c) ? END : PLAIN;
  table[0x5c] = ESCAPE;
  table[0x27] = QUOTE;
  table[0x22] = QUOTE;
  table[0x24] = DOLLAR;
  return table;
}

/**
 * `wordEnd`, and whether the word is plain (no quote, `\` or `$`, which the lexer then need not look for
 * again): the end if it is, else `-end - 1`.
 */
export function scanWord(text: string, offset: number): number {
  const n = text.length;
  let i = offset;
  // The plain characters first: most words have nothing else.
  for (;;) {
    if (i >= n) return i;
    const c = text.charCodeAt(i);
    const cls = c < 0x80 ? CHAR_CLASSES[c] : PLAIN;
    if (cls === END) return i;
    if (cls !== PLAIN) break;
    i++;
  }
  while (i < n) {
    const c = text.charCodeAt(i);
    const cls = c < 0x80 ? CHAR_CLASSES[c] : PLAIN;
    if (cls === END) break;
    if (cls === ESCAPE) i = Math.min(i + 2, n);
    else if (cls === QUOTE) i = quotedEnd(text, i);
    else if (cls === DOLLAR) i += text.charCodeAt(i + 1) === 0x7b ? bracedVariableLength(text, i) : 1;
    else i++;
  }
  return -i - 1;
}

/** A word: a command name or an argument, quotes and variables included (decoded in word.ts). */
export const Word = createToken({
  name: 'Word',
  pattern: { exec: (text: string, offset: number) => matchWord(text, offset) },
  line_breaks: true,
  start_chars_hint: startCharsExcept(/[ \t\r\n{}|&;<>]/),
});

/** All tokens, in the order the lexer tries them (the comment before the word, as in yylex.l). */
export const GRUB2_TOKENS = [
  Blank,
  Comment,
  Newline,
  OrOr,
  AndAnd,
  SemiSemi,
  Pipe,
  Amp,
  Less,
  Greater,
  Semi,
  LBrace,
  RBrace,
  Word,
];
