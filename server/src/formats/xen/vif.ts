import type { Span } from '../../core/text';
import type { StringValue } from './ast';

/**
 * vif specs (xl-network-configuration(5)): a string of comma-separated `key=value` pairs; xl trims the
 * white space around each pair. An empty string is a vif with every default.
 */

/** One `key=value` of a vif spec, with file spans. */
export interface VifPair {
  readonly key: string;
  readonly value: string | undefined;
  readonly span: Span;
  readonly keySpan: Span;
  readonly valueSpan: Span | undefined;
}

/** One parsed vif spec. */
export interface VifSpec {
  readonly span: Span;
  readonly pairs: readonly VifPair[];
}

/** Parses a vif list item; offsets come from the string's raw offsets so ranges are exact. */
export function parseVifSpec(item: StringValue): VifSpec {
  const text = item.value;
  const at = (i: number): number => item.span.start + (item.rawOffsets[i] ?? item.rawOffsets.length + 1);
  const pairs: VifPair[] = [];
  // The parts between commas, as `text.split(',')` gives them, without the array split makes (issue 6).
  for (let start = 0, comma = 0; comma >= 0; start = comma + 1) {
    comma = text.indexOf(',', start);
    const part = text.slice(start, comma < 0 ? text.length : comma);
    const lead = part.length - part.trimStart().length;
    const trimmed = part.trim();
    if (trimmed !== '') {
      const s = start + lead;
      const eq = trimmed.indexOf('=');
      const keyEnd = eq < 0 ? s + trimmed.length : s + eq;
      const endIndex = s + trimmed.length;
      pairs.push({
        key: eq < 0 ? trimmed : trimmed.slice(0, eq),
        value: eq < 0 ? undefined : trimmed.slice(eq + 1),
        span: { start: at(s), end: at(endIndex - 1) + 1 },
        keySpan: { start: at(s), end: at(keyEnd - 1) + 1 },
        valueSpan: eq < 0 ? undefined : { start: at(keyEnd + 1), end: at(endIndex - 1) + 1 },
      });
    }
  }
  return { span: item.span, pairs };
}

/** The last value of a vif key (xl keeps the last). */
export function vifValue(spec: VifSpec, key: string): VifPair | undefined {
  for (let i = spec.pairs.length - 1; i >= 0; i--) if (spec.pairs[i].key === key) return spec.pairs[i];
  return undefined;
}
