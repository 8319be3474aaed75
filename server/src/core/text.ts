/** A half-open range of UTF-16 offsets into one file's text: `[start, end)`. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A 0-based line/character position, as LSP counts them (UTF-16 code units). */
export interface Position {
  readonly line: number;
  readonly character: number;
}

/** Makes a span; `end` is clamped so it is never before `start`. */
export function span(start: number, end: number): Span {
  return { start, end: Math.max(start, end) };
}

/** Whether `offset` lies inside `s` (the end counts, so a cursor just after a word still hits it). */
export function spanContains(s: Span, offset: number): boolean {
  return offset >= s.start && offset <= s.end;
}

/**
 * Maps offsets to line/character positions and back for one text. Built once per text version:
 * positions are converted only at the LSP and CLI boundaries, never inside parsers or rules.
 */
export class LineIndex {
  /** Where each line starts, in a typed array cut to size: 4 bytes a line (a 130,000-line dhcpd.conf: 0.5 MB). */
  private readonly lineStarts: Int32Array;

  constructor(private readonly text: string) {
    let starts = new Int32Array(Math.min(1024, text.length + 1));
    let count = 1;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      // A lone CR ends a line too, as it does for LSP clients.
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
        if (count === starts.length) starts = grown(starts);
        starts[count++] = i + 1;
      }
    }
    this.lineStarts = starts.slice(0, count);
  }

  /** The number of lines (a text with no newline has one). */
  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The position of `offset`, clamped into the text. */
  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.lineStarts[lo] };
  }

  /** The offset of a position, clamped into its line and the text. */
  offset(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[pos.line];
    const end = this.lineEnd(pos.line);
    return Math.min(start + Math.max(0, pos.character), end);
  }

  /** The offset where line `line` starts. */
  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))];
  }

  /** The offset just before the line break that ends line `line` (the text's end for the last line). */
  lineEnd(line: number): number {
    if (line + 1 >= this.lineStarts.length) return this.text.length;
    const next = this.lineStarts[line + 1];
    const crlf = this.text.charCodeAt(next - 1) === 10 && this.text.charCodeAt(next - 2) === 13;
    return next - (crlf ? 2 : 1);
  }

  /** The range of `s` as LSP positions. */
  range(s: Span): { start: Position; end: Position } {
    return { start: this.position(s.start), end: this.position(s.end) };
  }
}

function grown(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** The offsets `start`, `start + 1`, … of `length` characters that stand in a file as they are read. */
export function consecutiveOffsets(start: number, length: number): number[] {
  const offsets = new Array<number>(length);
  for (let i = 0; i < length; i++) offsets[i] = start + i;
  return offsets;
}
