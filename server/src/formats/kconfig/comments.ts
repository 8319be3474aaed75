import type { KconfigComment } from './ast';

/**
 * The comment lines of a `.config`, kept as their spans: a kernel's config has over a thousand (section
 * titles, `# end of …`), and only the sections, the header and folding read them (issue 6). `at(i)` builds
 * the `KconfigComment` the parser used to keep: the text after `#`, trimmed.
 */
export class KconfigComments {
  constructor(
    private readonly text: string,
    /** Start and end of each comment, in order. */
    private readonly spans: Int32Array,
  ) {}

  /** How many comments the file has. */
  get length(): number {
    return this.spans.length / 2;
  }

  /** Comment `i` (a new object on each call). */
  at(i: number): KconfigComment {
    const start = this.spans[2 * i];
    const end = this.spans[2 * i + 1];
    return { span: { start, end }, text: this.text.slice(start + 1, end).trim() };
  }

  /** Every comment. */
  toArray(): KconfigComment[] {
    return Array.from({ length: this.length }, (_, i) => this.at(i));
  }
}

/** Collects the comments of one file, in order. */
export class KconfigCommentsBuilder {
  private readonly spans: number[] = [];

  constructor(private readonly text: string) {}

  add(start: number, end: number): void {
    this.spans.push(start, end);
  }

  finish(): KconfigComments {
    return new KconfigComments(this.text, Int32Array.from(this.spans));
  }
}
