import type { IToken } from 'chevrotain';
import type { Span } from '../../core/text';
import type { DhcpIssue } from './ast';
import { tokenEnd, tokenSpan } from './lexer';
import { spanAt } from './anchored-span';
import { LBrace, RBrace, Semicolon } from './tokens';

/**
 * The block structure of a dhcpd.conf: statements end at `;`, declarations carry a `{ … }` body. A raw
 * statement is the head's tokens plus its end; the statement layer reads the head. Recovery follows dhcpd
 * (common/parse.c `skip_to_semi`): a broken statement ends at the next `;` or brace-balanced body.
 */

/** One statement before interpretation. */
export interface RawStatement {
  readonly head: readonly IToken[];
  /** The `;` that ends it, if any. */
  readonly semicolon?: IToken;
  /** For a declaration: its braces and body. `close` is missing when the file ends first. */
  readonly open?: IToken;
  readonly close?: IToken;
  readonly body?: readonly RawStatement[];
  /** The token where `;` or `{` was expected (a `}` or the end of the file), when the statement has neither. */
  readonly unterminatedAt?: Span;
}

/** Blocks nested deeper than this are not analysed (dhcpd itself has no limit; real files nest 4 or 5). */
const MAX_DEPTH = 200;

class StructureReader {
  private i = 0;

  constructor(
    private readonly tokens: readonly IToken[],
    private readonly textLength: number,
    private readonly issues: DhcpIssue[],
  ) {}

  /** Reads statements until the `}` closing `open` (consumed) or the end of the file. */
  readBlock(open: IToken | undefined, depth: number): { body: RawStatement[]; close?: IToken } {
    const body: RawStatement[] = [];
    while (this.i < this.tokens.length) {
      const t = this.tokens[this.i];
      if (t.tokenType === RBrace) {
        this.i++;
        if (open) return { body, close: t };
        this.strayRun(t, "unexpected '}': no declaration is open here (dhcpd: expecting a declaration)");
        continue;
      }
      if (t.tokenType === Semicolon) {
        this.i++;
        this.strayRun(t, "a ';' with no statement before it (dhcpd: expecting a parameter or declaration)");
        continue;
      }
      body.push(this.readStatement(depth));
    }
    if (open) {
      const end = { start: this.textLength, end: this.textLength };
      const last = this.tokens[this.tokens.length - 1];
      this.issue(last ? tokenSpan(last) : end, "a '{' is never closed: '}' missing at the end of the file");
    }
    return { body };
  }

  private readStatement(depth: number): RawStatement {
    // The head is a run of tokens, cut out once its end is known: an exact copy, where an array grown by push
    // keeps room for 16 (a large file has 140,000 heads).
    const tokens = this.tokens;
    const start = this.i;
    while (this.i < tokens.length) {
      const t = tokens[this.i];
      if (t.tokenType === Semicolon) {
        const head = tokens.slice(start, this.i++);
        return { head, semicolon: t };
      }
      if (t.tokenType === RBrace) return { head: tokens.slice(start, this.i), unterminatedAt: tokenSpan(t) };
      if (t.tokenType === LBrace) {
        if (isRecordType(tokens, start, this.i)) {
          this.readRecordType(start);
          continue;
        }
        const head = tokens.slice(start, this.i++);
        if (depth >= MAX_DEPTH) {
          this.issue(tokenSpan(t), `declarations nested more than ${MAX_DEPTH} deep are not analysed`);
          this.skipBalanced();
          return { head, open: t, body: [] };
        }
        const { body, close } = this.readBlock(t, depth + 1);
        return { head, open: t, close, body };
      }
      this.i++;
    }
    const head = tokens.slice(start, this.i);
    const last = head[head.length - 1];
    return { head, unterminatedAt: { start: tokenSpan(last).end, end: tokenSpan(last).end } };
  }

  /** `option NAME code N = { type, … }`: the braces belong to the head (which started at `start`). */
  private readRecordType(start: number): void {
    while (this.i < this.tokens.length) {
      const t = this.tokens[this.i];
      const previous = this.i > start ? this.tokens[this.i - 1] : undefined;
      if (t.tokenType === Semicolon || (t.tokenType === LBrace && previous?.tokenType === LBrace)) return;
      this.i++;
      if (t.tokenType === RBrace) return;
    }
  }

  /**
   * One issue for a stray token and the run of the same token right after it (`}}}}` at the top level is
   * one mistake to the reader, and a megabyte of them must not become a million diagnostics).
   */
  private strayRun(first: IToken, message: string): void {
    let last = first;
    while (this.tokens[this.i]?.tokenType === first.tokenType) last = this.tokens[this.i++];
    this.issue({ start: tokenSpan(first).start, end: tokenSpan(last).end }, message);
  }

  private skipBalanced(): void {
    let depth = 1;
    while (this.i < this.tokens.length && depth > 0) {
      const t = this.tokens[this.i++];
      if (t.tokenType === LBrace) depth++;
      else if (t.tokenType === RBrace) depth--;
    }
  }

  private issue(span: Span, message: string): void {
    this.issues.push({ span, message, kind: 'syntax' });
  }
}

/** Whether the head so far, `tokens[start, end)`, reads `option NAME code N =` (optionally `array of`). */
function isRecordType(tokens: readonly IToken[], start: number, end: number): boolean {
  if (end - start < 5 || tokens[start].image.toLowerCase() !== 'option') return false;
  const last = tokens[end - 1].image.toLowerCase();
  return tokens[start + 2].image.toLowerCase() === 'code' && (last === '=' || last === 'of');
}

/** Splits tokens into raw statements; never throws. Structural problems go to `issues`. */
export function readStructure(
  tokens: readonly IToken[],
  textLength: number,
  issues: DhcpIssue[],
): RawStatement[] {
  return new StructureReader(tokens, textLength, issues).readBlock(undefined, 0).body;
}

/** From a statement's first token to its `;` or closing `}` (or as far as it goes). */
export function statementSpan(raw: RawStatement): Span {
  return spanAt(statementStart(raw), statementEnd(raw));
}

/** Where a statement starts: its first token. */
export function statementStart(raw: RawStatement): number {
  // A statement may have no head words at all (a stray `{ … }` or `;`): fall back on its other tokens.
  const first = raw.head[0] ?? raw.open ?? raw.semicolon ?? raw.close;
  if (first) return first.startOffset;
  const body = raw.body;
  return body && body.length > 0 ? statementStart(body[0]) : 0;
}

/** Where a statement ends: its `;` or closing `}`, or as far as it goes. */
export function statementEnd(raw: RawStatement): number {
  const endToken = raw.close ?? raw.semicolon;
  if (endToken) return tokenEnd(endToken);
  const body = raw.body;
  if (body && body.length > 0) return statementEnd(body[body.length - 1]);
  if (raw.open) return tokenEnd(raw.open);
  const last = raw.head[raw.head.length - 1];
  return last ? tokenEnd(last) : statementStart(raw);
}
