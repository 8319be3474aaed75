import type { KconfigEntry, KconfigValueKind } from './ast';
import { sharedSymbolNames } from './symbol-names';
import type { SymbolNames } from './symbol-names';
import { classifyValue } from './values';

/**
 * The lines of a `.config` that set a symbol, kept as numbers: a 10,000-line file held as one object per
 * line, span and value cost about 4.8 MB and 63,000 objects, and the server keeps dozens of files (issue 6).
 * Each line is six integers (offsets, the symbol's number, how its value reads) in one typed array; the
 * objects of `ast.ts` are built when asked for (a hover, a finding, a quick fix), from the text, by the
 * same functions as before, so they say exactly what the parser read.
 */

// The integers of one entry.
const START = 0; // the line's start
const END = 1; // the line's end, before its line break
const NAME_END = 2; // where `CONFIG_X` ends: the `=`, or the space after the name of `is not set`
const CODE = 3; // what the line sets (CODES), with TRAILING when text follows the value
const SYMBOL = 4; // the symbol's number in `names`
const PREVIOUS = 5; // the entry that set the same symbol before, -1 for none
const STRIDE = 6;

/** What a line sets: `# … is not set`, then the value kinds of an assignment. */
const NOT_SET = 0;
const CODES: readonly (KconfigValueKind | 'not-set')[] = [
  'not-set',
  'tristate', // y
  'tristate', // m
  'tristate', // n
  'number',
  'hex',
  'string',
  'empty',
  'invalid',
];
const TRISTATE_CODES: Readonly<Record<string, number>> = { y: 1, m: 2, n: 3 };
const KIND_CODES: Readonly<Record<string, number>> = { number: 4, hex: 5, string: 6, empty: 7, invalid: 8 };
const TRAILING = 16;
const KIND_MASK = 15;

/** How a symbol's line reads to the model: its tristate letter, another value, or no value conf can read. */
export type EntryState = 'y' | 'm' | 'n' | 'value' | 'invalid';
const STATES: readonly EntryState[] = ['n', 'y', 'm', 'n', 'value', 'value', 'value', 'invalid', 'invalid'];

const Y = 121;
const M = 109;
const N = 110;

/** The code of the value `text[at, end)`: a lone y, m or n directly, anything else as `classifyValue` reads it. */
function valueCode(text: string, at: number, end: number): number {
  if (end - at === 1) {
    const c = text.charCodeAt(at);
    if (c === Y || c === M || c === N) return c === Y ? 1 : c === M ? 2 : 3;
  }
  const v = classifyValue(text, at, end);
  const kind = v.kind === 'tristate' && v.tristate ? TRISTATE_CODES[v.tristate] : KIND_CODES[v.kind];
  return v.trailing ? kind | TRAILING : kind;
}

/**
 * Working arrays, reused from one file to the next (a parse runs start to end without yielding): only the
 * arrays a file keeps are allocated per file. `last` is all zeros between uses.
 */
interface Workspace {
  data: Int32Array<ArrayBuffer>;
  last: Int32Array<ArrayBuffer>;
  firsts: Int32Array<ArrayBuffer>;
}

const shared: Workspace = {
  data: new Int32Array(STRIDE * 1024),
  last: new Int32Array(1024),
  firsts: new Int32Array(1024),
};
let sharedInUse = false;

/** Collects the entries of one file, in order. */
export class KconfigEntriesBuilder {
  private readonly names = sharedSymbolNames();
  private readonly work: Workspace;
  private readonly ownsShared: boolean;
  private data: Int32Array<ArrayBuffer>;
  /** Per symbol number: the last entry that sets it, plus one (0: none yet). */
  private last: Int32Array<ArrayBuffer>;
  /** The entries that set a symbol first, in order: the order of the symbols. */
  private firsts: Int32Array<ArrayBuffer>;
  private count = 0;
  private symbolCount = 0;
  /** The symbol of the previous entry (-1 before the first), from which the next name is guessed. */
  private previous = -1;

  constructor(private readonly text: string) {
    this.ownsShared = !sharedInUse;
    sharedInUse = true;
    this.work = this.ownsShared
      ? shared
      : { data: new Int32Array(STRIDE * 1024), last: new Int32Array(1024), firsts: new Int32Array(1024) };
    this.data = this.work.data;
    this.last = this.work.last;
    this.firsts = this.work.firsts;
  }

  /** `CONFIG_X=value` on `[start, end)`, the `=` at `eq`. */
  assignment(start: number, eq: number, end: number): void {
    this.add(start, end, start + 'CONFIG_'.length, eq, valueCode(this.text, eq + 1, end));
  }

  /** `# CONFIG_X is not set` on `[start, end)`, the name ending at `nameEnd`. */
  notSet(start: number, nameEnd: number, end: number): void {
    this.add(start, end, start + '# CONFIG_'.length, nameEnd, NOT_SET);
  }

  private add(start: number, end: number, nameStart: number, nameEnd: number, code: number): void {
    const symbol = this.names.internAfter(this.text, nameStart, nameEnd, this.previous);
    this.previous = symbol;
    if (symbol >= this.last.length) this.last = grown(this.last, symbol + 1);
    const at = this.count * STRIDE;
    if (at + STRIDE > this.data.length) this.data = grown(this.data, at + STRIDE);
    const d = this.data;
    d[at + START] = start;
    d[at + END] = end;
    d[at + NAME_END] = nameEnd;
    d[at + CODE] = code;
    d[at + SYMBOL] = symbol;
    d[at + PREVIOUS] = this.last[symbol] - 1;
    if (this.last[symbol] === 0) {
      if (this.symbolCount === this.firsts.length) this.firsts = grown(this.firsts, this.symbolCount + 1);
      this.firsts[this.symbolCount++] = this.count;
    }
    this.last[symbol] = ++this.count;
  }

