import type { Span } from '../../core/text';

/**
 * Spans that move with their top-level statement. A dhcpd.conf's tree has over half a million spans (a
 * 20,000-host file); an edit moves every statement after it (reparse.ts), and shifting each span object
 * in place cost ~25 ms per edit, plus a walk of every moved statement to find its spans on its first move.
 * Instead each span made while a top-level statement is read counts from that statement's `Anchor`: moving
 * the statement is one addition to its anchor, however many spans it holds.
 *
 * The anchor in force is module state, set by the statement reader around each top-level statement
 * (`readAnchored`): the token helpers (`tokenSpan`, `wordOf`) have no parse state to carry it, and a parse
 * is synchronous, so no other parse can interleave.
 */

/** Where a top-level statement's spans count from; `base` moves when the statement moves. */
export class Anchor {
  base = 0;
}

/** A span counted from an anchor: reads like any `Span` (and serialises as `{ start, end }`). */
export class AnchoredSpan implements Span {
  constructor(
    readonly anchor: Anchor,
    private readonly from: number,
    private readonly to: number,
  ) {}

  get start(): number {
    return this.anchor.base + this.from;
  }

  get end(): number {
    return this.anchor.base + this.to;
  }

  toJSON(): Span {
    return { start: this.start, end: this.end };
  }
}

let current: Anchor | undefined;

/** A span at these offsets: counted from the anchor in force, if a top-level statement is being read. */
export function spanAt(start: number, end: number): Span {
  const anchor = current;
  return anchor ? new AnchoredSpan(anchor, start - anchor.base, end - anchor.base) : { start, end };
}

/** Runs `read` with a new anchor in force (the spans it makes move together); returns the anchor. */
export function readAnchored(read: () => void): Anchor {
  const outer = current;
  const anchor = new Anchor();
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
