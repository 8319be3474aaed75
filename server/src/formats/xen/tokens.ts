import { createToken, Lexer } from 'chevrotain';
import type { CustomPatternMatcherReturn } from 'chevrotain';
import { startCharsExcept } from '../start-chars';
import { matchString } from './string-literal';

/**
 * Tokens of Xen domain configs. The set is xl's (tools/libs/util/libxlu_cfg_l.l) widened so that an xm
 * file (Python) still lexes: anything xl would call a lexical error becomes a token the parser can
 * classify (a Python construct, a stray character) instead of a lexer failure.
 */

/** Spaces and tabs between tokens. */
export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\f\v]+/, group: Lexer.SKIPPED });
/** A carriage return outside comments and strings: kept aside, since xl's lexer rejects it (libxlu_cfg_l.l). */
export const CarriageReturn = createToken({
  name: 'CarriageReturn',
  pattern: /\r/,
  group: 'carriageReturns',
});
/** A `#` comment up to the end of the line. */
export const Comment = createToken({ name: 'Comment', pattern: /#[^\n]*/, group: 'comments' });
/** A line break: ends a statement unless inside brackets or parentheses. */
export const Newline = createToken({ name: 'Newline', pattern: /\n/, line_breaks: true });
/** A statement separator other than a line break. */
export const Semicolon = createToken({ name: 'Semicolon', pattern: /;/ });
/** The list item separator. */
export const Comma = createToken({ name: 'Comma', pattern: /,/ });
/** The start of a list. */
export const LBracket = createToken({ name: 'LBracket', pattern: /\[/ });
/** The end of a list. */
export const RBracket = createToken({ name: 'RBracket', pattern: /]/ });
/** The appending assignment `+=`. */
export const PlusEquals = createToken({ name: 'PlusEquals', pattern: /\+=/ });
/** Python's comparison `==` (so that `if a == b:` is not read as an assignment). */
export const EqualsEquals = createToken({ name: 'EqualsEquals', pattern: /==/ });
/** The assignment `=`. */
export const Equals = createToken({ name: 'Equals', pattern: /=/ });
/** A quoted string, possibly with typographic quotes or unterminated: see string-literal.ts. */
export const StringLiteral = createToken({
  name: 'StringLiteral',
  pattern: {
    exec: (text: string, offset: number): CustomPatternMatcherReturn | null => matchString(text, offset),
  },
  line_breaks: true,
  start_chars_hint: ["'", '"', '\u2018', '\u2019', '\u201c', '\u201d'],
});
/** A number as xl lexes it (`[0-9][0-9a-fx]*`), widened to catch `1.5` and `1e5` whole. */
export const NumberLiteral = createToken({ name: 'NumberLiteral', pattern: /[0-9][0-9A-Za-z_.]*/ });
/** A name: a key (xl allows dots: `[a-z][._0-9a-z]*`), or in Python a variable, attribute, keyword or function. */
export const Identifier = createToken({ name: 'Identifier', pattern: /[A-Za-z_][A-Za-z0-9_.]*/ });
/** Parentheses: never part of xl's grammar, always Python. */
export const LParen = createToken({ name: 'LParen', pattern: /\(/ });
/** The closing parenthesis. */
export const RParen = createToken({ name: 'RParen', pattern: /\)/ });
/** A line-ending `:` of a Python block (`def f():`, `if x:`). */
export const Colon = createToken({ name: 'Colon', pattern: /:/ });
/** A backslash: Python's line continuation. */
export const Backslash = createToken({ name: 'Backslash', pattern: /\\/ });
/** Any other single character: an operator in Python, a lexical error for xl. */
export const OtherChar = createToken({
  name: 'OtherChar',
  pattern: /[^ \t\r\n\f\v]/,
  start_chars_hint: startCharsExcept(/[ \t\r\n\f\v]/),
});

/** All tokens, in the order the lexer tries them. */
export const XEN_TOKENS = [
  WhiteSpace,
  CarriageReturn,
  Comment,
  Newline,
  Semicolon,
  Comma,
  LBracket,
  RBracket,
  PlusEquals,
  EqualsEquals,
  Equals,
  StringLiteral,
  NumberLiteral,
  Identifier,
  LParen,
  RParen,
  Colon,
  Backslash,
  OtherChar,
];
