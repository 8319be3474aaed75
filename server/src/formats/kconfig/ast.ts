import type { Span } from '../../core/text';
import type { KconfigComments } from './comments';
import type { KconfigEntries } from './entries';

/**
 * The syntax tree of a kernel `.config` (Linux 6.1 scripts/kconfig/confdata.c, `conf_read_simple` and
 * `conf_set_sym_val`). One entry per line that sets a symbol; comments kept for sections and the header;
 * problems become issues and never stop the parse.
 */

/** A bool or tristate value as conf writes it. */
export type KconfigTristate = 'y' | 'm' | 'n';

/** The form of a value after `=`. */
export type KconfigValueKind = 'tristate' | 'number' | 'hex' | 'string' | 'empty' | 'invalid';

/** The value of an assignment: the rest of the line after `=`, classified. */
export interface KconfigValue {
  readonly kind: KconfigValueKind;
  /** The text after `=` up to the line break (a carriage return dropped), as conf reads it. */
  readonly raw: string;
  /** Where `raw` stands (empty, at the end of the line, for `CONFIG_X=`). */
  readonly span: Span;
  /** The value proper: the first word or the quoted string. */
  readonly valueSpan: Span;
  /** For `tristate`: the letter. */
  readonly tristate?: KconfigTristate;
  /** For `string`: the content with escapes resolved; for numbers: the digits as written. */
  readonly text?: string;
  /** Text after the value on the same line (`CONFIG_X=y # note`). */
  readonly trailing?: Span;
}

/** `CONFIG_X=value`. */
export interface KconfigAssignment {
  readonly kind: 'assignment';
  /** The symbol's name without `CONFIG_`. */
  readonly name: string;
  /** The span of `CONFIG_X`. */
  readonly nameSpan: Span;
  /** The whole line, without its line break. */
  readonly line: Span;
  readonly value: KconfigValue;
}

/** `# CONFIG_X is not set`: the symbol is n (conf writes this for a visible bool or tristate that is off). */
export interface KconfigNotSet {
  readonly kind: 'not-set';
  readonly name: string;
  readonly nameSpan: Span;
  readonly line: Span;
}

/** A line that sets a symbol. */
export type KconfigEntry = KconfigAssignment | KconfigNotSet;

/** A `#` line that is not `# CONFIG_X is not set`. */
export interface KconfigComment {
  readonly span: Span;
  /** The text after `#`, trimmed. */
  readonly text: string;
}

/** A line conf cannot use. `severity` lowers it where conf's reading is harmless but surprising. */
export interface KconfigIssue {
  readonly span: Span;
  readonly message: string;
  readonly severity?: 'warning';
}

/** The parse result: never thrown, always a tree and its issues. */
export interface KconfigAst {
  /** The lines that set symbols, kept compact: `entries.at(i)` builds a `KconfigEntry`. */
  readonly entries: KconfigEntries;
  /** The comment lines, kept compact: `comments.at(i)` builds a `KconfigComment`. */
  readonly comments: KconfigComments;
  readonly issues: readonly KconfigIssue[];
}
