import type { IToken } from 'chevrotain';
import type { DhcpStatement } from './ast';
import { Anchor } from './anchored-span';
import { handlerOf } from './declarations';
import { CANONICAL_MAC, HARDWARE_TYPES, parameter } from './handlers';
import type { ParseState } from './head-reader';
import { HeadTable, STRING } from './lazy-statement';
import type { DhcpOptionTable, OptionLookup } from './option-table';
import { SERVER_PARAMETERS } from './options';
import type { DhcpOptionSpec } from './options';
import { notePiece } from './parse-memo';
import type { ParseMemo } from './parse-memo';
import { PIECE_CHARS } from './pieces';
import { Atom, StringLiteral } from './tokens';
import { checkAddressToken, fitsOneItem, readValues } from './value-format';
import { parseIpv4 } from '../../core/ipv4';
import { LBRACE, QuickScanner, RBRACE, SEMICOLON, grown, PUNCT } from './quick-scanner';
import {
  COUNT,
  END,
  ENTRY,
  FIRST,
  FIXED_ADDRESS,
  GROUP,
  HARDWARE,
  HOST,
  KIND,
  madeEntry,
  OPEN,
  OPTION,
  PARAMETER,
  RANGE,
  SIZE,
  SUBNET,
} from './quick-maker';
import type { QuickRead } from './quick-maker';

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
 * `hardware` and one `fixed-address`, each of at most a few words; a `group { … }` or a `subnet A netmask M
 * { … }` holding such hosts, parameters, options and (in a subnet) ranges; or a parameter or option alone.
 * At anything else (a pool, a subnet with host bits set, a comma, an expression, a broken statement, an
 * unknown name, a declaration) it stops before that statement and the full reader (statements.ts) reads on
 * from there, so every issue, suggestion and odd statement is the full reader's. The trees are the same
 * either way (quick-reader.test.ts reads files both ways).
 */

/** Option names remembered at most (a file of many declared names must not grow the map for ever). */
const MAX_LOOKUPS = 1000;

/** A head longer than this (keyword and words) is left to the full reader. */
const MAX_HEAD = 4;

/** Where a statement stands: at the top level, in a host, a group or a subnet. */
const IN_ROOT = 0;
const IN_HOST = 1;
const IN_GROUP = 2;
const IN_SUBNET = 3;

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
  let anchor: Anchor | undefined;
  let at = from;
  while (at < to && at - from < PIECE_CHARS) {
    if (!reader.read(at)) break;
    heads ??= new HeadTable();
    // One anchor for the piece's statements: a reparse moves whole pieces (reparse.ts `anchorsOf` takes a
    // run of statements sharing one), and 20,000 hosts need not be 20,000 anchors.
    anchor ??= new Anchor(text);
    reader.commit(heads, anchor, statements, comments);
    at = reader.at;
  }
  // The reader outlives the parse: it must not keep its text and state alive.
  reader.begin('', 0, undefined);
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

class QuickReader extends QuickScanner implements QuickRead {
  state: ParseState | undefined;
  /** The statements read (`quick-maker.ts` ENTRY integers each) and what was looked up for each. */
  entries: Int32Array = new Int32Array(ENTRY * 16);
  private entryCount = 0;
  extras: (string | OptionLookup | undefined)[] = [];
  values: (number | undefined)[] = [];
  private readonly valueTokens = [scratchToken(), scratchToken(), scratchToken()];
  private readonly valueLists: IToken[][] = [[], [], [], []];
  /** Keywords as written and the server parameter each starts (null: none), for `parameterSpec`. */
  private readonly parameters = new Map<string, DhcpOptionSpec | null>();
  /** Option names looked up, while the table has `lookupStamp` declarations (`lookUp`). */
  private readonly lookups = new Map<string, OptionLookup>();
  private lookupStamp = -1;
  private lookupTable: DhcpOptionTable | undefined = undefined;

  begin(text: string, end: number, state: ParseState | undefined): void {
    this.text = text;
    this.end = end;
    this.state = state;
  }