  /** The entries, in arrays cut to size; the working arrays go back, `last` zeroed. */
  finish(): KconfigEntries {
    const entries = new KconfigEntries(
      this.text,
      this.names,
      this.data.slice(0, this.count * STRIDE),
      this.last.slice(0, this.names.size),
      this.firsts.slice(0, this.symbolCount),
    );
    for (let i = 0; i < this.symbolCount; i++) this.last[this.data[this.firsts[i] * STRIDE + SYMBOL]] = 0;
    Object.assign(this.work, { data: this.data, last: this.last, firsts: this.firsts });
    if (this.ownsShared) sharedInUse = false;
    return entries;
  }
}

function grown(a: Int32Array<ArrayBuffer>, atLeast: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(Math.max(atLeast, a.length * 2));
  b.set(a);
  return b;
}

/** The lines that set symbols, in order, and the symbols they set. */
export class KconfigEntries implements Iterable<KconfigEntry> {
  constructor(
    private readonly text: string,
    private readonly names: SymbolNames,
    private readonly data: Int32Array,
    /** Per symbol number: the last entry that sets it, plus one (0: none). */
    private readonly last: Int32Array,
    /** The first entry of each symbol, in order. */
    private readonly firsts: Int32Array,
  ) {}

  /** How many lines set a symbol. */
  get length(): number {
    return this.data.length / STRIDE;
  }

  /** The symbol (without `CONFIG_`) that entry `i` sets. */
  name(i: number): string {
    return this.names.name(this.data[i * STRIDE + SYMBOL]);
  }

  /** Whether entry `i` is `CONFIG_X=value` (else `# CONFIG_X is not set`). */
  isAssignment(i: number): boolean {
    return this.data[i * STRIDE + CODE] !== NOT_SET;
  }

  /** Whether entry `i` is an assignment of a value conf reads (not empty, not invalid) with nothing after it. */
  isPlainValue(i: number): boolean {
    const code = this.data[i * STRIDE + CODE];
    const kind = CODES[code & KIND_MASK];
    return code !== NOT_SET && (code & TRAILING) === 0 && kind !== 'empty' && kind !== 'invalid';
  }

  /** How entry `i` reads to the model. */
  state(i: number): EntryState {
    return STATES[this.data[i * STRIDE + CODE] & KIND_MASK];
  }

  /** Entry `i` as a tree node (a new object on each call). */
  at(i: number): KconfigEntry {
    const d = this.data;
    const at = i * STRIDE;
    const start = d[at + START];
    const end = d[at + END];
    const nameEnd = d[at + NAME_END];
    const name = this.names.name(d[at + SYMBOL]);
    if (d[at + CODE] === NOT_SET) {
      return { kind: 'not-set', name, nameSpan: { start: start + 2, end: nameEnd }, line: { start, end } };
    }
    return {
      kind: 'assignment',
      name,
      nameSpan: { start, end: nameEnd },
      line: { start, end },
      value: classifyValue(this.text, nameEnd + 1, end),
    };
  }

  /** The index of the entry whose line holds `offset` (its end included), -1 for none. */
  indexAt(offset: number): number {
    let lo = 0;
    let hi = this.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.data[mid * STRIDE + START] <= offset) lo = mid + 1;
      else hi = mid - 1;
    }
    return hi >= 0 && offset <= this.data[hi * STRIDE + END] ? hi : -1;
  }

  /** The entries whose symbol passes `test`, as tree nodes. */
  select(test: (name: string) => boolean): KconfigEntry[] {
    const out: KconfigEntry[] = [];
    for (let i = 0; i < this.length; i++) if (test(this.name(i))) out.push(this.at(i));
    return out;
  }

  /** Every entry as a tree node. */
  toArray(): KconfigEntry[] {
    return this.select(() => true);
  }

  *[Symbol.iterator](): IterableIterator<KconfigEntry> {
    for (let i = 0; i < this.length; i++) yield this.at(i);
  }

  // --- The symbols -------------------------------------------------------------------------------

  /** How many symbols the file sets. */
  get symbolCount(): number {
    return this.firsts.length;
  }

  /** The last entry that sets a symbol (the one conf keeps), -1 for none. */
  lastIndexOf(name: string): number {
    const symbol = this.names.idOf(name);
    return symbol < 0 || symbol >= this.last.length ? -1 : this.last[symbol] - 1;
  }

  /** The entries that set a symbol, in order (empty for none). */
  indicesOf(name: string): number[] {
    const out: number[] = [];
    for (let i = this.lastIndexOf(name); i >= 0; i = this.data[i * STRIDE + PREVIOUS]) out.push(i);
    return out.reverse();
  }

  /** How many entries set a symbol. */
  countOf(name: string): number {
    let n = 0;
    for (let i = this.lastIndexOf(name); i >= 0; i = this.data[i * STRIDE + PREVIOUS]) n++;
    return n;
  }

  /** The symbols set on more than one line, in the order of their first line. */
  *repeatedNames(): IterableIterator<string> {
    for (const first of this.firsts) {
      const symbol = this.data[first * STRIDE + SYMBOL];
      if (this.last[symbol] - 1 !== first) yield this.names.name(symbol);
    }
  }

  /** The symbols, in the order of their first line. */
  *symbolNames(): IterableIterator<string> {
    for (const first of this.firsts) yield this.name(first);
  }
}
