import type { IToken } from 'chevrotain';
import type { Span } from '../../core/text';
import type { AddressValue, DeclaredOption, DhcpIssue, DhcpIssueKind, DhcpStatement, Word } from './ast';
import type { RawStatement } from './structure';
import { tokenEnd, tokenSpan } from './lexer';
import { addressAt, wordAt } from './anchored-span';
import type { DhcpOptionTable } from './option-table';
import type { HeadTable } from './lazy-statement';
import { Atom, Comma, StringLiteral } from './tokens';
import { parseIpv4 } from '../../core/ipv4';

/** What the statement layer keeps while it reads one file, in order (dhcpd declares before use). */
export interface ParseState {
  readonly issues: DhcpIssue[];
  readonly table: DhcpOptionTable;
  readonly declaredOptions: DeclaredOption[];
  readonly declaredSpaces: Word[];
  /** Files included so far (`include "FILE";`). */
  readonly includes: Word[];
  /** Class names declared so far (`class "x"`), lower case. */
  readonly classes: Set<string>;
  /** Key names declared so far. */
  readonly keys: Set<string>;
  /** Failover peers: where declared and whether a pool refers to one. */
  readonly peers: Map<string, { span: Span; used: boolean }>;
  readonly enums: ReadonlyMap<string, readonly string[]>;
  /**
   * Whether the statement being read would read without a syntax error with `token` written as `image`
   * (undefined while such a trial reading runs). Spelling fixes use it. One function for the whole parse: it
   * reads the statement in `reading`, which statements.ts sets before reading each head.
   */
  renames?: (token: IToken, image: string) => boolean;
  /** The statement whose head is being read, where it stands and the one before it (for `renames`). */
  reading?: { raw: RawStatement; stack: readonly string[]; previous: DhcpStatement | undefined };
  /** Set in the scratch state of a trial reading. */
  readonly trial?: boolean;
  /** The text being read (the anchors of its top-level statements keep it, anchored-span.ts). */
  readonly source: string;
  /** Where the piece being read keeps its statements' head tokens (lazy-statement.ts), if it keeps them. */
  heads?: HeadTable;
  /** Whether the statements the quick reader reads are read by it (quick-reader.ts; off to test it). */
  readonly quick: boolean;
}

/** Decodes a quoted string's content (`\"`, `\\`, `\n`, `\t`; conflex.c reads the same escapes). */
export function decodeDhcpString(raw: string): { value: string; terminated: boolean } {
  let i = 1;
  while (i < raw.length && raw[i] !== '"') i += raw[i] === '\\' ? 2 : 1;
  const terminated = i === raw.length - 1;
  const body = raw.slice(1, terminated ? -1 : undefined);
  const value = !body.includes('\\')
    ? body
    : body.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c));
  return { value, terminated };
}

/** A token as a `Word`. */
export function wordOf(t: IToken): Word {
  const end = tokenEnd(t);
  if (t.tokenType === StringLiteral)
    return wordAt(decodeDhcpString(t.image).value, 'string', t.startOffset, end);
  return wordAt(t.image, t.tokenType === Atom ? 'atom' : 'punct', t.startOffset, end);
}

/** An address token as an `AddressValue`. */
export function addressOf(t: IToken): AddressValue {
  return addressAt(t.image, parseIpv4(t.image), t.startOffset, tokenEnd(t));
}

/** Markers of values left to make, by the head token they start at (`HeadReader.valuesFrom`). */
const DEFERRED: readonly (readonly Word[])[] = Array.from({ length: 8 }, () => Object.freeze([]));

/** Where the values a marker stands for start, or -1 when `values` are words. */
export function deferredStart(values: readonly Word[]): number {
  return values.length === 0 ? DEFERRED.indexOf(values) : -1;
}

/**
 * A cursor over a statement's head tokens. The first failure is kept: after it the statement is skipped,
 * as dhcpd's `skip_to_semi` does.
 */
export class HeadReader {
  pos = 1;
  failed = false;
  /** Words made so far, by token index: the statement's `words` and its values share them (made on first need). */
  private words: Word[] | undefined = undefined;