  /** Reads the top-level statement at `at` if it is one read here (nothing is made yet: see `commit`). */
  read(at: number): boolean {
    this.restart(at);
    this.entryCount = 0;
    if (!this.next() || !this.isAtom()) return false;
    if (this.isWord('host')) return this.readHost();
    if (this.isWord('group')) return this.readContainer(GROUP);
    if (this.isWord('subnet')) return this.readContainer(SUBNET);
    return this.readPart(IN_ROOT);
  }

  /** Makes the statement read, adds it and the comments before and in it. */
  commit(
    heads: HeadTable,
    anchor: Anchor,
    statements: DhcpStatement[],
    comments: { start: number; end: number }[],
  ): void {
    this.addComments(comments);
    statements.push(madeEntry(this, 0, anchor, heads));
  }

  /** `host NAME { … }` with a body of quick statements, at most one hardware and one fixed address. */
  private readHost(): boolean {
    const e = this.entry(HOST, 2);
    if (!this.pushAtom() || !this.next() || !this.isPunct(LBRACE)) return false;
    this.entries[ENTRY * e + OPEN] = this.from;
    let hardware = 0;
    let fixed = 0;
    for (;;) {
      if (!this.next()) return false;
      if (this.isPunct(RBRACE)) break;
      if (!this.isAtom() || !this.readPart(IN_HOST)) return false;
      const kind = this.entries[ENTRY * (this.entryCount - 1) + KIND];
      if (kind === HARDWARE) hardware++;
      else if (kind === FIXED_ADDRESS) fixed++;
      // A second one is a syntax error (statements.ts `reportSeconds`): the full reader reports it.
      if (hardware > 1 || fixed > 1) return false;
    }
    return this.close(e);
  }

  /**
   * `group { … }` or `subnet A netmask M { … }` (a network number under its mask, as the subnet handler
   * checks it), holding quick hosts and statements.
   */
  private readContainer(kind: number): boolean {
    const subnet = kind === SUBNET;
    const e = this.entry(kind, subnet ? 4 : 1);
    if (subnet && !this.readSubnetHead()) return false;
    if (!this.next() || !this.isPunct(LBRACE)) return false;
    this.entries[ENTRY * e + OPEN] = this.from;
    for (;;) {
      if (!this.next()) return false;
      if (this.isPunct(RBRACE)) break;
      if (!this.isAtom()) return false;
      const read = this.isWord('host') ? this.readHost() : this.readPart(subnet ? IN_SUBNET : IN_GROUP);
      if (!read) return false;
    }
    return this.close(e);
  }

  /** `A netmask M` after `subnet`, two dotted quads with no host bit of A set under M (handlers.ts `subnet`). */
  private readSubnetHead(): boolean {
    const at = this.tokenCount;
    if (!this.pushAtom() || !this.pushAtom() || !this.pushAtom() || !this.tokenIs(at + 1, 'netmask'))
      return false;
    const network = parseIpv4(this.slice(at));
    const mask = parseIpv4(this.slice(at + 2));
    return network !== undefined && mask !== undefined && (network & mask) >>> 0 === network;
  }

  /** A new entry of `kind` whose head starts with the last token (kept); its other fields are set later. */
  private entry(kind: number, count: number): number {
    const e = this.addEntry(this.tokenCount, count, kind, -1);
    this.push();
    return e;
  }

  /** Adds an entry with no body (a block's `OPEN`, `END` and `SIZE` are set as it is read); returns it. */
  private addEntry(first: number, count: number, kind: number, end: number): number {
    if (ENTRY * (this.entryCount + 1) > this.entries.length) this.entries = grown(this.entries);
    const e = this.entryCount++;
    const k = ENTRY * e;
    this.entries[k + FIRST] = first;
    this.entries[k + COUNT] = count;
    this.entries[k + KIND] = kind;
    this.entries[k + END] = end;
    this.entries[k + OPEN] = -1;
    this.entries[k + SIZE] = 0;
    return e;
  }

