import { spanContains } from '../core/text';
import { splitCommandLine } from '../formats/cmdline/command-line';
import type { KernelParam } from '../formats/cmdline/command-line';
import type { Assignment, StringValue, Value } from '../formats/xen/ast';
import { parseVifSpec } from '../formats/xen/vif';
import type { VifPair } from '../formats/xen/vif';
import type { XenFile } from '../rules/types';

/** Keys whose string value is (part of) a kernel command line. */
export const COMMAND_LINE_KEYS = new Set(['extra', 'cmdline', 'root', 'bootargs']);

/** What stands at an offset of a Xen domain config. */
export type XenLocation =
  | { readonly kind: 'key'; readonly assignment: Assignment }
  | {
      readonly kind: 'value';
      readonly assignment: Assignment;
      readonly value: StringValue | undefined;
      readonly index: number;
    }
  | {
      readonly kind: 'vif';
      readonly assignment: Assignment;
      readonly value: StringValue;
      readonly pair: VifPair | undefined;
      readonly index: number;
    }
  | {
      readonly kind: 'kernel-param';
      readonly assignment: Assignment;
      readonly value: StringValue;
      readonly param: KernelParam | undefined;
      readonly index: number;
    }
  | { readonly kind: 'none' };

/** The index within a string's decoded value of the character at file offset `offset`. */
export function indexInString(s: StringValue, offset: number): number {
  const rel = offset - s.span.start;
  let i = 0;
  while (i < s.rawOffsets.length && s.rawOffsets[i] < rel) i++;
  return i;
}

/** The string (possibly inside a list) that contains `offset`. */
function stringAt(v: Value, offset: number): StringValue | undefined {
  if (!spanContains(v.span, offset)) return undefined;
  if (v.kind === 'string') return v;
  if (v.kind === 'list')
    for (const item of v.items) {
      const s = stringAt(item, offset);
      if (s) return s;
    }
  return undefined;
}

/** Finds what stands at `offset`. */
export function locateInXen(file: XenFile, offset: number): XenLocation {
  for (const st of file.ast.statements) {
    if (st.kind !== 'assignment' || offset < st.span.start || offset > st.span.end) continue;
    if (spanContains(st.key.span, offset)) return { kind: 'key', assignment: st };
    const value = st.value ? stringAt(st.value, offset) : undefined;
    if (!value || offset === value.span.start)
      return { kind: 'value', assignment: st, value: undefined, index: 0 };
    const index = indexInString(value, offset);
    if (st.key.text === 'vif') {
      const spec = parseVifSpec(value);
      const pair = spec.pairs.find((p) => spanContains(p.span, offset));
      return { kind: 'vif', assignment: st, value, pair, index };
    }
    if (COMMAND_LINE_KEYS.has(st.key.text)) {
      const param = splitCommandLine(value.value).find((p) => index >= p.start && index <= p.end);
      return { kind: 'kernel-param', assignment: st, value, param, index };
    }
    return { kind: 'value', assignment: st, value, index };
  }
  return { kind: 'none' };
}
