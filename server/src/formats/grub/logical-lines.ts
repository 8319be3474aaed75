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
  const b = new LineBuilder();
  const comments: Span[] = [];
  let literal = false;
  let commentStart: number | undefined;
  for (let i = 0; i < text.length; i++) {
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

/** The end of a span without a trailing carriage return. */
function trimEnd(text: string, end: number): number {
  return text[end - 1] === '\r' ? end - 1 : end;
}
