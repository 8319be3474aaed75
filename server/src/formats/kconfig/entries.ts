import type { KconfigEntry, KconfigValueKind } from './ast';
import { sharedSymbolNames } from './symbol-names';
import type { SymbolNames } from './symbol-names';
import { classifyValue } from './values';

/**
 * The lines of a `.config` that set a symbol, kept as numbers: a 10,000-line file held as one object per
 * line, span and value cost about 4.8 MB and 63,000 objects, and the server keeps dozens of files (issue 6).
 * Each line is two integers (where it starts; the symbol's number and how its value reads) in one typed array; the
 * objects of `ast.ts` are built when asked for (a hover, a finding, a quick fix), from the text, by the
 * same functions as before, so they say exactly what the parser read.
 */

// The integers of one entry: where its line starts, and what it sets (its CODE, with TRAILING when text
// follows the value) with the symbol's number above SYMBOL_SHIFT. The rest (where the line and the name
// end, the other lines of the symbol) is found again from the text when asked for.
const START = 0;
const WHAT = 1;
const STRIDE = 2;
const SYMBOL_SHIFT = 5;
const CODE_MASK = (1 << SYMBOL_SHIFT) - 1;

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
}

const shared: Workspace = { data: new Int32Array(STRIDE * 1024), last: new Int32Array(1024) };
let sharedInUse = false;

/** Collects the entries of one file, in order. */
export class KconfigEntriesBuilder {
  private readonly names = sharedSymbolNames();
  private readonly work: Workspace;
  private readonly ownsShared: boolean;
  private data: Int32Array<ArrayBuffer>;
  /** Per symbol number: the last entry that sets it, plus one (0: none yet). */
  private last: Int32Array<ArrayBuffer>;
  private count = 0;
  /** The symbols set on more than one line (rare: conf writes each once). */
  private readonly repeated = new Set<number>();
  private symbolCount = 0;
  /** The symbol of the previous entry (-1 before the first), from which the next name is guessed. */
  private previous = -1;

  constructor(private readonly text: string) {
    this.ownsShared = !sharedInUse;
    sharedInUse = true;
    this.work = this.ownsShared
      ? shared
      : { data: new Int32Array(STRIDE * 1024), last: new Int32Array(1024) };
    this.data = this.work.data;
    this.last = this.work.last;
  }

  /** `CONFIG_X=value` on `[start, end)`, the `=` at `eq`. */
  assignment(start: number, eq: number, end: number): void {
    this.add(start, start + 'CONFIG_'.length, eq, valueCode(this.text, eq + 1, end));
  }

  /** `# CONFIG_X is not set` from `start`, the name ending at `nameEnd`. */
  notSet(start: number, nameEnd: number): void {
    this.add(start, start + '# CONFIG_'.length, nameEnd, NOT_SET);
  }

  private add(start: number, nameStart: number, nameEnd: number, code: number): void {
    const symbol = this.names.internAfter(this.text, nameStart, nameEnd, this.previous);
    this.previous = symbol;
    if (symbol >= this.last.length) this.last = grown(this.last, symbol + 1);
    const at = this.count * STRIDE;
    if (at + STRIDE > this.data.length) this.data = grown(this.data, at + STRIDE);
    this.data[at + START] = start;
    this.data[at + WHAT] = code | (symbol << SYMBOL_SHIFT);
    if (this.last[symbol] === 0) this.symbolCount++;
    else this.repeated.add(symbol);
    this.last[symbol] = ++this.count;
  }

  /** The entries, in arrays cut to size; the working arrays go back, `last` zeroed. */
  finish(): KconfigEntries {
    const data = this.data.slice(0, this.count * STRIDE);
    const entries = new KconfigEntries(
      this.text,
      this.names,
      data,
      lastCut(this.last, this.names.size, this.count),
      this.symbolCount,
      this.repeated.size > 0 ? this.repeated : NONE,
    );
    for (let i = 0; i < this.count; i++) this.last[data[i * STRIDE + WHAT] >>> SYMBOL_SHIFT] = 0;
    Object.assign(this.work, { data: this.data, last: this.last });
    if (this.ownsShared) sharedInUse = false;
    return entries;
  }
}

/**
 * `last` cut to the symbols known so far, in 16 bits when every entry number fits (a `.config` has some
 * 10,000 lines, and the table is as long as the names of every file read: 22 KB a file saved, issue 6).
 */
function lastCut(last: Int32Array, size: number, count: number): Int32Array | Uint16Array {
  return count < 0xffff ? Uint16Array.from(last.subarray(0, size)) : last.slice(0, size);
}

function grown(a: Int32Array<ArrayBuffer>, atLeast: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(Math.max(atLeast, a.length * 2));
  b.set(a);
  return b;
}

