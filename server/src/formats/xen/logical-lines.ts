import type { IToken, TokenType } from 'chevrotain';
import {
  Equals,
  Identifier,
  LBracket,
  LParen,
  Newline,
  PlusEquals,
  RBracket,
  RParen,
  Semicolon,
} from './tokens';

/**
 * Splits a token stream into logical statements, as xl's grammar separates them: at a newline or `;`
 * outside brackets. Inside `[ … ]` (and Python's `( … )`) newlines do not end a statement. An unclosed
 * bracket would swallow the rest of the file, so a new `key =` at the start of a line ends it anyway:
 * that is what lets the rest of the file be analysed after a missing `]`.
 */

/**
 * A statement: its tokens `tokens[start..end)`, with whether it was cut short by an unclosed bracket. The tokens
 * are the file's (a range, not a copy: an array per statement was a tenth of a domain config's allocations,
 * issue 6), or a merged Python block's own.
 */
export interface LogicalLine {
  readonly tokens: readonly IToken[];
  readonly start: number;
  readonly end: number;
  readonly unclosed: IToken | undefined;
}

function is(t: IToken | undefined, type: TokenType): boolean {
  return t !== undefined && t.tokenType === type;
}

/** Whether `offset` is at the start of a physical line (a lone CR ends a line too, as for LSP clients). */
function atLineStart(text: string, offset: number): boolean {
  const before = offset > 0 ? text.charCodeAt(offset - 1) : 10;
  return before === 10 || before === 13;
}

/** Whether tokens[i] starts a physical line with `name =` or `name +=`. */
function startsAssignmentLine(text: string, tokens: readonly IToken[], i: number): boolean {
  const t = tokens[i];
  return (
    is(t, Identifier) &&
    atLineStart(text, t.startOffset) &&
    (is(tokens[i + 1], Equals) || is(tokens[i + 1], PlusEquals))
  );
}

/** What receives the logical lines of a file, in order: each is `tokens[start..end)`. */
export interface LineVisitor {
  line(start: number, end: number, unclosed: IToken | undefined): void;
}

/** Splits `tokens` (lexed from `text`) into logical lines; separators are not included. */
export function splitLogicalLines(text: string, tokens: readonly IToken[]): LogicalLine[] {
  const lines: LogicalLine[] = [];
  visitLogicalLines(text, tokens, {
    line: (start, end, unclosed) => lines.push({ tokens, start, end, unclosed }),
  });
  return lines;
}

/** `splitLogicalLines`, each line handed to `visitor` as it is found (the parser keeps no line objects). */
export function visitLogicalLines(text: string, tokens: readonly IToken[], visitor: LineVisitor): void {
  // The current line starts at `start`: every token up to the next separator belongs to it.
  let start = 0;
  // The open brackets: how many, and the outermost (a depth and a token, not a stack: emptying an array
  // per statement cost more than splitting it, issue 6).
  let depth = 0;
  let outermost: IToken | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (depth > 0 && is(tokens[i - 1], Newline) && startsAssignmentLine(text, tokens, i)) {
      if (i > start) visitor.line(start, i, outermost);
      start = i;
      depth = 0;
      outermost = undefined;
    }
    if (is(t, LBracket) || is(t, LParen)) {
      if (depth++ === 0) outermost = t;
    } else if ((is(t, RBracket) || is(t, RParen)) && depth > 0) {
      if (--depth === 0) outermost = undefined;
    }
    if (depth === 0 && (is(t, Newline) || is(t, Semicolon))) {
      if (i > start) visitor.line(start, i, undefined);
      start = i + 1;
    }
  }
  if (tokens.length > start) visitor.line(start, tokens.length, outermost);
}
