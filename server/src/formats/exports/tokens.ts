import { createToken, Lexer } from 'chevrotain';
import type { CustomPatternMatcherReturn } from 'chevrotain';
import { startCharsExcept } from '../start-chars';

/**
 * Tokens of /etc/exports (exports(5)). exportfs reads a line as white-space separated words
 * (support/nfs/xio.c `xgettok`); inside a client word it splits `host(opts)` at the first `(`
 * (support/nfs/exports.c `getexportent`). The tokens keep both levels: blanks separate words, and the
 * punctuation that matters inside a word (`(`, `)`, `,`, a leading `-`) is a token of its own.
 */

/** White space or a continuation: what separates two words. */
export const Blank = createToken({ name: 'Blank', pattern: Lexer.NA });
/** Spaces and tabs (a carriage return too: exportfs's `isspace` ends a word at it). */
export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\r\f\v]+/, categories: [Blank] });
/** A backslash before a line break joins the next line, whose leading blanks are skipped (xio.c `xgetc`). */
export const Continuation = createToken({
  name: 'Continuation',
  pattern: /\\\n[ \t]*/,
  line_breaks: true,
  categories: [Blank],
});
/** `#` starts a comment anywhere, even inside a word or quotes (xio.c `xgetc` tests for it first). */
export const Comment = createToken({ name: 'Comment', pattern: /#[^\n]*/, group: 'comments' });
/** A line break: ends an export entry. */
export const Newline = createToken({ name: 'Newline', pattern: /\n/, line_breaks: true });
/** Opens a client's option list. */
export const LParen = createToken({ name: 'LParen', pattern: /\(/ });
/** Closes a client's option list. */
export const RParen = createToken({ name: 'RParen', pattern: /\)/ });
/** Separates options. */
export const Comma = createToken({ name: 'Comma', pattern: /,/ });

/** A `-` that starts a word: the default-options form `-opt,opt` (exportfs tests `exp[0] == '-'`). */
export const Dash = createToken({
  name: 'Dash',
  pattern: {
    exec: (text: string, offset: number): CustomPatternMatcherReturn | null => {
      if (text[offset] !== '-') return null;
      const before = offset === 0 ? '\n' : text[offset - 1];
      return before === ' ' || before === '\t' || before === '\n' ? ['-'] : null;
    },
  },
  start_chars_hint: ['-'],
  line_breaks: false,
});

/**
 * The rest of a word: any run without blanks, `(`, `)`, `,` and `#`. Double quotes group text with
 * blanks in it (`"/srv/my root"`); exportfs drops the quotes. An unterminated quote ends at the line's end.
 */
export const Word = createToken({
  name: 'Word',
  pattern: /(?:[^\s"(),#\\]|\\(?!\n)|"[^"\n#]*"?)+/,
  start_chars_hint: startCharsExcept(/[\s(),#]/),
});

/** Any single character no other token takes (a lone `"` before `#`); the parser reports it. */
export const OtherChar = createToken({
  name: 'OtherChar',
  pattern: /[^\n]/,
  start_chars_hint: startCharsExcept(/\n/),
});

/** All tokens, in the order the lexer tries them. */
export const EXPORTS_TOKENS = [
  Blank,
  WhiteSpace,
  Continuation,
  Comment,
  Newline,
  LParen,
  RParen,
  Comma,
  Dash,
  Word,
  OtherChar,
];
