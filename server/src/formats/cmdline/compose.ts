import type { Span } from '../../core/text';
import { SourceMap } from './source-map';
import type { SourceSegment } from './source-map';

/** A command line being assembled from pieces, keeping where each piece came from. */
export class CommandLineBuilder {
  /**
   * The pieces, joined once in `build`: a string grown by `+=` is a rope, and reading the finished command line
   * character by character (`splitCommandLine`) cost three times as much on it as on a joined string (issue 6).
   */
  private readonly parts: string[] = [];
  private length = 0;
  /**
   * Whether the text ends with a space, kept here: `text.endsWith(' ')` on a string grown by `+=` flattens it
   * every call, quadratic on a line of thousands of words.
   */
  private endsWithSpace = false;
  private readonly segments: SourceSegment[] = [];

  /** Appends text copied from a file, one offset per character. */
  copied(text: string, offsets: readonly number[], span: Span): this {
    return this.copiedAt(text, offsets, 0, span);
  }

  /**
   * Appends text copied from a file, character `i` at offset `base + offsets[i]` (a string's raw offsets and its
   * start, without an array of file offsets per piece).
   */
  copiedAt(text: string, offsets: readonly number[], base: number, span: Span): this {
    return this.push(text, span, offsets.length === text.length ? offsets : undefined, base);
  }

  /** Appends text copied from a file where it stands whole from `first` (offsets `first`, `first + 1`, …). */
  copiedRun(text: string, first: number, span: Span): this {
    if (text.length === 0) return this;
    this.segments.push({
      from: this.length,
      to: this.length + text.length,
      span,
      offsets: undefined,
      base: 0,
      first,
    });
    this.parts.push(text);
    this.length += text.length;
    this.endsWithSpace = text.endsWith(' ');
    return this;
  }

  /** Appends text that does not stand in the file as such; it maps back to `span`. */
  synthesised(text: string, span: Span): this {
    return this.push(text, span, undefined, 0);
  }

  /** Appends a separating space (mapped to the previous segment). */
  space(): this {
    if (this.length > 0 && !this.endsWithSpace) {
      const last = this.segments[this.segments.length - 1];
      this.push(' ', last ? last.span : { start: 0, end: 0 }, undefined, 0);
    }
    return this;
  }

  private push(text: string, span: Span, offsets: readonly number[] | undefined, base: number): this {
    if (text.length === 0) return this;
    // Every segment has the same fields, in the same order (one shape for V8).
    this.segments.push({
      from: this.length,
      to: this.length + text.length,
      span,
      offsets,
      base,
      first: undefined,
    });
    this.parts.push(text);
    this.length += text.length;
    this.endsWithSpace = text.endsWith(' ');
    return this;
  }

  /** The finished command line and its source map. */
  build(): { text: string; map: SourceMap } {
    return { text: this.parts.join(''), map: new SourceMap(this.segments) };
  }
}
