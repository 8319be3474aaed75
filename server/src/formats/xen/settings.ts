import type { Span } from '../../core/text';
import type { Assignment, Name, NumberValue, StringValue, Value, XenConfigAst } from './ast';

/**
 * The effective value of each key, as xl applies the assignments (xl.cfg(5)): the last `=` wins,
 * `+=` appends to a string or a list. Keys whose value came from Python are marked unknown.
 */
export interface Setting {
  readonly key: Name;
  /**
   * Every assignment that contributed, in order (the first is the `=` that started it). When the value is a
   * scalar, each of them gave a scalar piece of it (`scalarPieces`).
   */
  readonly assignments: readonly Assignment[];
  /** The value as xl would see it; undefined when unreadable or set by Python code. */
  readonly value: Value | undefined;
}

/** A single value: xl keeps numbers as text too, so both read as strings (libxlu_cfg.c). */
type Scalar = StringValue | NumberValue;

function isScalar(v: Value | undefined): v is Scalar {
  return v?.kind === 'string' || v?.kind === 'number';
}

/** The text of a scalar as xl's string lookup returns it. */
export function scalarText(v: Scalar): string {
  return v.kind === 'string' ? v.value : v.text;
}

/** Collects the effective settings of a parsed config, keyed by name. */
export function collectSettings(ast: XenConfigAst): Map<string, Setting> {
  const settings = new Map<string, Setting>();
  for (const st of ast.statements) {
    if (st.kind === 'python') {
      if (st.key) settings.set(st.key.text, { key: st.key, assignments: NO_ASSIGNMENTS, value: undefined });
      continue;
    }
    // Only `+=` reads the previous value: one Map lookup less per statement (issue 6).
    const previous = st.operator === '+=' ? settings.get(st.key.text) : undefined;
    settings.set(st.key.text, previous ? append(previous, st) : fresh(st));
  }
  return settings;
}

/** A Python key's setting has no assignment: one frozen empty list for all of them. */
const NO_ASSIGNMENTS: readonly Assignment[] = Object.freeze([]);

function fresh(a: Assignment): Setting {
  return { key: a.key, assignments: [a], value: a.value };
}

function append(prev: Setting, a: Assignment): Setting {
  const assignments = [...prev.assignments, a];
  const p = prev.value;
  const v = a.value;
  if (isScalar(p) && isScalar(v)) {
    const joined: StringValue = {
      kind: 'string',
      span: { start: p.span.start, end: v.span.end },
      value: scalarText(p) + scalarText(v),
      rawOffsets: [],
      terminated: true,
      typographicQuotes: [],
      triple: false,
      badEscapes: [],
    };
    return { key: prev.key, assignments, value: joined };
  }
  if (p?.kind === 'list' && v?.kind === 'list') {
    const span: Span = { start: p.span.start, end: v.span.end };
    return { key: prev.key, assignments, value: { kind: 'list', span, items: [...p.items, ...v.items] } };
  }
  return { key: prev.key, assignments, value: undefined };
}

/**
 * The assignments that built a setting's scalar value, one piece of it each (a scalar value is built only from
 * scalars), for source maps; none when its value is not a scalar.
 */
export function scalarPieces(s: Setting): readonly Assignment[] {
  return isScalar(s.value) ? s.assignments : NO_ASSIGNMENTS;
}

/** A setting's string value, if it has one. */
export function stringOf(s: Setting | undefined): string | undefined {
  return isScalar(s?.value) ? scalarText(s.value) : undefined;
}
