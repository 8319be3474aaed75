import type { IToken } from 'chevrotain';
import type { DhcpStatement } from './ast';
import { addressIn, Anchor, AnchoredWord, optionRefIn } from './anchored-span';
import { handlerOf } from './declarations';
import { CANONICAL_MAC, HARDWARE_TYPES, parameter } from './handlers';
import type { ParseState } from './head-reader';
import { ATOM, HeadTable, LazyStatement, STRING } from './lazy-statement';
import { closedStringEnd, isAtomChar, isWhiteSpace } from './lexer';
import type { DhcpOptionTable, OptionLookup } from './option-table';
import { SERVER_PARAMETERS } from './options';
import type { DhcpOptionSpec } from './options';
import { notePiece } from './parse-memo';
import type { ParseMemo } from './parse-memo';
import { PIECE_CHARS } from './pieces';
import { Atom, StringLiteral } from './tokens';
import { checkAddressToken, fitsOneItem, readValues } from './value-format';
import { parseIpv4 } from '../../core/ipv4';

/**
 * The quick reader: the top-level statements most of a large dhcpd.conf is made of, read straight from the
 * text into the tree. A site's file is mostly `host NAME { hardware ethernet MAC; fixed-address A;
 * filename "F"; option NAME VALUE; … }` blocks, and reading each through tokens, raw statements, a head
 * reader and a handler made a dozen objects per statement that died at once (a fifth of the parse was the
 * garbage collector). This reader reads such a statement's tokens as integers, checks it exactly as the
 * handlers would (the same value checks, `readValues`), and makes only what the tree keeps: the lazy
 * statements (lazy-statement.ts) and the fields their handlers would give them.
 *
 * It reads only statements that are well formed: a host whose body holds parameters, options, one
 * `hardware` and one `fixed-address`, each of at most a few words, or such a parameter or option on its own.
 * At anything else (a subnet, a comma, an expression, a broken statement, an unknown name) it stops before
 * that statement and the full reader (statements.ts) reads on from there, so every issue, suggestion and
 * odd statement is the full reader's. The trees are the same either way (quick-reader.test.ts reads files
 * both ways).
 */

/** The kinds of statement read here, besides a host. */
const PARAMETER = 0;
const OPTION = 1;
const HARDWARE = 2;
const FIXED_ADDRESS = 3;

/** Option names remembered at most (a file of many declared names must not grow the map for ever). */
const MAX_LOOKUPS = 1000;

/** A head longer than this (keyword and words) is left to the full reader. */
const MAX_HEAD = 4;

const LBRACE = 0x7b;
const RBRACE = 0x7d;
const SEMICOLON = 0x3b;
const HASH = 0x23;
const QUOTE = 0x22;
const PUNCT = 2;

/**
 * Reads quick statements from `from` (between top-level statements) for about a piece's length, as one piece
 * of the parse (its end noted in `memo`); returns where it stopped: `from` if the first statement there is
 * not one it reads.
 */
export function readQuickPiece(
  text: string,
  from: number,
  to: number,
  state: ParseState,
  statements: DhcpStatement[],
  comments: { start: number; end: number }[],
  memo: ParseMemo,
): number {
  const reader = (scratch ??= new QuickReader());
  reader.begin(text, to, state);
  let heads: HeadTable | undefined;
  let at = from;
  while (at < to && at - from < PIECE_CHARS) {
    if (!reader.read(at)) break;
    heads ??= new HeadTable();
    reader.commit(heads, statements, comments);
    at = reader.at;
  }
  if (!heads) return from;
  heads.seal();
  notePiece(memo, at, statements.length, false);
  return at;
}

/** One reader for every parse (a parse is synchronous): its scratch arrays are reused. */
let scratch: QuickReader | undefined;

/** A value token for `readValues`, rewritten for each value read. */
function scratchToken(): IToken {
  return { image: '', startOffset: 0, tokenTypeIdx: Atom.tokenTypeIdx as number, tokenType: Atom };
}

