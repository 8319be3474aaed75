import { ATOM, STRING } from './lazy-statement';
import { closedStringEnd, isAtomChar, isWhiteSpace } from './lexer';

/**
 * The tokens of the quick reader (quick-reader.ts), read from the text as the lexer reads them (lexer.ts
 * `lexDhcpRange`) but kept as integers: for each head token its offsets and kind (lazy-statement.ts `ATOM`,
 * `STRING`, or `PUNCT`), in one array reused for every statement; comments passed are noted the same way.
 */

/** The kind of a brace or `;`, the only punctuation the quick reader reads. */
export const PUNCT = 2;

export const LBRACE = 0x7b;
export const RBRACE = 0x7d;
export const SEMICOLON = 0x3b;
const HASH = 0x23;
const QUOTE = 0x22;

export class QuickScanner {
  text = '';
  end = 0;
  /** Where reading is. */
  at = 0;
  /** The last token read: where it is, its kind and, for punctuation, its character. */
  protected from = 0;
  protected to = 0;
  protected kind = 0;
  private punct = 0;
  /** The head tokens kept, (from, to, kind) each. */
  tokens: Int32Array = new Int32Array(3 * 64);
  protected tokenCount = 0;
  /** The comments passed, (start, end) each. */
  protected comments: Int32Array = new Int32Array(2 * 16);
  protected commentCount = 0;

  /** Starts reading `text` at `at`, up to `end`, with no token kept and no comment passed. */
  protected restart(at: number): void {
    this.at = at;
    this.tokenCount = 0;
    this.commentCount = 0;
  }

  /** Adds the comments passed to `into`, in order. */
  protected addComments(into: { start: number; end: number }[]): void {
    for (let i = 0; i < this.commentCount; i++)
      into.push({ start: this.comments[2 * i], end: this.comments[2 * i + 1] });
  }

  /** The text of head token `i`. */
  slice(i: number): string {
    return this.text.slice(this.tokens[3 * i], this.tokens[3 * i + 1]);
  }

  /** Where head token `i` starts, ends, and its kind. */
  tokenFrom(i: number): number {
    return this.tokens[3 * i];
  }

  tokenTo(i: number): number {
    return this.tokens[3 * i + 1];
  }

  protected kindOf(i: number): number {
    return this.tokens[3 * i + 2];
  }

  /** Whether the last token is the atom `word` (lower case), in any case. */
  protected isWord(word: string): boolean {
    return this.kind === ATOM && this.spells(this.from, this.to, word);
  }

  /** Whether head token `i` is the atom `word` (lower case), in any case. */
  protected tokenIs(i: number, word: string): boolean {
    return this.kindOf(i) === ATOM && this.spells(this.tokens[3 * i], this.tokens[3 * i + 1], word);
  }

  /** Whether `text[from, to)` is `word` (lower case) in any case, read without a copy. */
  private spells(from: number, to: number, word: string): boolean {
    if (to - from !== word.length) return false;
    for (let i = 0; i < word.length; i++) {
      const c = this.text.charCodeAt(from + i);
      if ((c >= 0x41 && c <= 0x5a ? c + 0x20 : c) !== word.charCodeAt(i)) return false;
    }
    return true;
  }

  /** Whether the last token is the punctuation `c`. */
  protected isPunct(c: number): boolean {
    return this.punct === c;
  }

  /** Whether the last token is an atom. */
  protected isAtom(): boolean {
    return this.kind === ATOM;
  }

  /** Keeps the last token as a head token. */
  protected push(): void {
    if (3 * this.tokenCount >= this.tokens.length) this.tokens = grown(this.tokens);
    const k = 3 * this.tokenCount++;
    this.tokens[k] = this.from;
    this.tokens[k + 1] = this.to;
    this.tokens[k + 2] = this.kind;
  }

  /** Reads the next token and keeps it if it is an atom; whether it was one. */
  protected pushAtom(): boolean {
    if (!this.next() || this.kind !== ATOM) return false;
    this.push();
    return true;
  }

  /**
   * Reads the next token as the lexer would, passing white space and comments; false at the end, at a
   * string never closed, and at punctuation other than braces and `;`.
   */
  protected next(): boolean {
    const text = this.text;
    const end = this.end;
    let at = this.at;
    for (;;) {
      if (at >= end) return false;
      const c = text.charCodeAt(at);
      if (isWhiteSpace(c)) at++;
      else if (c === HASH) at = this.comment(at);
      else break;
    }
    const c = text.charCodeAt(at);
    this.from = at;
    this.punct = 0;
    if (c === QUOTE) {
      const closed = closedStringEnd(text, at, end);
      if (closed < 0) return false;
      this.kind = STRING;
      this.to = closed;
    } else if (isAtomChar(c)) {
      let stop = at + 1;
      while (stop < end && isAtomChar(text.charCodeAt(stop))) stop++;
      this.kind = ATOM;
      this.to = stop;
    } else if (c === LBRACE || c === RBRACE || c === SEMICOLON) {
      this.kind = PUNCT;
      this.punct = c;
      this.to = at + 1;
    } else return false;
    this.at = this.to;
    return true;
  }

  /** Notes the comment at `at`; returns where it ends. */
  private comment(at: number): number {
    const nl = this.text.indexOf('\n', at);
    const stop = nl < 0 || nl > this.end ? this.end : nl;
    if (2 * this.commentCount >= this.comments.length) this.comments = grown(this.comments);
    this.comments[2 * this.commentCount] = at;
    this.comments[2 * this.commentCount + 1] = stop;
    this.commentCount++;
    return stop;
  }
}

/** An array twice as long holding the same integers first. */
export function grown(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