  /**
   * `deferValues`: the statement will be a lazy one (lazy-statement.ts), which makes its values from its head
   * when they are read: `valuesFrom` then makes none.
   */
  constructor(
    readonly tokens: readonly IToken[],
    readonly state: ParseState,
    private readonly deferValues = false,
  ) {}

  /** The word of the token at `i` if one was made. */
  madeWord(i: number): Word | undefined {
    return this.words?.[i];
  }

  /** The word of the token at `i` (made once: `words` and `values` share it). */
  wordAt(i: number): Word {
    const words = (this.words ??= []);
    return (words[i] ??= wordOf(this.tokens[i]));
  }

  /** The words of the tokens from `start` to `end` (exclusive), commas left out. */
  wordsBetween(start: number, end: number, skipCommas: boolean): Word[] {
    // Sized up front: an array grown by push keeps spare room, and a 20,000-host file keeps 100,000 of them.
    let count = 0;
    for (let i = start; i < end; i++) if (!skipCommas || this.tokens[i].tokenType !== Comma) count++;
    const out = new Array<Word>(count);
    let k = 0;
    for (let i = start; i < end; i++) {
      if (skipCommas && this.tokens[i].tokenType === Comma) continue;
      out[k++] = this.wordAt(i);
    }
    return out;
  }

  /**
   * A statement's values: the words from `start` to where reading stopped, commas left out. When reading
   * stopped at the end of the head of a lazy statement, a marker of `start` instead (`deferredStart`): the
   * statement makes them when they are read, and a large file's values are not made twice.
   */
  valuesFrom(start: number): readonly Word[] {
    if (this.deferValues && this.pos === this.tokens.length && start < DEFERRED.length)
      return DEFERRED[start];
    return this.wordsBetween(start, this.pos, true);
  }

  /** The keyword. */
  get keyword(): IToken {
    return this.tokens[0];
  }

  /** The token `k` places ahead. */
  peek(k = 0): IToken | undefined {
    return this.tokens[this.pos + k];
  }

  /** Whether the next token is the atom `word` (case-insensitive). */
  isWord(word: string, k = 0): boolean {
    const t = this.peek(k);
    return t?.tokenType === Atom && t.image.toLowerCase() === word;
  }

  /** Takes the next token. */
  next(): IToken | undefined {
    return this.tokens[this.pos++];
  }

  /** Tokens not read yet. */
  rest(): IToken[] {
    return this.tokens.slice(this.pos);
  }

  /** Whether every token was read. */
  atEnd(): boolean {
    return this.pos >= this.tokens.length;
  }

  /** Records the statement's failure at `token` (or at the end of the head when the statement ends early). */
  fail(
    token: IToken | undefined,
    message: string,
    kind: DhcpIssueKind = 'syntax',
    fix?: DhcpIssue['fix'],
  ): void {
    if (this.failed) return;
    this.failed = true;
    this.state.issues.push({ span: token ? tokenSpan(token) : this.endSpan(), message, kind, fix });
  }

  /** Takes the next token if it is the atom `word`, else fails. */
  expectWord(word: string): boolean {
    if (this.isWord(word)) {
      this.pos++;
      return true;
    }
    const t = this.peek();
    this.fail(t, `expected '${word}'${t ? ` but found '${t.image}'` : ''}`);
    return false;
  }

  /** Takes a name (an atom or, where `quotedOk`, a string), else fails saying what was expected. */
  expectName(what: string, quotedOk: boolean): IToken | undefined {
    const t = this.peek();
    if (t?.tokenType === Atom || (quotedOk && t?.tokenType === StringLiteral)) {
      this.pos++;
      return t;
    }
    this.fail(t, `expected ${what}${t ? ` but found '${t.image}'` : ''}`);
    return undefined;
  }

  /** The span just after the last token of the head. */
  endSpan(): Span {
    const last = this.tokens[this.tokens.length - 1];
    const end = tokenSpan(last).end;
    return { start: end, end };
  }
}
