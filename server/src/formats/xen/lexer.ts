import type { IToken, TokenType } from 'chevrotain';
import { pushToken } from '../hand-tokens';
import { stringEnd } from './string-literal';
import {
  Backslash,
  CarriageReturn,
  Colon,
  Comma,
  Comment,
  Equals,
  EqualsEquals,
  Identifier,
  LBracket,
  LParen,
  Newline,
  NumberLiteral,
  OtherChar,
  PlusEquals,
  RBracket,
  RParen,
  Semicolon,
  StringLiteral,
} from './tokens';

/** The tokens of a Xen config and its comments. Every character lexes (OtherChar catches the rest). */
export interface XenTokens {
  readonly tokens: readonly IToken[];
  readonly comments: readonly IToken[];
  /** Carriage returns outside comments and strings. */
  readonly carriageReturns: readonly IToken[];
}

/**
 * Lexes a Xen domain config; never throws. This is the Chevrotain lexer of `XEN_TOKENS` written out: the
 * first token type in that order that matches, which the first character decides, and the same token objects
 * (offsets only, as `positionTracking: 'onlyOffset'` makes them). Building that lexer and running it cold
 * cost more than the rest of parsing 2,000 small domain configs (issue 6); lexer.test.ts compares the two.
 */
export function lexXenConfig(text: string): XenTokens {
  const out: Lexed = { tokens: [], comments: [], carriageReturns: [] };
  let at = 0;
  while (at < text.length) at = lexOne(text, at, out);
  return out;
}

interface Lexed {
  readonly tokens: IToken[];
  readonly comments: IToken[];
  readonly carriageReturns: IToken[];
}

/** Token types of one fixed character, indexed by its code (an array: a Map lookup per token cost more). */
const SINGLE: readonly (TokenType | undefined)[] = singleCharTypes([
  [0x0a, Newline],
  [0x3b, Semicolon],
  [0x2c, Comma],
  [0x5b, LBracket],
  [0x5d, RBracket],
  [0x28, LParen],
  [0x29, RParen],
  [0x3a, Colon],
  [0x5c, Backslash],
]);

function singleCharTypes(pairs: readonly [number, TokenType][]): (TokenType | undefined)[] {
  const table: (TokenType | undefined)[] = new Array<TokenType | undefined>(0x80).fill(undefined);
  for (const [code, type] of pairs) table[code] = type;
  return table;
}

/** Reads the token at `at` into `out`; returns where the next one starts. */
function lexOne(text: string, at: number, out: Lexed): number {
  const c = text.charCodeAt(at);
  if (isBlank(c)) return skipBlanks(text, at);
  if (c === 0x0d) return add(out.carriageReturns, CarriageReturn, '\r', at);
  if (c === 0x23) return add(out.comments, Comment, text.slice(at, lineEnd(text, at)), at);
  const single = c < 0x80 ? SINGLE[c] : undefined;
  if (single) return add(out.tokens, single, text[at], at);
  const next = text.charCodeAt(at + 1);
  if (c === 0x2b) return next === 0x3d ? add(out.tokens, PlusEquals, '+=', at) : other(text, at, out);
  if (c === 0x3d)
    return next === 0x3d ? add(out.tokens, EqualsEquals, '==', at) : add(out.tokens, Equals, '=', at);
  if (isQuote(c)) return add(out.tokens, StringLiteral, stringAt(text, at), at);
  if (isDigit(c)) return add(out.tokens, NumberLiteral, wordAt(text, at), at);
  if (isLetter(c) || c === 0x5f) return add(out.tokens, Identifier, wordAt(text, at), at);
  return other(text, at, out);
}

const add = pushToken;

/** Any other single UTF-16 code unit. */
function other(text: string, at: number, out: Lexed): number {
  return add(out.tokens, OtherChar, text[at], at);
}

/** WhiteSpace: `[ \t\f\v]+`, skipped. */
function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0c || c === 0x0b;
}

function skipBlanks(text: string, at: number): number {
  let end = at + 1;
  while (end < text.length && isBlank(text.charCodeAt(end))) end++;
  return end;
}

/** Comment: `#[^\n]*`. */
function lineEnd(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  return nl < 0 ? text.length : nl;
}

/** The quotes StringLiteral starts with: ' " ‘ ’ “ ”. */
function isQuote(c: number): boolean {
  return c === 0x27 || c === 0x22 || c === 0x2018 || c === 0x2019 || c === 0x201c || c === 0x201d;
}

function stringAt(text: string, at: number): string {
  // stringEnd takes every quote isQuote admits.
  return text.slice(at, stringEnd(text, at));
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** NumberLiteral `[0-9][0-9A-Za-z_.]*` and Identifier `[A-Za-z_][A-Za-z0-9_.]*` go on with the same characters. */
function wordAt(text: string, at: number): string {
  let end = at + 1;
  for (; end < text.length; end++) {
    const c = text.charCodeAt(end);
    if (!(isDigit(c) || isLetter(c) || c === 0x5f || c === 0x2e)) break;
  }
  return text.slice(at, end);
}