class QuickReader {
  text = '';
  end = 0;
  state: ParseState | undefined;
  /** Where reading is. */
  at = 0;
  /** The last token read: where it is, its kind (lazy-statement.ts ATOM, STRING, or PUNCT) and character. */
  private from = 0;
  private to = 0;
  private kind = 0;
  private punct = 0;
  /** The head tokens of the statement read, (from, to, kind) each: a host's first, then its body's. */
  private tokens: Int32Array = new Int32Array(3 * 64);
  private tokenCount = 0;
  /** The statements of the body (or the one statement): first token, token count, kind, end. */
  private parts: Int32Array = new Int32Array(4 * 16);
  private partCount = 0;
  /** Per part: the parameter's name, the option as looked up, the MAC or the address as written. */
  private extras: (string | OptionLookup)[] = [];
  /** Per fixed address: its value. */
  private values: (number | undefined)[] = [];
  /** The comments passed, (start, end) each. */
  private comments: Int32Array = new Int32Array(2 * 16);
  private commentCount = 0;
  /** Whether the statement read is a host, and where its braces are. */
  private host = false;
  private open = 0;
  private close = 0;
  private readonly valueTokens = [scratchToken(), scratchToken(), scratchToken()];
  private readonly valueLists: IToken[][] = [[], [], [], []];
  /** Keywords as written and the server parameter each starts (null: none), for `parameterSpec`. */
  private readonly parameters = new Map<string, DhcpOptionSpec | null>();
  /** Option names looked up, while the table has `lookupStamp` declarations (`lookUp`). */
  private readonly lookups = new Map<string, OptionLookup>();
  private lookupStamp = -1;
  private lookupTable: DhcpOptionTable | undefined = undefined;

  begin(text: string, end: number, state: ParseState): void {
    this.text = text;
    this.end = end;
    this.state = state;
  }

  /** Reads the top-level statement at `at` if it is one read here (nothing is made yet: see `commit`). */
  read(at: number): boolean {
    this.at = at;
    this.tokenCount = 0;
    this.partCount = 0;
    this.commentCount = 0;
    this.host = false;
    if (!this.next() || this.kind !== ATOM) return false;
    if (this.isWord('host')) return this.readHost();
    return this.readPart(false);
  }

  /** Makes the statement read, adds it and the comments before and in it. */
  commit(heads: HeadTable, statements: DhcpStatement[], comments: { start: number; end: number }[]): void {
    for (let i = 0; i < this.commentCount; i++)
      comments.push({ start: this.comments[2 * i], end: this.comments[2 * i + 1] });
    const anchor = new Anchor(this.text);
    if (!this.host) {
      statements.push(this.made(0, anchor, heads));
      return;
    }
    const body = new Array<DhcpStatement>(this.partCount);
    for (let i = 0; i < this.partCount; i++) body[i] = this.made(i, anchor, heads);
    const closeEnd = this.close + 1;
    const at = heads.addOffsets(this.tokens, 0, 2, closeEnd, this.open, closeEnd);
    const host = new LazyStatement('host', body, anchor, heads, at);
    const from = this.tokens[3];
    const to = this.tokens[4];
    host.name = new AnchoredWord(anchor, from, to, this.slice(1), 'atom');
    statements.push(host);
  }

  /** `host NAME { … }` with a body of quick statements, at most one hardware and one fixed address. */
  private readHost(): boolean {
    this.host = true;
    this.push();
    if (!this.next() || this.kind !== ATOM) return false;
    this.push();
    if (!this.next() || !this.isPunct(LBRACE)) return false;
    this.open = this.from;
    let hardware = 0;
    let fixed = 0;
    for (;;) {
      if (!this.next()) return false;
      if (this.isPunct(RBRACE)) break;
      if (this.kind !== ATOM || !this.readPart(true)) return false;
      const kind = this.parts[4 * (this.partCount - 1) + 2];
      if (kind === HARDWARE) hardware++;
      else if (kind === FIXED_ADDRESS) fixed++;
      // A second one is a syntax error (statements.ts `reportSeconds`): the full reader reports it.
      if (hardware > 1 || fixed > 1) return false;
    }
    this.close = this.from;
    return true;
  }

