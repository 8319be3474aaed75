import type { Span } from '../../core/text';
import type { AddressValue, OptionRef, Word } from './ast';

/**
 * Spans that move with their top-level statement. A dhcpd.conf's tree has over half a million spans (a
 * 20,000-host file); an edit moves every statement after it (reparse.ts), and shifting each span object
 * in place cost ~25 ms per edit, plus a walk of every moved statement to find its spans on its first move.
 * Instead each span made while a top-level statement is read counts from that statement's `Anchor`: moving
 * the statement is one addition to its anchor, however many spans it holds.
 *
 * The anchor in force is module state, set by the statement reader around each top-level statement
 * (`readAnchored`): the token helpers (`tokenSpan`, `wordOf`) have no parse state to carry it, and a parse
 * is synchronous, so no other parse can interleave. The quick reader (quick-reader.ts) gives the statements
 * of one of its pieces one anchor: a reparse re-reads and moves whole pieces.
 */

/**
 * Where a top-level statement's spans count from; `base` moves when the statement moves. `source` is the
 * text the statement is in, from which its words are read when asked for (lazy-statement.ts): a reparse
 * sets it to the new text for every statement it keeps.
 */
export class Anchor {
  base = 0;

  constructor(public source: string) {}
}

/** A span counted from an anchor: reads like any `Span` (and serialises as `{ start, end }`). */
export class AnchoredSpan implements Span {
  constructor(
    readonly anchor: Anchor,
    protected readonly from: number,
    protected readonly to: number,
  ) {}

  get start(): number {
    return this.anchor.base + this.from;
  }

  get end(): number {
    return this.anchor.base + this.to;
  }

  toJSON(): object {
    return { start: this.start, end: this.end };
  }
}

/** A span that is also a value's place: `span` is made when asked for, from the same anchor. */
class Placed extends AnchoredSpan {
  get span(): Span {
    return new AnchoredSpan(this.anchor, this.from, this.to);
  }
}

/**
 * A word that holds its own offsets: a 20,000-host file has ~360,000 words, and one object each instead of
 * two (a word and its span) is 11 MB less to keep and for the garbage collector to move. Its `span` is made
 * when asked for, from the same anchor, so it moves with the statement like the word. Serialises as a plain
 * `Word`.
 */
export class AnchoredWord extends Placed implements Word {
  constructor(
    anchor: Anchor,
    from: number,
    to: number,
    readonly text: string,
    readonly kind: Word['kind'],
  ) {
    super(anchor, from, to);
  }

  override toJSON(): object {
    return { text: this.text, span: { start: this.start, end: this.end }, kind: this.kind };
  }
}

/**
 * An option as named (`OptionRef`) that holds its own offsets: one object instead of two for each of a
 * large file's option statements. Serialises as a plain `OptionRef`.
 */
class AnchoredOptionRef extends Placed implements OptionRef {
  constructor(
    anchor: Anchor,
    from: number,
    to: number,
    readonly space: string,
    readonly name: string,
  ) {
    super(anchor, from, to);
  }

  override toJSON(): object {
    return { space: this.space, name: this.name, span: { start: this.start, end: this.end } };
  }
}

/** An address as written (`AddressValue`) that holds its own offsets, like `AnchoredOptionRef`. */
class AnchoredAddress extends Placed implements AddressValue {
  constructor(
    anchor: Anchor,
    from: number,
    to: number,
    readonly text: string,
    readonly value: number | undefined,
  ) {
    super(anchor, from, to);
  }

  override toJSON(): object {
    return { text: this.text, span: { start: this.start, end: this.end }, value: this.value };
  }
}

/** An option reference at these offsets (counted from the anchor in force, like `spanAt`). */
export function optionRefAt(space: string, name: string, start: number, end: number): OptionRef {
  return optionRefIn(current ?? FIXED, space, name, start, end);
}

/** An option reference at these offsets, counted from `anchor`. */
export function optionRefIn(
  anchor: Anchor,
  space: string,
  name: string,
  start: number,
  end: number,
): OptionRef {
  return new AnchoredOptionRef(anchor, start - anchor.base, end - anchor.base, space, name);
}

/** An address as written at these offsets (counted from the anchor in force, like `spanAt`). */
export function addressAt(text: string, value: number | undefined, start: number, end: number): AddressValue {
  return addressIn(current ?? FIXED, text, value, start, end);
}

/** An address as written at these offsets, counted from `anchor`. */
export function addressIn(
  anchor: Anchor,
  text: string,
  value: number | undefined,
  start: number,
  end: number,
): AddressValue {
  return new AnchoredAddress(anchor, start - anchor.base, end - anchor.base, text, value);
}

/** The anchor of words made outside a top-level statement: it never moves (nor reads its text). */
const FIXED = new Anchor('');

let current: Anchor | undefined;

/** A span at these offsets: counted from the anchor in force, if a top-level statement is being read. */
export function spanAt(start: number, end: number): Span {
  const anchor = current;
  return anchor ? new AnchoredSpan(anchor, start - anchor.base, end - anchor.base) : { start, end };
}

/** A word at these offsets, counted from the anchor in force like `spanAt`'s spans. */
export function wordAt(text: string, kind: Word['kind'], start: number, end: number): Word {
  const anchor = current ?? FIXED;
  return new AnchoredWord(anchor, start - anchor.base, end - anchor.base, text, kind);
}

/** The anchor in force, if a top-level statement is being read. */
export function currentAnchor(): Anchor | undefined {
  return current;
}

/**
 * Runs `read` with a new anchor in force (the spans it makes move together), for a statement in `source`;
 * returns the anchor.
 */
export function readAnchored(source: string, read: () => void): Anchor {
  const outer = current;
  const anchor = new Anchor(source);
  current = anchor;
  try {
    read();
  } finally {
    current = outer;
  }
  return anchor;
}

/** The anchor a statement's span counts from (undefined for a span made outside `readAnchored`). */
export function anchorOf(span: Span): Anchor | undefined {
  return span instanceof AnchoredSpan ? span.anchor : undefined;
}
