import { consecutiveOffsets } from '../../core/text';
import type { Span } from '../../core/text';

/**
 * GRUB legacy reads its menu one logical line at a time (stage2/stage2.c `get_line_from_config`):
 * carriage returns are dropped, tabs become spaces, a backslash before a newline joins the next line
 * (the backslash becomes a space), leading spaces and empty lines are skipped, and a line whose first
 * character is `#` is a comment up to the newline (a `#` later in a line is an ordinary character). A
 * comment ending in a backslash goes on over the next line too. Characters past the buffer size are dropped.
 */

/** GRUB's line buffer (stage2/shared.h `NEW_HEAPSIZE`): characters beyond it are lost. */
export const GRUB_LINE_MAX = 1500;

/** One line as GRUB sees it, with the file offset of each of its characters. */
export interface GrubLogicalLine {
  readonly text: string;
  readonly offsets: readonly number[];
  /** From the first character GRUB keeps to the last. */
  readonly span: Span;
}

/** The lines, comments and dropped characters of a menu file. */
export interface GrubLineSplit {
  readonly lines: readonly GrubLogicalLine[];
  readonly comments: readonly Span[];
  /** Parts of over-long lines that GRUB drops. */
  readonly truncated: readonly Span[];
}

class LineBuilder {
  chars: string[] = [];
  offsets: number[] = [];
  lines: GrubLogicalLine[] = [];
  truncatedFrom: number | undefined;
  truncated: Span[] = [];

  push(c: string, offset: number): void {
    if (this.chars.length < GRUB_LINE_MAX) {
      this.chars.push(c);
      this.offsets.push(offset);
    } else if (this.truncatedFrom === undefined) this.truncatedFrom = offset;
  }

  emit(end: number): void {
    if (this.chars.length > 0) {
      const offsets = this.offsets;
      this.lines.push({
        text: this.chars.join(''),
        offsets,
        span: { start: offsets[0], end: offsets[offsets.length - 1] + 1 },
      });
    }
    if (this.truncatedFrom !== undefined) this.truncated.push({ start: this.truncatedFrom, end });
    this.chars = [];
    this.offsets = [];
    this.truncatedFrom = undefined;
  }
}

/** Splits a menu file into GRUB's logical lines; never throws. */
export function splitGrubLines(text: string): GrubLineSplit {
  return split(text, true);
}

/** The same, every character read one by one (the reference the plain-line reading is tested against). */
export function splitGrubLinesByCharacter(text: string): GrubLineSplit {
  return split(text, false);
}

function split(text: string, plainLines: boolean): GrubLineSplit {
  const b = new LineBuilder();
  const comments: Span[] = [];
  let literal = false;
  let commentStart: number | undefined;
  for (let i = 0; i < text.length; i++) {
    if (
      plainLines &&
      !literal &&
      commentStart === undefined &&
      b.chars.length === 0 &&
      atLineStart(text, i)
    ) {
      const end = readPlainLine(text, i, b.lines, comments);
      if (end >= 0) {
        i = end;
        continue;
      }
    }
    let c = text[i];
    if (c === '\r') continue;
    if (c === '\t') c = ' ';
    let at = i;
    if (literal) {
      if (c === '\n') {
        c = ' ';
        // The space takes the place of the backslash.
        const backslash = b.offsets.pop();
        if (backslash !== undefined) {
          b.chars.pop();
          at = backslash;
        }
      }
      literal = false;
    }
    if (c === '\\') literal = true;
    if (commentStart !== undefined) {
      if (c === '\n') {
        comments.push({ start: commentStart, end: trimEnd(text, i) });
        commentStart = undefined;
      }
    } else if (b.chars.length === 0 && b.truncatedFrom === undefined) {
      if (c === '#') commentStart = i;
      else if (c !== ' ' && c !== '\n') b.push(c, at);
    } else if (c === '\n') b.emit(i);
    else b.push(c, at);
  }
  if (commentStart !== undefined) comments.push({ start: commentStart, end: trimEnd(text, text.length) });
  b.emit(text.length);
  return { lines: b.lines, comments, truncated: b.truncated };
}

function atLineStart(text: string, i: number): boolean {
  return i === 0 || text.charCodeAt(i - 1) === NEWLINE;
}

const NEWLINE = 0x0a;

/**
 * Reads the physical line at `start` whole when no character of it needs the rules above (no carriage return,
 * tab or backslash, not over-long): its text after the leading spaces is a line or a comment, as the
 * character-by-character reading makes it. Returns the index of its line break (or the end), or -1 when the
 * line must be read character by character. Per-character arrays cost most of a menu's splitting (issue 6).
 */
function readPlainLine(text: string, start: number, lines: GrubLogicalLine[], comments: Span[]): number {
  const nl = text.indexOf('\n', start);
  const end = nl < 0 ? text.length : nl;
  if (end - start > GRUB_LINE_MAX) return -1;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0d || c === 0x09 || c === 0x5c) return -1;
  }
  let from = start;
  while (from < end && text.charCodeAt(from) === 0x20) from++;
  if (from === end) return end;
  if (text.charCodeAt(from) === 0x23) {
    comments.push({ start: from, end });
    return end;
  }
  lines.push(new PlainLine(text.slice(from, end), { start: from, end }));
  return end;
}

/**
 * A line that stands in the file as it is read (a physical line with no tab, carriage return or backslash):
 * its offsets are `span.start`, `span.start + 1`, …, made only when read (`lineOffset` reads one without
 * them). One offset per character was most of what reading a menu allocated (issue 6).
 */
export class PlainLine implements GrubLogicalLine {
  constructor(
    readonly text: string,
    readonly span: Span,
  ) {}

  get offsets(): readonly number[] {
    return consecutiveOffsets(this.span.start, this.text.length);
  }
}

/** The file offset of a line's character `i` (undefined outside the line), without a line's offsets made. */
export function lineOffset(line: GrubLogicalLine, i: number): number | undefined {
  if (!(line instanceof PlainLine)) return line.offsets[i];
  return i >= 0 && i < line.text.length ? line.span.start + i : undefined;
}

/** The end of a span without a trailing carriage return. */
function trimEnd(text: string, end: number): number {
  return text[end - 1] === '\r' ? end - 1 : end;
}
