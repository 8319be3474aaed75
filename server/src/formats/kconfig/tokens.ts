import { createToken } from 'chevrotain';

/**
 * Tokens of a kernel `.config`, as Linux 6.1's scripts/kconfig/confdata.c (`conf_read_simple`) reads one:
 * a line starting with `CONFIG_` is an assignment whose value is the rest of the line; a line
 * `# CONFIG_X is not set` sets X to n; any other `#` line is a comment; anything else is "unexpected
 * data". Two lexer modes: the start of a line, and a value (after `=`, up to the line break). Every
 * character lexes (`OtherText`, `ValueWord`), so the parser sees the whole file.
 */

/** A line break (`\r\n` too: conf drops the carriage return before the value is read). */
export const Newline = createToken({ name: 'Newline', pattern: /\r?\n/, line_breaks: true });
/** A line break that ends a value: leaves the value mode. */
export const ValueNewline = createToken({
  name: 'ValueNewline',
  pattern: /\r?\n/,
  line_breaks: true,
  pop_mode: true,
  categories: [Newline],
});
/** Blanks: at the start of a line they make it "unexpected data" (conf tests the first character). */
export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\f\v\r]+/ });
/** `# CONFIG_X is not set` exactly as conf writes it: one `#`, one space, the name, one space. */
export const NotSet = createToken({ name: 'NotSet', pattern: /# CONFIG_[^ \r\n]* is not set[^\r\n]*/ });
/** Any other `#` line: a comment (section titles, the header, `# end of …`). */
export const Comment = createToken({ name: 'Comment', pattern: /#[^\r\n]*/ });
/** A symbol name with its `CONFIG_` prefix. */
export const Symbol = createToken({ name: 'Symbol', pattern: /CONFIG_[A-Za-z0-9_]*/ });
/** The `=` of an assignment: what follows, up to the line break, is the value. */
export const Equals = createToken({ name: 'Equals', pattern: /=/, push_mode: 'value' });
/** Anything else at line level: a run up to a blank, `=` or `#`. */
export const OtherText = createToken({ name: 'OtherText', pattern: /[^\s=#]+/ });

/** A double-quoted string, backslash escapes inside; the closing quote may be missing (an issue). */
export const StringLiteral = createToken({ name: 'StringLiteral', pattern: /"(?:[^"\\\r\n]|\\[^\r\n])*"?/ });
/** A hexadecimal number `0x…` (conf also accepts hex digits without `0x` for a hex symbol). */
export const HexNumber = createToken({ name: 'HexNumber', pattern: /0[xX][0-9a-fA-F]+(?![^\s#"])/ });
/** A decimal number, possibly negative. */
export const DecimalNumber = createToken({ name: 'DecimalNumber', pattern: /-?[0-9]+(?![^\s#"])/ });
/** One of the tristate letters conf writes: `y`, `m`, `n`. */
export const Tristate = createToken({ name: 'Tristate', pattern: /[ymn](?![^\s#"])/ });
/** Any other run in a value (`yes`, `/boot/x`, `12ab`): the rule on values judges it. */
export const ValueWord = createToken({ name: 'ValueWord', pattern: /[^\s"]+/ });
/** Blanks inside a value. */
export const ValueSpace = createToken({ name: 'ValueSpace', pattern: /[ \t\f\v\r]+/ });

/** The lexer modes: a line, then a value after `=`. */
export const KCONFIG_LEXER_DEFINITION = {
  modes: {
    line: [Newline, WhiteSpace, NotSet, Comment, Symbol, Equals, OtherText],
    value: [ValueNewline, ValueSpace, StringLiteral, HexNumber, DecimalNumber, Tristate, ValueWord],
  },
  defaultMode: 'line',
};

/** Every token type, for the parser. */
export const KCONFIG_TOKENS = [
  Newline,
  ValueNewline,
  WhiteSpace,
  NotSet,
  Comment,
  Symbol,
  Equals,
  OtherText,
  StringLiteral,
  HexNumber,
  DecimalNumber,
  Tristate,
  ValueWord,
  ValueSpace,
];

/** The token types a value is made of. */
export const VALUE_TOKENS = [ValueSpace, StringLiteral, HexNumber, DecimalNumber, Tristate, ValueWord];
