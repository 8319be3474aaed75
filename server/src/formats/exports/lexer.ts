import { Lexer } from 'chevrotain';
import { pushToken } from '../hand-tokens';
import type { IToken, TokenType } from 'chevrotain';
import {
  Comma,
  Comment,
  Continuation,
  Dash,
  EXPORTS_TOKENS,
  LParen,
  Newline,
  OtherChar,
  RParen,
  WhiteSpace,
  Word,
} from './tokens';

/** The Chevrotain lexer of the tokens, built on first need: `lexExports` is that lexer written out. */
let lexer: Lexer | undefined;

/** The tokens of an exports file and its comments. Every character lexes (`OtherChar` catches the rest). */
export interface ExportsTokens {
  readonly tokens: readonly IToken[];
  readonly comments: readonly IToken[];
}

/**
 * Lexes an exports file; never throws. This is the Chevrotain lexer of `EXPORTS_TOKENS` written out: at each
 * offset the first token type in that order that matches, and the same token objects (offsets only). Its
 * token objects and regular expression matches made most of the garbage of reading a large exports file
 * (issue 6); `lexExportsByChevrotain` is the reference it is tested against (lexer.test.ts).
 */
export function lexExports(text: string): ExportsTokens {
  const out: Lexed = { tokens: [], comments: [] };
  for (let at = 0; at < text.length; ) at = lexOne(text, at, out);
  return out;
}

interface Lexed {
  readonly tokens: IToken[];
  readonly comments: IToken[];
}

/** The same, by the Chevrotain lexer of `EXPORTS_TOKENS` (the reference of `lexExports`). */
export function lexExportsByChevrotain(text: string): ExportsTokens {
  const chevrotain = (lexer ??= new Lexer(EXPORTS_TOKENS, {
    positionTracking: 'onlyOffset',
    ensureOptimizations: true,
  }));
  const result = chevrotain.tokenize(text);
  return { tokens: result.tokens, comments: result.groups['comments'] ?? [] };
}

const TAB = 0x09;
const NEWLINE = 0x0a;
const SPACE = 0x20;
const QUOTE = 0x22;
const HASH = 0x23;
const BACKSLASH = 0x5c;

/** WhiteSpace's characters: space, tab, carriage return, form feed, vertical tab. */
function isWhiteSpace(c: number): boolean {
  return c === SPACE || c === TAB || c === 0x0d || c === 0x0c || c === 0x0b;
}

/** JavaScript's `\s`: the blanks that end a `Word`. */
function isJsSpace(c: number): boolean {
  if (c <= SPACE) return c === SPACE || (c >= TAB && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Reads the token at `at` into `out`; returns where the next one starts. */
function lexOne(text: string, at: number, out: Lexed): number {
  const c = text.charCodeAt(at);
  const tokens = out.tokens;
  if (isWhiteSpace(c)) {
    let end = at + 1;
    while (end < text.length && isWhiteSpace(text.charCodeAt(end))) end++;
    return add(tokens, WhiteSpace, text, at, end);
  }
  if (c === BACKSLASH && text.charCodeAt(at + 1) === NEWLINE) {
    let end = at + 2;
    while (text.charCodeAt(end) === SPACE || text.charCodeAt(end) === TAB) end++;
    return add(tokens, Continuation, text, at, end);
  }
  if (c === HASH) {
    const nl = text.indexOf('\n', at);
    return add(out.comments, Comment, text, at, nl < 0 ? text.length : nl);
  }
  const single =
    c === NEWLINE ? Newline : c === 0x28 ? LParen : c === 0x29 ? RParen : c === 0x2c ? Comma : undefined;
  if (single) return add(tokens, single, text, at, at + 1);
  if (isDashAt(text, at)) return add(tokens, Dash, text, at, at + 1);
  const end = wordEnd(text, at);
  return end > at ? add(tokens, Word, text, at, end) : add(tokens, OtherChar, text, at, at + 1);
}

function add(list: IToken[], tokenType: TokenType, text: string, start: number, end: number): number {
  return pushToken(list, tokenType, text.slice(start, end), start);
}

/** Dash: a `-` at the start of the text or after a space, tab or line break. */
function isDashAt(text: string, at: number): boolean {
  if (text.charCodeAt(at) !== 0x2d) return false;
  const before = at === 0 ? NEWLINE : text.charCodeAt(at - 1);
  return before === SPACE || before === TAB || before === NEWLINE;
}

/**
 * Word: `(?:[^\s"(),#\\]|\\(?!\n)|"[^"\n#]*"?)+` from `at`; `at` itself when it matches nothing (then the
 * character is an OtherChar). No alternative matches empty and nothing follows the loop, so the match is
 * the longest run of iterations, each the first alternative that matches.
 */
function wordEnd(text: string, at: number): number {
  let i = at;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      i++;
      while (i < text.length && !isQuotedEnd(text.charCodeAt(i))) i++;
      if (text.charCodeAt(i) === QUOTE) i++;
    } else if (c === BACKSLASH) {
      if (text.charCodeAt(i + 1) === NEWLINE) break;
      i++;
    } else if (isJsSpace(c) || c === 0x28 || c === 0x29 || c === 0x2c || c === HASH) break;
    else i++;
  }
  return i;
}

function isQuotedEnd(c: number): boolean {
  return c === QUOTE || c === NEWLINE || c === HASH;
}

/** About how much text one piece holds. */
const PIECE_CHARS = 32 * 1024;

/**
 * Lexes an exports file a piece at a time, each piece whole lines (`\` + line break continues a line, so a
 * piece never ends there), the tokens' offsets into the whole text: what `lexExports` gives, cut at line
 * breaks. No token spans a line break but a continuation, and `-` reads a piece's start as a line's, so the
 * tokens are the same. A caller that reads each piece before the next lets its tokens die young: a
 * 2,000-line file's tokens at once outlived the young generation and stayed as garbage (issue 6).
 */
export function* lexExportsPieces(text: string): Generator<ExportsTokens, void> {
  for (let start = 0; start < text.length; ) {
    const end = logicalLineEnd(text, start + PIECE_CHARS);
    const piece = lexExports(start === 0 && end === text.length ? text : text.slice(start, end));
    if (start > 0) for (const t of piece.tokens) t.startOffset += start;
    if (start > 0) for (const t of piece.comments) t.startOffset += start;
    yield piece;
    start = end;
  }
}

/** Just after the first line break at or after `from` that ends a line (not a continuation); else the end. */
export function logicalLineEnd(text: string, from: number): number {
  for (let i = text.indexOf('\n', from); i >= 0; i = text.indexOf('\n', i + 1))
    if (text.charCodeAt(i - 1) !== BACKSLASH) return i + 1;
  return text.length;
}
