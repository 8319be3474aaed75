import type { Span } from '../../core/text';

/**
 * Where the characters of a composed text (a kernel command line) come from in a file. A command line
 * is often assembled: xl joins `root=` and `extra`, xm synthesised `ip=…` and `nfsroot=…` from separate
 * keys. Each segment maps a range of the composed text either exactly (a string's characters) or to a
 * whole span (a synthesised piece, which points back at the key it came from).
 */
export interface SourceSegment {
  /** Start of the segment in the composed text. */
  readonly from: number;
  /** End (exclusive) of the segment in the composed text. */
  readonly to: number;
  /** Where the segment's text stands in the file when it is not copied character by character. */
  readonly span: Span;
  /** For copied text: the file offset of each character of the segment, less `base`. */
  readonly offsets?: readonly number[];
  /** Added to each of `offsets` (0 when they are file offsets already). */
  readonly base?: number;
  /** For text copied where it stands whole: the file offset of its first character (the others follow). */
  readonly first?: number;
}

/** Maps ranges of a composed text back to file spans. */
export class SourceMap {
  constructor(private readonly segments: readonly SourceSegment[]) {}

  /** The file span of the composed range `[from, to)`. */
  locate(from: number, to: number): Span {
    const seg = this.segments.find((s) => from >= s.from && from < s.to) ?? this.nearest(from);
    if (!seg) return { start: 0, end: 0 };
    if (seg.first !== undefined && seg.to > seg.from) return locateInRun(seg, seg.first, from, to);
    if (!seg.offsets || seg.offsets.length === 0) return seg.span;
    // A range at or past the segment's end (an empty value at the end of the line) sits just after its last character.
    const last = seg.offsets.length - 1;
    const base = seg.base ?? 0;
    const startIndex = from - seg.from;
    if (startIndex > last) {
      const after = base + seg.offsets[last] + 1;
      return { start: after, end: after };
    }
    const a = base + seg.offsets[startIndex];
    const endIndex = Math.min(to, seg.to) - 1 - seg.from;
    const b = endIndex >= startIndex && endIndex <= last ? base + seg.offsets[endIndex] + 1 : a;
    return { start: a, end: Math.max(a, b) };
  }

  private nearest(from: number): SourceSegment | undefined {
    let best: SourceSegment | undefined;
    for (const s of this.segments) if (s.from <= from) best = s;
    return best ?? this.segments[0];
  }
}

/** A source map made when it is first asked (most command lines are never asked where a character stands). */
export class LazySourceMap extends SourceMap {
  private made: SourceMap | undefined;

  constructor(private readonly make: () => SourceMap) {
    super([]);
  }

  override locate(from: number, to: number): Span {
    return (this.made ??= this.make()).locate(from, to);
  }
}

/** `locate` in a segment copied whole from `first`: the same answer as with its offsets written out. */
function locateInRun(seg: SourceSegment, first: number, from: number, to: number): Span {
  const last = seg.to - seg.from - 1;
  const startIndex = from - seg.from;
  if (startIndex > last) return { start: first + last + 1, end: first + last + 1 };
  const a = first + startIndex;
  const endIndex = Math.min(to, seg.to) - 1 - seg.from;
  const b = endIndex >= startIndex && endIndex <= last ? first + endIndex + 1 : a;
  return { start: a, end: Math.max(a, b) };
}

/** The whole-text source map of a single copied string. */
export function copiedText(offsets: readonly number[], span: Span): SourceMap {
  return new SourceMap([{ from: 0, to: offsets.length, span, offsets, base: 0, first: undefined }]);
}
