import { createToken, Lexer } from 'chevrotain';
import { startCharsExcept } from '../start-chars';

/**
 * Tokens of one GRUB legacy logical line (after `get_line_from_config`: tabs are spaces, continuations
 * joined). GRUB splits a line at spaces only; `=` matters right after the command name, where
 * `title=A` and `default=0` are the same as `title A` (stage2/cmdline.c `find_command`, `skip_to`).
 */

/** A run of spaces between words. */
export const Space = createToken({ name: 'Space', pattern: / +/ });
/** `=`: a separator after the command name, an ordinary character inside an argument. */
export const Equals = createToken({ name: 'Equals', pattern: /=/ });
/** A NUL byte: GRUB keeps lines as C strings, so the line ends for it there. */
export const Nul = createToken({ name: 'Nul', pattern: /\0+/ });
/** Any other run of characters. */
export const Word = createToken({
  name: 'Word',
  pattern: /[^ =\0\n]+/,
  start_chars_hint: startCharsExcept(/[ =\0\n]/),
});
/** A line break (never inside a logical line; present so that every character lexes). */
export const Newline = createToken({
  name: 'Newline',
  pattern: /\n/,
  line_breaks: true,
  group: Lexer.SKIPPED,
});

/** All tokens, in the order the lexer tries them. */
export const GRUB_TOKENS = [Space, Equals, Nul, Word, Newline];
