import type { Span } from './text';
import type { Severity } from './severity';

/** The other end of a cross-file problem, or another occurrence of a duplicate. */
export interface RelatedLocation {
  readonly uri: string;
  readonly span: Span;
  readonly message: string;
}

/** A text edit inside one file: replace `span` with `newText`. */
export interface TextEditSpec {
  readonly uri: string;
  readonly span: Span;
  readonly newText: string;
}

/** A fix a user can apply: a title and the edits, possibly in several files. */
export interface FixSpec {
  readonly title: string;
  readonly edits: readonly TextEditSpec[];
  /** Whether this is the fix an editor may apply on "fix all" (one per finding at most). */
  readonly preferred?: boolean;
}

/**
 * One problem a rule found, in offsets of the file it sits in. Severity is not here: it comes from the
 * rule catalogue and the user's overrides when the finding becomes a diagnostic.
 */
export interface Finding {
  readonly ruleId: string;
  readonly uri: string;
  readonly span: Span;
  readonly message: string;
  readonly related?: readonly RelatedLocation[];
  readonly fixes?: readonly FixSpec[];
  /** A different severity than the rule's default, where the rule's own table says so (e.g. W under `xen/vif`). */
  readonly severity?: Severity;
}

/**
 * How many other occurrences a duplicate's finding points at. Every member of a group of k points at the
 * others: unbounded, that is k² related locations (a file with one line repeated 10,000 times would take
 * seconds and megabytes); an editor lists a handful usefully, and the message gives the count.
 */
export const MAX_RELATED = 20;

/** The first `MAX_RELATED` members of `group` that are `other` than the one reported, in order. */
export function othersOf<T>(group: readonly T[], other: (o: T) => boolean, max = MAX_RELATED): T[] {
  const out: T[] = [];
  for (const o of group) {
    if (out.length >= max) break;
    if (other(o)) out.push(o);
  }
  return out;
}
