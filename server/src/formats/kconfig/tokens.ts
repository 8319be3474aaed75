import { createToken } from 'chevrotain';
import { startCharsExcept } from '../start-chars';

/**
 * Tokens of a kernel `.config`, as Linux 6.1's scripts/kconfig/confdata.c (`conf_read_simple`) reads one:
 * a line starting with `CONFIG_` is an assignment whose value is the rest of the line; a line
 * `# CONFIG_X is not set` sets X to n; any other `#` line is a comment; anything else is "unexpected
 * data". An assignment is one token up to the line break; every character lexes (`OtherText`), so the parser
 * sees the whole file.
 */

/**
 * Line breaks (`\r\n` too: conf drops the carriage return before the value is read): a run of them, as
 * blank lines say nothing.
 */
export const Newline = createToken({ name: 'Newline', pattern: /(?:\r?\n)+/, line_breaks: true });
/** Blanks: at the start of a line they make it "unexpected data" (conf tests the first character). */
export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\f\v\r]+/ });
/**
 * `# CONFIG_X is not set` exactly as conf writes it: one `#`, one space, the name, one space; with its line
 * break, like an assignment (a lone carriage return does not end the line: what follows is stray text).
 */
export const NotSet = createToken({
  name: 'NotSet',
  pattern: /# CONFIG_[^ \r\n]* is not set[^\r\n]*(?:\r?\n)?/,
  line_breaks: true,
});
/**
 * Any other `#` line: a comment (section titles, the header, `# end of …`), with its line break (a lone
 * carriage return does not end it: what follows is stray text): one token per line (issue 6).
 */
export const Comment = createToken({ name: 'Comment', pattern: /#[^\r\n]*(?:\r?\n)?/, line_breaks: true });
/**
 * `CONFIG_X=value`: the name, the `=` and the value up to the line break (a lone carriage return is part of
 * the value, as conf reads it), and the line break, one token: most lines of a `.config` are this, and one
 * token per line keeps a 10,000-line file cheap (issue 6). `values.ts` reads the value.
 */
export const Assignment = createToken({
  name: 'Assignment',
  pattern: /CONFIG_[A-Za-z0-9_]*=(?:[^\r\n]|\r(?!\n))*(?:\r?\n)?/,
  line_breaks: true,
});
/** A symbol name with its `CONFIG_` prefix not followed by `=`: conf ignores such a line. */
export const Symbol = createToken({ name: 'Symbol', pattern: /CONFIG_[A-Za-z0-9_]*/ });
/** An `=` elsewhere (junk). */
export const Equals = createToken({ name: 'Equals', pattern: /=/ });
/**
 * Anything else at line level: a run up to a blank, `=` or `#`. Chevrotain cannot tell the first characters
 * of a complement class, so they are listed: with them the lexer picks candidates by the first character.
 */
export const OtherText = createToken({
  name: 'OtherText',
  pattern: /[^\s=#]+/,
  start_chars_hint: startCharsExcept(/[\s=#]/),
});

/** The lexer's tokens, in the order they are tried. */
export const KCONFIG_LEXER_DEFINITION = [
  Newline,
  WhiteSpace,
  NotSet,
  Comment,
  Assignment,
  Symbol,
  Equals,
  OtherText,
];

/** Every token type, for the parser. */
export const KCONFIG_TOKENS = KCONFIG_LEXER_DEFINITION;