  /** A statement of a few words ending in `;`, its keyword just read, if it is one read here. */
  private readPart(inHost: boolean): boolean {
    const first = this.tokenCount;
    this.push();
    for (;;) {
      if (!this.next()) return false;
      if (this.isPunct(SEMICOLON)) break;
      if (this.kind === PUNCT || this.tokenCount - first >= MAX_HEAD) return false;
      this.push();
    }
    const count = this.tokenCount - first;
    const kind = this.partKind(first, count, inHost);
    if (kind < 0) return false;
    if (this.partCount * 4 >= this.parts.length) this.parts = grown(this.parts);
    const k = 4 * this.partCount++;
    this.parts[k] = first;
    this.parts[k + 1] = count;
    this.parts[k + 2] = kind;
    this.parts[k + 3] = this.to;
    return true;
  }

  /** What the statement of tokens `first` on is, if the handler of its keyword would read it cleanly; else -1. */
  private partKind(first: number, count: number, inHost: boolean): number {
    const i = this.partCount;
    if (this.tokenIs(first, 'option')) {
      const found = this.option(first, count);
      if (!found) return -1;
      this.extras[i] = found;
      return OPTION;
    }
    if (this.tokenIs(first, 'hardware')) {
      if (!inHost || !this.isHardware(first, count)) return -1;
      this.extras[i] = this.slice(first + 2);
      return HARDWARE;
    }
    if (this.tokenIs(first, 'fixed-address')) {
      // `hardware` and `fixed-address` stand only in a host (handlers.ts `contexts`).
      if (!inHost || count !== 2 || this.tokens[3 * (first + 1) + 2] !== ATOM) return -1;
      const text = this.slice(first + 1);
      const value = parseIpv4(text);
      // A dotted quad is an address (`checkAddressToken`'s first test); else it checks the host name.
      if (value === undefined && checkAddressToken(this.valueToken(0, first + 1)) !== undefined) return -1;
      this.extras[i] = text;
      this.values[i] = value;
      return FIXED_ADDRESS;
    }
    const spec = this.parameterSpec(this.slice(first));
    if (!spec || !this.valuesFit(spec.format, first + 1, count - 1)) return -1;
    // The table's name, the same text as the keyword in lower case: one string for every statement.
    this.extras[i] = spec.name;
    return PARAMETER;
  }

  /**
   * The server parameter a keyword as written starts, if the keyword is one (handlers.ts `parameter`);
   * remembered by spelling (a large file writes the same few keywords tens of thousands of times).
   */
  private parameterSpec(written: string): DhcpOptionSpec | undefined {
    let spec = this.parameters.get(written);
    if (spec === undefined) {
      const keyword = written.toLowerCase();
      spec = (handlerOf(keyword) === parameter && SERVER_PARAMETERS.get(keyword)) || null;
      if (this.parameters.size < MAX_LOOKUPS) this.parameters.set(written, spec);
    }
    return spec ?? undefined;
  }

  /** `option NAME VALUE…` naming a known option whose values fit it (option-statement.ts `readSetting`). */
  private option(first: number, count: number): OptionLookup | undefined {
    if (count < 2 || this.tokens[3 * (first + 1) + 2] !== ATOM) return undefined;
    // `option space …` and `option NAME code …` declare: the full reader keeps the state they change.
    if (this.tokenIs(first + 1, 'space')) return undefined;
    if (count > 2 && this.tokens[3 * (first + 2) + 2] === ATOM && this.tokenIs(first + 2, 'code'))
      return undefined;
    const found = this.lookUp(this.slice(first + 1));
    if (!found?.spaceKnown || !found.option) return undefined;
    return this.valuesFit(found.option.format, first + 2, count - 2) ? found : undefined;
  }

  /**
   * An option name looked up in the file's table, remembered while the table is unchanged (a large file
   * names the same few options tens of thousands of times).
   */
  private lookUp(written: string): OptionLookup | undefined {
    const state = this.state;
    if (!state) return undefined;
    const stamp = state.declaredOptions.length + state.declaredSpaces.length;
    if (stamp !== this.lookupStamp || state.table !== this.lookupTable) {
      this.lookups.clear();
      this.lookupStamp = stamp;
      this.lookupTable = state.table;
    }
    let found = this.lookups.get(written);
    if (!found) {
      found = state.table.resolve(written);
      if (this.lookups.size < MAX_LOOKUPS) this.lookups.set(written, found);
    }
    return found;
  }