/** Where the line that starts at `start` ends, before its line break (and a carriage return before it). */
function lineEnd(text: string, start: number): number {
  const nl = text.indexOf('\n', start);
  const end = nl < 0 ? text.length : nl;
  return text.charCodeAt(end - 1) === 13 ? end - 1 : end;
}

const NONE: ReadonlySet<number> = new Set();

/** The lines that set symbols, in order, and the symbols they set. */
export class KconfigEntries implements Iterable<KconfigEntry> {
  constructor(
    private readonly text: string,
    private readonly names: SymbolNames,
    private readonly data: Int32Array,
    /** Per symbol number: the last entry that sets it, plus one (0: none). */
    private readonly last: Int32Array | Uint16Array,
    /** How many symbols the file sets. */
    readonly symbolCount: number,
    /** The symbols set on more than one line. */
    private readonly repeated: ReadonlySet<number>,
  ) {}

  /** How many lines set a symbol. */
  get length(): number {
    return this.data.length / STRIDE;
  }

  private code(i: number): number {
    return this.data[i * STRIDE + WHAT] & CODE_MASK;
  }

  private symbol(i: number): number {
    return this.data[i * STRIDE + WHAT] >>> SYMBOL_SHIFT;
  }

  /** The symbol (without `CONFIG_`) that entry `i` sets. */
  name(i: number): string {
    return this.names.name(this.symbol(i));
  }

  /** Whether entry `i` is `CONFIG_X=value` (else `# CONFIG_X is not set`). */
  isAssignment(i: number): boolean {
    return this.code(i) !== NOT_SET;
  }

  /** Whether entry `i` is an assignment of a value conf reads (not empty, not invalid) with nothing after it. */
  isPlainValue(i: number): boolean {
    const code = this.code(i);
    const kind = CODES[code & KIND_MASK];
    return code !== NOT_SET && (code & TRAILING) === 0 && kind !== 'empty' && kind !== 'invalid';
  }

  /** How entry `i` reads to the model. */
  state(i: number): EntryState {
    return STATES[this.code(i) & KIND_MASK];
  }

  /**
   * Entry `i` as a tree node (a new object on each call). The line's and the name's ends are found as the
   * parser found them: the line break, the `=` (an assignment) or the space after the name (`is not set`).
   */
  at(i: number): KconfigEntry {
    const text = this.text;
    const start = this.data[i * STRIDE + START];
    const end = lineEnd(text, start);
    const name = this.name(i);
    if (this.code(i) === NOT_SET) {
      const nameEnd = text.indexOf(' ', start + 2);
      return { kind: 'not-set', name, nameSpan: { start: start + 2, end: nameEnd }, line: { start, end } };
    }
    const eq = text.indexOf('=', start);
    return {
      kind: 'assignment',
      name,
      nameSpan: { start, end: eq },
      line: { start, end },
      value: classifyValue(text, eq + 1, end),
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
    return hi >= 0 && offset <= lineEnd(this.text, this.data[hi * STRIDE + START]) ? hi : -1;
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

  private lastOf(symbol: number): number {
    return symbol < 0 || symbol >= this.last.length ? -1 : this.last[symbol] - 1;
  }

  /** The last entry that sets a symbol (the one conf keeps), -1 for none. */
  lastIndexOf(name: string): number {
    return this.lastOf(this.names.idOf(name));
  }

  /** The entries that set a symbol, in order (empty for none). */
  indicesOf(name: string): number[] {
    const symbol = this.names.idOf(name);
    const last = this.lastOf(symbol);
    if (!this.repeated.has(symbol)) return last < 0 ? [] : [last];
    const out: number[] = [];
    for (let i = 0; i <= last; i++) if (this.symbol(i) === symbol) out.push(i);
    return out;
  }

  /** How many entries set a symbol. */
  countOf(name: string): number {
    return this.indicesOf(name).length;
  }

  /** The first entry of each symbol, in order. */
  private *firsts(): IterableIterator<number> {
    const seen = new Uint8Array(this.last.length);
    for (let i = 0; i < this.length; i++) {
      const symbol = this.symbol(i);
      if (seen[symbol] === 0) {
        seen[symbol] = 1;
        yield i;
      }
    }
  }

  /** The symbols set on more than one line, in the order of their first line. */
  *repeatedNames(): IterableIterator<string> {
    if (this.repeated.size === 0) return;
    for (const first of this.firsts()) if (this.lastOf(this.symbol(first)) !== first) yield this.name(first);
  }

  /** The symbols, in the order of their first line. */
  *symbolNames(): IterableIterator<string> {
    for (const first of this.firsts()) yield this.name(first);
  }
}
