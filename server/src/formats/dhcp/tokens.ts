import { createToken, Lexer } from 'chevrotain';
import { startCharsExcept } from '../start-chars';
import type { CustomPatternMatcherReturn } from 'chevrotain';

/**
 * Tokens of dhcpd.conf. ISC dhcpd's own lexer (common/conflex.c) splits addresses and MACs at `.` and `:`;
 * here a run of name characters stays one `Atom` (`192.168.0.1`, `00:11:2f:a8:b4:d4`, `PXE.mtftp-ip`), and
 * the statement layer reads its parts. Every character lexes: anything else is an `OtherChar`.
 */

/**
 * Spaces, tabs and line breaks (a carriage return too: dhcpd treats CRLF files like LF files). One token for
 * a line break and the next line's indentation: half as many matches as a token each.
 */
export const WhiteSpace = createToken({
  name: 'WhiteSpace',
  pattern: /[ \t\f\v\r\n]+/,
  group: Lexer.SKIPPED,
  line_breaks: true,
});
/** A `#` comment up to the end of the line. */
export const Comment = createToken({ name: 'Comment', pattern: /#[^\n]*/, group: 'comments' });

/**
 * A double-quoted string. As in conflex.c it may span lines and knows `\` escapes. One that is never closed
 * ends at its line's end here, so the rest of the file is still analysed (the parser reports it).
 */
function matchString(text: string, offset: number): CustomPatternMatcherReturn | null {
  if (text.charCodeAt(offset) !== 34) return null;
  let i = offset + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 92) i += 2;
    else if (c === 34) return [text.slice(offset, i + 1)];
    else i++;
  }
  const eol = text.indexOf('\n', offset);
  return [text.slice(offset, eol < 0 ? text.length : eol)];
}

/** A quoted string, possibly unterminated. */
export const StringLiteral = createToken({
  name: 'StringLiteral',
  pattern: { exec: matchString },
  line_breaks: true,
  start_chars_hint: ['"'],
});
/** A name, number, address, MAC or host name: letters, digits and `_ - . :`. */
export const Atom = createToken({ name: 'Atom', pattern: /[A-Za-z0-9_.:-]+/ });
/** Opens a declaration's body (or a record type in an option definition). */
export const LBrace = createToken({ name: 'LBrace', pattern: /\{/ });
/** Closes a body. */
export const RBrace = createToken({ name: 'RBrace', pattern: /}/ });
/** Ends a statement. */
export const Semicolon = createToken({ name: 'Semicolon', pattern: /;/ });
/** Separates array items and function arguments. */
export const Comma = createToken({ name: 'Comma', pattern: /,/ });
/** Opens a function's arguments in an expression. */
export const LParen = createToken({ name: 'LParen', pattern: /\(/ });
/** Closes them. */
export const RParen = createToken({ name: 'RParen', pattern: /\)/ });
/** dhcp-eval(5) comparison operators `!=`, `~=` and `~~`. */
export const Compare = createToken({ name: 'Compare', pattern: /!=|~=|~~/ });
/** `=`: equality in expressions, and `option NAME code N = TYPE`. */
export const Equals = createToken({ name: 'Equals', pattern: /=/ });
/** Any other character: never valid in dhcpd.conf outside strings and comments. */
export const OtherChar = createToken({
  name: 'OtherChar',
  pattern: /[^ \t\r\n\f\v]/,
  start_chars_hint: startCharsExcept(/[ \t\r\n\f\v]/),
});

/** All tokens, in the order the lexer tries them. */
export const DHCP_TOKENS = [
  WhiteSpace,
  Comment,
  StringLiteral,
  Atom,
  LBrace,
  RBrace,
  Semicolon,
  Comma,
  LParen,
  RParen,
  Compare,
  Equals,
  OtherChar,
];
