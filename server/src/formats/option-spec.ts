/**
 * The shape of an option table: one row per key a format knows. The table is data; hover,
 * completion and single-file validation all read it, so a key is documented in exactly one place.
 */

/** Which Xen toolstack reads a key: xl (Xen ≥ 4.1, the only one since 4.5) or xm (Xen ≤ 4.4). */
export type Toolstack = 'xl' | 'xm';

/**
 * The value form a key takes:
 * - `string`: a quoted string;
 * - `integer`: a number (xl also accepts a quoted string of digits; xm converted with int());
 * - `boolean`: 0 or 1 (xl reads it as a number; xm also took Python's True/False);
 * - `list`: a `[ … ]` list of strings;
 * - `string-or-list`: either form (xl accepts both for a few keys, e.g. `cpus`).
 */
export type OptionValueType = 'string' | 'integer' | 'boolean' | 'list' | 'string-or-list';

/** One key of a configuration format. */
export interface OptionSpec {
  /** The key as written in the file. */
  readonly name: string;
  /** The value form. */
  readonly type: OptionValueType;
  /**
   * Other forms the tool also takes, where one key has two (xl's `viridian` is 0/1 or a list, `gfx_passthru`
   * 0/1 or a string, `tsc_mode` a name or, deprecated, a number). Validation accepts `type` or any of these.
   */
  readonly alsoAccepts?: readonly OptionValueType[];
  /** For enumerations: every value the tool accepts (validation and completion use it). */
  readonly values?: readonly string[];
  /** The smallest number accepted, where the tool enforces one. */
  readonly min?: number;
  /** The default as the tool documents it, in plain words or as a value. */
  readonly default?: string;
  /** Which toolstacks read this key. */
  readonly toolstacks: readonly Toolstack[];
  /** What the key does, in Markdown, in this project's own words. */
  readonly doc: string;
  /** Where the fact comes from: a man page section or a source file. */
  readonly source: string;
  /** For list items with a grammar of their own (`vif` specs, `disk` specs). */
  readonly itemGrammar?: 'vif' | 'disk';
  /** Set when the key is deprecated, with what to use instead. */
  readonly deprecated?: string;
  /** Set for keys that belong to the NFS-root boot: they get more attention in hover and completion. */
  readonly boot?: boolean;
}

/** A key inside a compound value (a vif spec's `mac=`, a kernel parameter, an `ip=` field). */
export interface SubOptionSpec {
  /** The key as written. */
  readonly name: string;
  /** What it does, in Markdown, in this project's own words. */
  readonly doc: string;
  /** Where the fact comes from. */
  readonly source: string;
  /** For enumerations: the accepted values. */
  readonly values?: readonly string[];
  /** Whether the tool still accepts it but it is obsolete. */
  readonly deprecated?: string;
}