  /** `hardware TYPE MAC` with a MAC already in normal form (handlers.ts `hardware`). */
  private isHardware(first: number, count: number): boolean {
    if (count !== 3 || this.tokens[3 * (first + 1) + 2] !== ATOM || this.tokens[3 * (first + 2) + 2] !== ATOM)
      return false;
    if (!HARDWARE_TYPES.includes(this.slice(first + 1).toLowerCase())) return false;
    return CANONICAL_MAC.test(this.slice(first + 2));
  }

  /** Whether `count` tokens from `first` are values of `format`, all read, no problem (`readValues`). */
  private valuesFit(format: string, first: number, count: number): boolean {
    const state = this.state;
    if (!state) return false;
    if (count === 1) {
      const one = fitsOneItem(format, this.valueToken(0, first), state.enums);
      if (one !== undefined) return one;
    }
    const list = this.valueLists[count];
    for (let k = 0; k < count; k++) list[k] = this.valueToken(k, first + k);
    const read = readValues(format, list, state.enums, 0);
    return read.problem === undefined && read.consumed === count;
  }

  /** Scratch token `k` rewritten as head token `i`. */
  private valueToken(k: number, i: number): IToken {
    const t = this.valueTokens[k];
    const type = this.tokens[3 * i + 2] === STRING ? StringLiteral : Atom;
    t.image = this.slice(i);
    t.startOffset = this.tokens[3 * i];
    t.tokenType = type;
    t.tokenTypeIdx = type.tokenTypeIdx as number;
    return t;
  }

  /** The statement of part `i`, with the fields its handler gives it (handlers.ts, made-statement.ts). */
  private made(i: number, anchor: Anchor, heads: HeadTable): DhcpStatement {
    const k = 4 * i;
    const first = this.parts[k];
    const end = this.parts[k + 3];
    const at = heads.addOffsets(this.tokens, first, this.parts[k + 1], end, -1, end);
    const extra = this.extras[i];
    switch (this.parts[k + 2]) {
      case PARAMETER: {
        const s = new LazyStatement('parameter', undefined, anchor, heads, at);
        s.parameter = extra as string;
        s.valuesFrom(1);
        return s;
      }
      case OPTION: {
        const found = (extra as OptionLookup).option;
        const t = 3 * (first + 1);
        const s = new LazyStatement('option', undefined, anchor, heads, at);
        s.option = optionRefIn(
          anchor,
          found?.space ?? '',
          found?.name ?? '',
          this.tokens[t],
          this.tokens[t + 1],
        );
        s.valuesFrom(2);
        return s;
      }
      case HARDWARE: {
        const s = new LazyStatement('hardware', undefined, anchor, heads, at);
        s.hardwareFromHead(extra as string);
        return s;
      }
      default: {
        const t = 3 * (first + 1);
        const s = new LazyStatement('fixed-address', undefined, anchor, heads, at);
        s.addresses = [
          addressIn(anchor, extra as string, this.values[i], this.tokens[t], this.tokens[t + 1]),
        ];
        return s;
      }
    }
  }

  /** The text of head token `i`. */
  private slice(i: number): string {
    return this.text.slice(this.tokens[3 * i], this.tokens[3 * i + 1]);
  }

  /** Whether the last token is the atom `word` (lower case), in any case. */
  private isWord(word: string): boolean {
    return this.spells(this.from, this.to, word);
  }

  /** Whether head token `i` is `word` (lower case), in any case. */
  private tokenIs(i: number, word: string): boolean {
    return this.spells(this.tokens[3 * i], this.tokens[3 * i + 1], word);
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
  private isPunct(c: number): boolean {
    return this.punct === c;
  }

  /** Keeps the last token as a head token. */
  private push(): void {
    if (3 * this.tokenCount >= this.tokens.length) this.tokens = grown(this.tokens);
    const k = 3 * this.tokenCount++;
    this.tokens[k] = this.from;
    this.tokens[k + 1] = this.to;
    this.tokens[k + 2] = this.kind;
  }

  /**
   * Reads the next token as the lexer would (lexer.ts `lexDhcpRange`), passing white space and comments;
   * false at the end, at a string never closed, and at punctuation other than braces and `;`.
   */
  private next(): boolean {
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

function grown(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
