import type { IToken } from 'chevrotain';
import type { Span } from '../../core/text';
import type { KconfigValue } from './ast';
import { DecimalNumber, HexNumber, StringLiteral, Tristate, ValueSpace } from './tokens';

/**
 * Classifies the value of `CONFIG_X=…` the way conf can read it (scripts/kconfig/confdata.c
 * `conf_set_sym_val`, symbol.c `sym_string_valid`): a tristate letter, a decimal or `0x` hex number, or a
 * double-quoted string with backslash escapes. Anything else is `invalid`; what it means for a given symbol
 * type is the rules' business.
 */

function tokenSpan(t: IToken): Span {
  return { start: t.startOffset, end: t.startOffset + t.image.length };
}

/** The content of a quoted string, as conf unescapes it (a backslash keeps the next character). */
export function unescapeKconfigString(literal: string): string {
  return literal
    .slice(1, literal.endsWith('"') && literal.length > 1 ? -1 : undefined)
    .replace(/\\(.)/g, '$1');
}

/** What the first word of a value is, and what it says (the letter, the digits, the unescaped string). */
function kindOf(first: IToken): { kind: KconfigValue['kind']; tristate?: 'y' | 'm' | 'n'; text?: string } {
  switch (first.tokenType) {
    case Tristate:
      return { kind: 'tristate', tristate: first.image as 'y' | 'm' | 'n' };
    case DecimalNumber:
      return { kind: 'number', text: first.image };
    case HexNumber:
      return { kind: 'hex', text: first.image };
    case StringLiteral:
      if (first.image.length < 2 || !first.image.endsWith('"')) return { kind: 'invalid' };
      return { kind: 'string', text: unescapeKconfigString(first.image) };
    default:
      return { kind: 'invalid' };
  }
}

/**
 * Classifies the value tokens after `=`; `end` is where the line's text ends. Every value gets one object of
 * one shape: a `.config` has ten thousand of them (issue 6: no spreads, no intermediate arrays).
 */
export function classifyValue(
  text: string,
  tokens: readonly IToken[],
  at: number,
  end: number,
): KconfigValue {
  const rawEnd = text.charCodeAt(end - 1) === 13 ? end - 1 : end;
  const span = { start: at, end: Math.max(at, rawEnd) };
  const raw = text.slice(span.start, span.end);
  let first: IToken | undefined;
  let second: IToken | undefined;
  let last: IToken | undefined;
  for (const t of tokens) {
    if (t.tokenType === ValueSpace) continue;
    if (!first) first = t;
    else if (!second) second = t;
    last = t;
  }
  if (!first) return { kind: 'empty', raw, span, valueSpan: { start: at, end: at } };
  const trailing = second && last ? { start: second.startOffset, end: tokenSpan(last).end } : undefined;
  // A value that does not start the raw text (`CONFIG_X= y`) is not one conf can read as such.
  const what = first.startOffset !== at ? { kind: 'invalid' as const } : kindOf(first);
  return {
    kind: what.kind,
    raw,
    span,
    valueSpan: tokenSpan(first),
    tristate: what.tristate,
    text: what.text,
    trailing,
  };
}
