import { Lexer } from 'chevrotain';
import type { Span } from '../../core/text';
import { GRUB2_TOKENS, LBrace, Newline, RBrace, Semi, scanWord, Word } from './tokens';
import { decodeWord, PlainWord } from './word';
import type { Word as DecodedWord } from './word';

/** The Chevrotain lexer of the tokens, built on first need: `lexGrub2` is that lexer written out. */
let lexer: Lexer | undefined;

/** What a token is to the grammar (parser.y's terminals). */
export type Grub2TokenKind = 'word' | 'newline' | 'semi' | 'lbrace' | 'rbrace' | 'operator' | 'eof';

/** A token with its decoded word, if it is one. */
export interface Grub2Token {
  readonly kind: Grub2TokenKind;
  readonly image: string;
  /** Where the token starts (its span's start: the end is `start + image.length`). */
  readonly start: number;
  readonly span: Span;
  readonly word: DecodedWord | undefined;
}

/**
 * A token: a word's span is its word's; any other token's is made when read (the parser asks only for
 * blocks' braces, keywords and issues), which a grub.cfg's line breaks alone made by the hundred (issue 6).
 */
class Token implements Grub2Token {
  constructor(
    readonly kind: Grub2TokenKind,
    readonly image: string,
    readonly start: number,
    readonly word: DecodedWord | undefined,
  ) {}

  get span(): Span {
    return this.word?.span ?? { start: this.start, end: this.start + this.image.length };
  }
}

/** The tokens of a grub.cfg, its comments, and what the lexer could not read. */
export interface Grub2Tokens {
  readonly tokens: readonly Grub2Token[];
  readonly comments: readonly Span[];
  readonly errors: readonly { readonly span: Span; readonly message: string }[];
}

function kindOf(name: string): Grub2TokenKind {
  if (name === Word.name) return 'word';
  if (name === Newline.name) return 'newline';
  if (name === Semi.name) return 'semi';
  if (name === LBrace.name) return 'lbrace';
  if (name === RBrace.name) return 'rbrace';
  return 'operator';
}

/**
 * Lexes a grub.cfg; never throws. The last token is always `eof`. This is the Chevrotain lexer of
 * `GRUB2_TOKENS` written out: the first token type in that order that matches, which the first character
 * decides (a blank run, a comment, a line break, the operators and braces, else a word, `matchWord`); every
 * character starts one of them, so it reports no errors. Building and running that lexer cost more than the
 * rest of reading a small grub.cfg (issue 6); `lexGrub2ByChevrotain` is the reference (lexer.test.ts).
 */
export function lexGrub2(text: string): Grub2Tokens {
  const tokens: Grub2Token[] = [];
  const comments: Span[] = [];
  let at = 0;
  while (at < text.length) {
    const c = text.charCodeAt(at);
    const start = at;
    if (c === 0x20 || c === 0x09 || c === 0x0d) {
      while (++at < text.length && isBlank(text.charCodeAt(at))) continue;
    } else if (c === 0x23) {
      const nl = text.indexOf('\n', at);
      at = nl < 0 ? text.length : nl;
      comments.push({ start, end: at });
    } else {
      const row = c < 0x80 ? KINDS[c] : undefined;
      let kind: Grub2TokenKind;
      // Whether a word has no quote, escape or `$` (then `decodeWord` would make it a PlainWord).
      let plain = false;
      if (row === undefined) {
        kind = 'word';
        // A word takes at least the character at `at`, which no other token starts with.
        const scanned = scanWord(text, at);
        plain = scanned >= 0;
        at = plain ? scanned : -scanned - 1;
      } else if (row[1] === c && text.charCodeAt(at + 1) === c) {
        kind = 'operator';
        at += 2;
      } else {
        kind = row[0];
        at++;
      }
      const image = text.slice(start, at);
      const word =
        kind !== 'word'
          ? undefined
          : plain
            ? new PlainWord(image, { start, end: at })
            : decodeWord(image, start, at >= text.length);
      tokens.push(new Token(kind, image, start, word));
    }
  }
  tokens.push(new Token('eof', '', text.length, undefined));
  return { tokens, comments, errors: [] };
}

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d;
}

/**
 * The kind of the token each other character starts, and the character that doubles it into an operator
 * (`||`, `&&`, `;;`).
 */
const KINDS: readonly (readonly [Grub2TokenKind, number | undefined] | undefined)[] = kindTable([
  [0x0a, 'newline', undefined],
  [0x7c, 'operator', 0x7c],
  [0x26, 'operator', 0x26],
  [0x3b, 'semi', 0x3b],
  [0x3c, 'operator', undefined],
  [0x3e, 'operator', undefined],
  [0x7b, 'lbrace', undefined],
  [0x7d, 'rbrace', undefined],
]);

function kindTable(
  rows: readonly [number, Grub2TokenKind, number | undefined][],
): (readonly [Grub2TokenKind, number | undefined] | undefined)[] {
  const table = new Array<readonly [Grub2TokenKind, number | undefined] | undefined>(0x80).fill(undefined);
  for (const [code, kind, doubled] of rows) table[code] = [kind, doubled];
  return table;
}

/** The same, by the Chevrotain lexer of `GRUB2_TOKENS` (the reference of `lexGrub2`). */
export function lexGrub2ByChevrotain(text: string): Grub2Tokens {
  const chevrotain = (lexer ??= new Lexer(GRUB2_TOKENS, {
    positionTracking: 'onlyOffset',
    ensureOptimizations: true,
  }));
  const result = chevrotain.tokenize(text);
  const tokens: Grub2Token[] = result.tokens.map((t) => {
    const kind = kindOf(t.tokenType.name);
    const end = t.startOffset + t.image.length;
    const word = kind === 'word' ? decodeWord(t.image, t.startOffset, end >= text.length) : undefined;
    return new Token(kind, t.image, t.startOffset, word);
  });
  tokens.push(new Token('eof', '', text.length, undefined));
  const comments = (result.groups['comments'] ?? []).map((t) => ({
    start: t.startOffset,
    end: t.startOffset + t.image.length,
  }));
  const errors = result.errors.map((e) => ({
    span: { start: e.offset, end: e.offset + Math.max(1, e.length) },
    message: `GRUB cannot read this character (${JSON.stringify(text.slice(e.offset, e.offset + e.length))})`,
  }));
  return { tokens, comments, errors };
}
