import type { Span } from '../../core/text';
import type { ClientSpec } from './clients';

/**
 * The syntax tree of an exports file (exports(5)): one `ExportEntry` per logical line with a path. Every
 * path, client and option keeps its exact span; problems become `ExportsIssue`s and never stop the parse.
 */

/** A piece of text with where it stands. */
export interface Located {
  readonly text: string;
  readonly span: Span;
}

/** The exported directory as written and as exportfs reads it (quotes dropped, `\040` decoded). */
export interface ExportPath {
  readonly raw: string;
  readonly value: string;
  readonly span: Span;
}

/** One option of a list: `rw`, `fsid=0`, `sec=krb5:sys`. */
export interface ExportOption {
  /** The keyword: the text before the first `=`. */
  readonly name: string;
  /** The text after the first `=`, if there is one. */
  readonly value: string | undefined;
  readonly span: Span;
  readonly nameSpan: Span;
  readonly valueSpan: Span | undefined;
}

/** A comma-separated option list: `( … )` after a client, or `-…` for the line's defaults. */
export interface OptionList {
  /** From `(` or `-` to `)` or the last option. */
  readonly span: Span;
  /** The `(` or the `-`. */
  readonly open: Span;
  /** The `)`; undefined for a default-options list, or when the `)` is missing (a syntax issue). */
  readonly close: Span | undefined;
  readonly options: readonly ExportOption[];
  /** Empty slots between commas (`rw,,sync`): exportfs reads an empty keyword there. */
  readonly emptySlots: readonly Span[];
}

/** A client and its options: `host(rw)`, `*(ro)`, `10.0.0.0/24`, or a detached `(rw)` (the world). */
export interface ExportClient {
  readonly kind: 'client';
  readonly span: Span;
  /** Undefined when the word starts with `(`: exportfs then exports to every host. */
  readonly host: Located | undefined;
  readonly spec: ClientSpec;
  readonly options: OptionList | undefined;
  /**
   * For `(rw)` after white space: the gap, and whether a client without options stands right before it
   * (`host (rw)`, the classic trap) or not (`/path (rw)`, `a(ro) (rw)`).
   */
  readonly detached?: { readonly gap: Span; readonly after: 'client' | 'none' };
  /** The default-option lists (`-opts`) written before this client on its line, in order. */
  readonly defaults: readonly OptionList[];
}

/** A default-options list `-opt,opt`: applies to the clients after it on the same line. */
export interface ExportDefaults {
  readonly kind: 'defaults';
  readonly span: Span;
  readonly options: OptionList;
}

/** One export line: a path and its clients. */
export interface ExportEntry {
  /** From the path to the last word of the (possibly continued) line. */
  readonly span: Span;
  readonly path: ExportPath;
  readonly items: readonly (ExportClient | ExportDefaults)[];
  readonly clients: readonly ExportClient[];
  /** Default-option lists of the line, in order. */
  readonly defaults: readonly OptionList[];
}

/** A syntax problem: exportfs stops reading the file at it ("syntax error: bad option list"). */
export interface ExportsIssue {
  readonly span: Span;
  readonly message: string;
}

/** The parse result: never thrown, always a tree and its issues. */
export interface ExportsAst {
  readonly entries: readonly ExportEntry[];
  readonly issues: readonly ExportsIssue[];
  readonly comments: readonly Span[];
  /** Each `\` + line break that joins two lines. */
  readonly continuations: readonly Span[];
}
