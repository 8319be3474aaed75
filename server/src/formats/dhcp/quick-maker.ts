import type { DhcpStatement } from './ast';
import { addressIn, AnchoredWord } from './anchored-span';
import type { Anchor } from './anchored-span';
import type { HeadTable } from './lazy-statement';
import { LazyStatement } from './lazy-statement';
import type { OptionLookup } from './option-table';
import { parseIpv4 } from '../../core/ipv4';

/**
 * The statements the quick reader (quick-reader.ts) read, made once a whole top-level statement has read
 * cleanly: each a lazy statement (lazy-statement.ts) with the kind-specific fields its handler would give it
 * (handlers.ts, declarations.ts, option-statement.ts), set in the order `madeStatement`'s `Object.assign`
 * sets them, so that the two readers' statements have the same fields.
 */

/** The kinds of statement the quick reader reads. */
export const PARAMETER = 0;
export const OPTION = 1;
export const HARDWARE = 2;
export const FIXED_ADDRESS = 3;
export const RANGE = 4;
export const HOST = 5;
export const GROUP = 6;
export const SUBNET = 7;

/** An entry per statement read, in reading order, a block's body after it: integers at these places. */
export const FIRST = 0;
export const COUNT = 1;
export const KIND = 2;
/** Where its `;` or closing `}` ends. */
export const END = 3;
/** Where a block's `{` is (-1 for others). */
export const OPEN = 4;
/** How many entries its body holds, its blocks' bodies included. */
export const SIZE = 5;
export const ENTRY = 6;

/** What the reader read: its head tokens and entries, and what it looked up per entry. */
export interface QuickRead {
  readonly text: string;
  readonly entries: Int32Array;
  /** Per entry: the parameter's name, the option looked up, the MAC or a fixed address as written. */
  readonly extras: readonly (string | OptionLookup | undefined)[];
  /** Per fixed address: its value. */
  readonly values: readonly (number | undefined)[];
  slice(i: number): string;
  tokenFrom(i: number): number;
  tokenTo(i: number): number;
  readonly tokens: Int32Array;
}

/** The statement of entry `e` (a block's body made first). */
export function madeEntry(read: QuickRead, e: number, anchor: Anchor, heads: HeadTable): DhcpStatement {
  const k = ENTRY * e;
  const entries = read.entries;
  const kind = entries[k + KIND];
  const first = entries[k + FIRST];
  const end = entries[k + END];
  const open = entries[k + OPEN];
  const body = open < 0 ? undefined : madeBody(read, e, anchor, heads);
  const at = heads.addOffsets(read.tokens, first, entries[k + COUNT], end, open, end);
  switch (kind) {
    case HOST: {
      const s = new LazyStatement('host', body, anchor, heads, at);
      s.name = new AnchoredWord(
        anchor,
        read.tokenFrom(first + 1),
        read.tokenTo(first + 1),
        read.slice(first + 1),
        'atom',
      );
      return s;
    }
    case GROUP:
      return new LazyStatement('group', body, anchor, heads, at);
    case SUBNET: {
      const s = new LazyStatement('subnet', body, anchor, heads, at);
      s.addresses = [address(read, first + 1, anchor), address(read, first + 3, anchor)];
      return s;
    }
    case RANGE: {
      const s = new LazyStatement('range', undefined, anchor, heads, at);
      s.dynamicBootp = false;
      const count = entries[k + COUNT];
      s.addresses =
        count === 3
          ? [address(read, first + 1, anchor), address(read, first + 2, anchor)]
          : [address(read, first + 1, anchor)];
      return s;
    }
    default:
      return madeSimple(read, e, kind, anchor, heads, at);
  }
}

/** A parameter, an option, a hardware or a fixed address. */
function madeSimple(
  read: QuickRead,
  e: number,
  kind: number,
  anchor: Anchor,
  heads: HeadTable,
  at: number,
): DhcpStatement {
  const first = read.entries[ENTRY * e + FIRST];
  const extra = read.extras[e];
  switch (kind) {
    case PARAMETER: {
      const s = new LazyStatement('parameter', undefined, anchor, heads, at);
      s.parameter = extra as string;
      s.valuesFrom(1);
      return s;
    }
    case OPTION: {
      const s = new LazyStatement('option', undefined, anchor, heads, at);
      // The lookup found it (quick-reader.ts `option`): its space and name are the table's.
      const found = (extra as OptionLookup).option;
      if (found) s.optionFromHead(found);
      s.valuesFrom(2);
      return s;
    }
    case HARDWARE: {
      const s = new LazyStatement('hardware', undefined, anchor, heads, at);
      s.hardwareFromHead(extra as string);
      return s;
    }
    default: {
      const s = new LazyStatement('fixed-address', undefined, anchor, heads, at);
      const t = first + 1;
      s.addresses = [addressIn(anchor, extra as string, read.values[e], read.tokenFrom(t), read.tokenTo(t))];
      return s;
    }
  }
}

/** The statements of block entry `e`'s body, in order. */
function madeBody(read: QuickRead, e: number, anchor: Anchor, heads: HeadTable): DhcpStatement[] {
  const entries = read.entries;
  const last = e + entries[ENTRY * e + SIZE];
  let count = 0;
  for (let c = e + 1; c <= last; c += 1 + entries[ENTRY * c + SIZE]) count++;
  const body = new Array<DhcpStatement>(count);
  let i = 0;
  for (let c = e + 1; c <= last; c += 1 + entries[ENTRY * c + SIZE])
    body[i++] = madeEntry(read, c, anchor, heads);
  return body;
}

/** Head token `i`, a dotted quad, as an address. */
function address(read: QuickRead, i: number, anchor: Anchor): ReturnType<typeof addressIn> {
  const text = read.slice(i);
  return addressIn(anchor, text, parseIpv4(text), read.tokenFrom(i), read.tokenTo(i));
}
