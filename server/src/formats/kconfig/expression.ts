/**
 * Kconfig dependency expressions (Documentation/kbuild/kconfig-language.rst, "Menu dependencies"):
 * symbols, `=`/`!=` comparisons, `!`, `&&`, `||` and parentheses, evaluated in tristate logic
 * (n = 0, m = 1, y = 2; `&&` is the minimum, `||` the maximum, `!` is 2 minus the value). Only the table's
 * own expressions are parsed here, so a malformed one is a programming error caught by the tests.
 */

/** A tristate as a number: n 0, m 1, y 2. */
export type Tri = 0 | 1 | 2;

/** A parsed expression. */
export type KconfigExpr =
  | { readonly kind: 'symbol'; readonly name: string }
  | { readonly kind: 'const'; readonly value: Tri }
  | { readonly kind: 'compare'; readonly op: '=' | '!='; readonly name: string; readonly value: string }
  | { readonly kind: 'not'; readonly expr: KconfigExpr }
  | { readonly kind: 'and' | 'or'; readonly left: KconfigExpr; readonly right: KconfigExpr };

/** The range an expression may take when some symbols are unknown (a fragment of a config). */
export interface TriRange {
  readonly lo: Tri;
  readonly hi: Tri;
}

const CONSTANTS: Readonly<Record<string, Tri>> = { n: 0, m: 1, y: 2 };

/** Parses a Kconfig expression; throws on a malformed one (table data, checked by the unit tests). */
export function parseKconfigExpr(text: string): KconfigExpr {
  const tokens = text.match(/&&|\|\||!=|[()!=]|[A-Za-z0-9_]+/g) ?? [];
  let at = 0;
  const peek = (): string | undefined => tokens[at];
  const take = (): string => {
    const t = tokens[at++];
    if (t === undefined) throw new Error(`unexpected end of '${text}'`);
    return t;
  };
  const primary = (): KconfigExpr => {
    const t = take();
    if (t === '!') return { kind: 'not', expr: primary() };
    if (t === '(') {
      const e = or();
      if (take() !== ')') throw new Error(`missing ')' in '${text}'`);
      return e;
    }
    if (!/^[A-Za-z0-9_]+$/.test(t)) throw new Error(`unexpected '${t}' in '${text}'`);
    const op = peek();
    if (op === '=' || op === '!=') {
      take();
      return { kind: 'compare', op, name: t, value: take() };
    }
    return t in CONSTANTS ? { kind: 'const', value: CONSTANTS[t] } : { kind: 'symbol', name: t };
  };
  const and = (): KconfigExpr => {
    let left = primary();
    while (peek() === '&&') {
      take();
      left = { kind: 'and', left, right: primary() };
    }
    return left;
  };
  const or = (): KconfigExpr => {
    let left = and();
    while (peek() === '||') {
      take();
      left = { kind: 'or', left, right: and() };
    }
    return left;
  };
  const expr = or();
  if (at !== tokens.length) throw new Error(`unexpected '${tokens[at]}' in '${text}'`);
  return expr;
}

const min = (a: Tri, b: Tri): Tri => (a < b ? a : b);
const max = (a: Tri, b: Tri): Tri => (a > b ? a : b);
const exact = (v: Tri): TriRange => ({ lo: v, hi: v });
const UNKNOWN: TriRange = { lo: 0, hi: 2 };

/**
 * Evaluates an expression. `lookup` gives a symbol's value, or undefined when it is unknown; unknown
 * symbols widen the result to a range, so `lo` is what certainly holds and `hi` what may hold.
 */
export function evaluateKconfigExpr(expr: KconfigExpr, lookup: (name: string) => Tri | undefined): TriRange {
  switch (expr.kind) {
    case 'const':
      return exact(expr.value);
    case 'symbol': {
      const v = lookup(expr.name);
      return v === undefined ? UNKNOWN : exact(v);
    }
    case 'compare': {
      const v = lookup(expr.name);
      const target = CONSTANTS[expr.value];
      if (v === undefined || target === undefined) return UNKNOWN;
      return exact((v === target) === (expr.op === '=') ? 2 : 0);
    }
    case 'not': {
      const r = evaluateKconfigExpr(expr.expr, lookup);
      return { lo: (2 - r.hi) as Tri, hi: (2 - r.lo) as Tri };
    }
    case 'and':
    case 'or': {
      const l = evaluateKconfigExpr(expr.left, lookup);
      const r = evaluateKconfigExpr(expr.right, lookup);
      const f = expr.kind === 'and' ? min : max;
      return { lo: f(l.lo, r.lo), hi: f(l.hi, r.hi) };
    }
  }
}

/** The symbols an expression names. */
export function exprSymbols(expr: KconfigExpr): string[] {
  switch (expr.kind) {
    case 'const':
      return [];
    case 'symbol':
    case 'compare':
      return [expr.name];
    case 'not':
      return exprSymbols(expr.expr);
    case 'and':
    case 'or':
      return [...exprSymbols(expr.left), ...exprSymbols(expr.right)];
  }
}
