import { Lexer } from 'chevrotain';
import { pushToken } from '../hand-tokens';
import type { IToken, TokenType } from 'chevrotain';
import type { Span } from '../../core/text';
import {
  Atom,
  Comma,
  Compare,
  DHCP_TOKENS,
  Equals,
  LBrace,
  LParen,
  OtherChar,
  RBrace,
  RParen,
  Semicolon,
  StringLiteral,
} from './tokens';
import { spanAt } from './anchored-span';

/** The tokens of a dhcpd.conf and the spans of its comments. Every character lexes. */
export interface DhcpTokens {
  readonly tokens: readonly IToken[];
  readonly comments: readonly Span[];
}

/** The span of a token (counted from the top-level statement being read, anchored-span.ts). */
export function tokenSpan(t: IToken): Span {
  return spanAt(t.startOffset, tokenEnd(t));
}

/** Where a token ends. */
export function tokenEnd(t: IToken): number {
  return t.startOffset + t.image.length;
}

/**
 * What the lexer notes of a range on the way, for the piece reader (pieces.ts): how deep the braces are at
 * its end (a `}` with none open counts for nothing, as the structure reader reads it) and whether a string
 * is left unclosed.
 */
export interface LexedRange extends DhcpTokens {
  readonly depth: number;
  readonly unclosedString: boolean;
}

/** Lexes a dhcpd.conf; never throws. */
export function lexDhcpConf(text: string): DhcpTokens {
  const { tokens, comments } = lexDhcpRange(text, 0, text.length);
  return { tokens, comments };
}

/**
 * Lexes `text[start, end)` as if it were the whole text, with offsets in `text`; never throws. This is the
 * Chevrotain lexer of `DHCP_TOKENS` written out: at each offset the first token type in that order that
 * matches, and the same token objects (offsets only). Reading the range in place spares a copy of each piece
 * and a pass moving its offsets; the lexer was a fifth of reading a 20,000-host file (issue 6).
 * `lexDhcpConfByChevrotain` is the reference it is tested against (lexer.test.ts).
 */
export function lexDhcpRange(text: string, start: number, end: number): LexedRange {
  const tokens: IToken[] = [];
  const comments: Span[] = [];
  let depth = 0;
  let unclosedString = false;
  let at = start;
  while (at < end) {
    const c = text.charCodeAt(at);
    if (isWhiteSpace(c)) {
      at++;
      while (at < end && isWhiteSpace(text.charCodeAt(at))) at++;
    } else if (c === HASH) {
      const nl = text.indexOf('\n', at);
      const stop = nl < 0 || nl > end ? end : nl;
      comments.push({ start: at, end: stop });
      at = stop;
    } else if (c === QUOTE) {
      const closed = closedStringEnd(text, at, end);
      if (closed < 0) unclosedString = true;
      at = add(tokens, StringLiteral, text, at, closed < 0 ? lineEnd(text, at, end) : closed);
    } else if (isAtomChar(c)) {
      let stop = at + 1;
      while (stop < end && isAtomChar(text.charCodeAt(stop))) stop++;
      at = add(tokens, Atom, text, at, stop);
    } else {
      const type = punctuation(text, at, end, c);
      if (type === LBrace) depth++;
      else if (type === RBrace && depth > 0) depth--;
      at = add(tokens, type, text, at, at + (type === Compare ? 2 : 1));
    }
  }
  return { tokens, comments, depth, unclosedString };
}

const HASH = 0x23;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** WhiteSpace: `[ \t\f\v\r\n]`. */
export function isWhiteSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

/** Atom: `[A-Za-z0-9_.:-]`. */
export function isAtomChar(c: number): boolean {
  if (c >= 0x61) return c <= 0x7a;
  if (c >= 0x41) return c <= 0x5a || c === 0x5f;
  return (c >= 0x30 && c <= 0x3a) || c === 0x2d || c === 0x2e;
}

/**
 * Where a string starting at `at` ends after its closing quote (`\` escapes the next character); -1 when it
 * is never closed: it then ends at its line's end (tokens.ts `matchString`, within the range).
 */
export function closedStringEnd(text: string, at: number, end: number): number {
  let i = at + 1;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) i += 2;
    else if (c === QUOTE) return i + 1;
    else i++;
  }
  return -1;
}

function lineEnd(text: string, at: number, end: number): number {
  const eol = text.indexOf('\n', at);
  return eol < 0 || eol > end ? end : eol;
}

/** The one- or two-character token at `at`: braces, `;`, `,`, parentheses, comparisons, `=`, or another. */
function punctuation(text: string, at: number, end: number, c: number): TokenType {
  const type =
    c === 0x7b
      ? LBrace
      : c === 0x7d
        ? RBrace
        : c === 0x3b
          ? Semicolon
          : c === 0x2c
            ? Comma
            : c === 0x28
              ? LParen
              : c === 0x29
                ? RParen
                : undefined;
  if (type) return type;
  const next = at + 1 < end ? text.charCodeAt(at + 1) : -1;
  if ((c === 0x21 && next === 0x3d) || (c === 0x7e && (next === 0x3d || next === 0x7e))) return Compare;
  return c === 0x3d ? Equals : OtherChar;
}

function add(list: IToken[], tokenType: TokenType, text: string, start: number, end: number): number {
  return pushToken(list, tokenType, text.slice(start, end), start);
}

/** The Chevrotain lexer of the tokens, built on first need (the reference of `lexDhcpRange`). */
let lexer: Lexer | undefined;

/** Lexes a dhcpd.conf with the Chevrotain lexer of `DHCP_TOKENS`. */
export function lexDhcpConfByChevrotain(text: string): DhcpTokens {
  const chevrotain = (lexer ??= new Lexer(DHCP_TOKENS, {
    positionTracking: 'onlyOffset',
    ensureOptimizations: true,
  }));
  const result = chevrotain.tokenize(text);
  return { tokens: result.tokens, comments: (result.groups['comments'] ?? []).map(commentSpan) };
}

/** A comment's span: comments are kept apart from the tree and moved by copy (reparse.ts). */
function commentSpan(t: IToken): Span {
  return { start: t.startOffset, end: tokenEnd(t) };
}
