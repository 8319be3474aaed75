import type { Span } from '../../core/text';
import type { DecodedString } from './string-literal';

/**
 * The syntax tree of a Xen domain config: a list of statements. Plain assignments are analysed;
 * anything else (an xm file's Python) is kept as a `PythonConstruct` with its span, never evaluated.
 */

/** A quoted string value. */
export interface StringValue extends DecodedString {
  readonly kind: 'string';
  readonly span: Span;
}

/** A number as written (`128`, `0x80`, `0200`); `value` is undefined when it is not a valid number. */
export interface NumberValue {
  readonly kind: 'number';
  readonly span: Span;
  readonly text: string;
  readonly value: number | undefined;
}

/** A `[ … ]` list, possibly nested. */
export interface ListValue {
  readonly kind: 'list';
  readonly span: Span;
  readonly items: readonly Value[];
}

/** A value that is a Python expression (`"VM%d" % vmid`, `KERNEL`, `1.5`): not evaluated. */
export interface ExpressionValue {
  readonly kind: 'expression';
  readonly span: Span;
  readonly text: string;
}

/** Any value of an assignment. */
export type Value = StringValue | NumberValue | ListValue | ExpressionValue;

/** A name with where it stands. */
export interface Name {
  readonly text: string;
  readonly span: Span;
}

/** `key = value` or `key += value`. */
export interface Assignment {
  readonly kind: 'assignment';
  readonly span: Span;
  readonly key: Name;
  readonly operator: '=' | '+=';
  /** Undefined when the value is missing or unreadable (a syntax error says why). */
  readonly value: Value | undefined;
}

/** A statement that is not a plain assignment: Python code from an xm config, kept but not analysed. */
export interface PythonConstruct {
  readonly kind: 'python';
  readonly span: Span;
  /** What it is, in a few words ("a def block", "an import", "a % formatting expression"). */
  readonly description: string;
  /** For `key = <python expression>`: the key, whose value is then unknown. */
  readonly key?: Name;
}

/** One statement. */
export type Statement = Assignment | PythonConstruct;

/** A syntax problem found while parsing; the rule layer turns it into a `xen/syntax` finding. */
export interface SyntaxIssue {
  readonly span: Span;
  readonly message: string;
  /**
   * `typographic-quote` for strings delimited by ’ ‘ “ ”; `python` for what only Python accepts (a float,
   * a triple-quoted string): an error for xl, fine for xm; `syntax` for what neither accepts.
   */
  readonly kind: 'syntax' | 'typographic-quote' | 'python';
}

/** The parse result: never thrown, always a tree and its issues. */
export interface XenConfigAst {
  readonly statements: readonly Statement[];
  readonly issues: readonly SyntaxIssue[];
  readonly comments: readonly Span[];
  /** Carriage returns outside comments and strings (xl rejects them; Python does not mind). */
  readonly carriageReturns: readonly Span[];
}
