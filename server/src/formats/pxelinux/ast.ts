import { consecutiveOffsets } from '../../core/text';
import type { Span } from '../../core/text';

/**
 * The syntax tree of a PXELINUX configuration file: one `PxeLine` per keyword line, grouped into the
 * global settings and `LABEL` entries (syslinux doc/syslinux.txt, com32/elflink/ldlinux/readconfig.c).
 */

/** A word or the rest of a line, with one file offset per character. */
export interface PxeText {
  readonly text: string;
  readonly span: Span;
  readonly offsets: readonly number[];
}

/**
 * A PxeText that stands in the file as it is, from `span.start` (every argument and its slices): its offsets
 * are made only when read (`textOffset` reads one without them). One offset per character of every argument
 * was most of what reading a small file allocated (issue 6).
 */
export class PxeRun implements PxeText {
  constructor(
    readonly text: string,
    readonly span: Span,
  ) {}

  get offsets(): readonly number[] {
    return consecutiveOffsets(this.span.start, this.text.length);
  }
}

/** The file offset of a text's character `i` (inside the text), without its offsets made. */
export function textOffset(t: PxeText, i: number): number {
  return t instanceof PxeRun ? t.span.start + i : t.offsets[i];
}

/** One keyword line: `KEYWORD args`, or `MENU SUBKEYWORD args`. */
export interface PxeLine {
  /** The keyword in lower case, with where it stands. */
  readonly keyword: { readonly name: string; readonly raw: string; readonly span: Span };
  /** For `MENU` lines: the sub-keyword, lower case. */
  readonly sub: { readonly name: string; readonly raw: string; readonly span: Span } | undefined;
  /** The rest of the line, blanks around it trimmed; undefined when there is nothing. */
  readonly args: PxeText | undefined;
  readonly span: Span;
}

/** A `LABEL` and the lines that describe it. */
export interface PxeLabel {
  readonly name: PxeText | undefined;
  readonly line: PxeLine;
  readonly lines: readonly PxeLine[];
  /** The `MENU BEGIN` tags around it, outermost first. */
  readonly menus: readonly string[];
  readonly span: Span;
}

/** A syntax problem; the rule layer reports it as `pxelinux/syntax`. */
export interface PxeSyntaxIssue {
  readonly span: Span;
  readonly message: string;
}

/** The parse result: never thrown, always a tree and its issues. */
export interface PxeAst {
  /** Every keyword line, in order. */
  readonly lines: readonly PxeLine[];
  /** The lines outside any label (DEFAULT, TIMEOUT, a global APPEND, …). */
  readonly globals: readonly PxeLine[];
  readonly labels: readonly PxeLabel[];
  /** `MENU BEGIN … MENU END` submenus. */
  readonly menus: readonly { readonly tag: string; readonly span: Span }[];
  readonly issues: readonly PxeSyntaxIssue[];
  readonly comments: readonly Span[];
  /** `TEXT HELP … ENDTEXT` blocks (their lines are text, not keywords). */
  readonly textBlocks: readonly Span[];
}