  /** Closes block entry `e` at the `}` just read. */
  private close(e: number): boolean {
    this.entries[ENTRY * e + END] = this.to;
    this.entries[ENTRY * e + SIZE] = this.entryCount - e - 1;
    return true;
  }

  /** A statement of a few words ending in `;`, its keyword just read, if it is one read here. */
  private readPart(where: number): boolean {
    const first = this.tokenCount;
    this.push();
    for (;;) {
      if (!this.next()) return false;
      if (this.isPunct(SEMICOLON)) break;
      if (this.kind === PUNCT || this.tokenCount - first >= MAX_HEAD) return false;
      this.push();
    }
    const count = this.tokenCount - first;
    const kind = this.partKind(first, count, where);
    if (kind < 0) return false;
    this.addEntry(first, count, kind, this.to);
    return true;
  }

  /**
   * What the statement of tokens `first` on is, if the handler of its keyword would read it cleanly where
   * it stands; else -1. Its lookups go to `extras` and `values` at the index its entry will have.
   */
  private partKind(first: number, count: number, where: number): number {
    const i = this.entryCount;
    this.extras[i] = undefined;
    if (this.tokenIs(first, 'option')) {
      const found = this.option(first, count);
      if (!found) return -1;
      this.extras[i] = found;
      return OPTION;
    }
    // `hardware` and `fixed-address` stand only in a host, `range` in a subnet (handlers.ts `contexts`).
    if (this.tokenIs(first, 'hardware')) {
      if (where !== IN_HOST || !this.isHardware(first, count)) return -1;
      this.extras[i] = this.slice(first + 2);
      return HARDWARE;
    }
    if (this.tokenIs(first, 'fixed-address')) return where === IN_HOST ? this.fixedAddress(first, count) : -1;
    if (this.tokenIs(first, 'range')) return where === IN_SUBNET && this.isRange(first, count) ? RANGE : -1;
    const spec = this.parameterSpec(this.slice(first));
    if (!spec || !this.valuesFit(spec.format, first + 1, count - 1)) return -1;
    // The table's name, the same text as the keyword in lower case: one string for every statement.
    this.extras[i] = spec.name;
    return PARAMETER;
  }

  /** `fixed-address A` with one address or host name (handlers.ts `fixedAddress`). */
  private fixedAddress(first: number, count: number): number {
    if (count !== 2 || !this.tokenIsAtom(first + 1)) return -1;
    const text = this.slice(first + 1);
    const value = parseIpv4(text);
    // A dotted quad is an address (`checkAddressToken`'s first test); else it checks the host name.
    if (value === undefined && checkAddressToken(this.valueToken(0, first + 1)) !== undefined) return -1;
    this.extras[this.entryCount] = text;
    this.values[this.entryCount] = value;
    return FIXED_ADDRESS;
  }

  /** `range LOW [HIGH]` of dotted quads (handlers.ts `range`; `dynamic-bootp` is left to it). */
  private isRange(first: number, count: number): boolean {
    if (count < 2 || count > 3) return false;
    for (let i = first + 1; i < first + count; i++)
      if (!this.tokenIsAtom(i) || parseIpv4(this.slice(i)) === undefined) return false;
    return true;
  }

  private tokenIsAtom(i: number): boolean {
    return this.kindOf(i) !== STRING && this.kindOf(i) !== PUNCT;
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
    if (count < 2 || !this.tokenIsAtom(first + 1)) return undefined;
    // `option space …` and `option NAME code …` declare: the full reader keeps the state they change.
    if (this.tokenIs(first + 1, 'space')) return undefined;
    if (count > 2 && this.tokenIs(first + 2, 'code')) return undefined;
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
    if (count !== 3 || !this.tokenIsAtom(first + 1) || !this.tokenIsAtom(first + 2)) return false;
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
    const type = this.kindOf(i) === STRING ? StringLiteral : Atom;
    t.image = this.slice(i);
    t.startOffset = this.tokenFrom(i);
    t.tokenType = type;
    t.tokenTypeIdx = type.tokenTypeIdx as number;
    return t;
  }
}
