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

/** Classifies the value tokens after `=`; `end` is where the line's text ends. */
export function classifyValue(
  text: string,
  tokens: readonly IToken[],
  at: number,
  end: number,
): KconfigValue {
  let rawEnd = end;
  if (text[rawEnd - 1] === '\r') rawEnd--;
  const span = { start: at, end: Math.max(at, rawEnd) };
  const raw = text.slice(span.start, span.end);
  const words = tokens.filter((t) => t.tokenType !== ValueSpace);
  const first = words[0];
  if (!first) return { kind: 'empty', raw, span, valueSpan: { start: at, end: at } };
  const valueSpan = tokenSpan(first);
  const last = words[words.length - 1];
  const trailing =
    words.length > 1 ? { start: tokenSpan(words[1]).start, end: tokenSpan(last).end } : undefined;
  const base = { raw, span, valueSpan, trailing };
  // A value that does not start the raw text (`CONFIG_X= y`) is not one conf can read as such.
  if (first.startOffset !== at) return { ...base, kind: 'invalid' };
  switch (first.tokenType) {
    case Tristate:
      return { ...base, kind: 'tristate', tristate: first.image as 'y' | 'm' | 'n' };
    case DecimalNumber:
      return { ...base, kind: 'number', text: first.image };
    case HexNumber:
      return { ...base, kind: 'hex', text: first.image };
    case StringLiteral:
      if (first.image.length < 2 || !first.image.endsWith('"')) return { ...base, kind: 'invalid' };
      return { ...base, kind: 'string', text: unescapeKconfigString(first.image) };
    default:
      return { ...base, kind: 'invalid' };
  }
}
