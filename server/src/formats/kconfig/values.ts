import type { KconfigValue } from './ast';

/**
 * Classifies the value of `CONFIG_X=…` the way conf can read it (scripts/kconfig/confdata.c
 * `conf_set_sym_val`, symbol.c `sym_string_valid`): a tristate letter, a decimal or `0x` hex number, or a
 * double-quoted string with backslash escapes. Anything else is `invalid`; what it means for a given symbol
 * type is the rules' business.
 */

/** The content of a quoted string, as conf unescapes it (a backslash keeps the next character). */
export function unescapeKconfigString(literal: string): string {
  return literal
    .slice(1, literal.endsWith('"') && literal.length > 1 ? -1 : undefined)
    .replace(/\\(.)/g, '$1');
}

/**
 * The words of a value, as conf's reading of a value splits it: a quoted string (backslash escapes, the
 * closing quote may be missing), a `0x` hex number, a decimal number, a tristate letter, or any other run;
 * blanks between them. Tried in this order at each position, like a lexer (the first pattern wins).
 */
const WORDS: readonly { readonly kind: WordKind; readonly pattern: RegExp }[] = [
  { kind: 'space', pattern: /[ \t\f\v\r]+/y },
  { kind: 'string', pattern: /"(?:[^"\\\r\n]|\\[^\r\n])*"?/y },
  { kind: 'hex', pattern: /0[xX][0-9a-fA-F]+(?![^\s#"])/y },
  { kind: 'number', pattern: /-?[0-9]+(?![^\s#"])/y },
  { kind: 'tristate', pattern: /[ymn](?![^\s#"])/y },
  { kind: 'word', pattern: /[^\s"]+/y },
];

type WordKind = 'space' | 'string' | 'hex' | 'number' | 'tristate' | 'word';

interface Word {
  readonly kind: WordKind;
  readonly start: number;
  readonly end: number;
}

/** The word at `at` (never undefined: every character but a line break starts some word). */
function wordAt(text: string, at: number): Word | undefined {
  for (const { kind, pattern } of WORDS) {
    pattern.lastIndex = at;
    if (pattern.test(text)) return { kind, start: at, end: pattern.lastIndex };
  }
  return undefined;
}

/** What the first word of a value is, and what it says (the letter, the digits, the unescaped string). */
function kindOf(
  text: string,
  first: Word,
): { kind: KconfigValue['kind']; tristate?: 'y' | 'm' | 'n'; text?: string } {
  const image = text.slice(first.start, first.end);
  switch (first.kind) {
    case 'tristate':
      return { kind: 'tristate', tristate: image as 'y' | 'm' | 'n' };
    case 'number':
      return { kind: 'number', text: image };
    case 'hex':
      return { kind: 'hex', text: image };
    case 'string':
      if (image.length < 2 || !image.endsWith('"')) return { kind: 'invalid' };
      return { kind: 'string', text: unescapeKconfigString(image) };
    default:
      return { kind: 'invalid' };
  }
}

/**
 * Classifies the value of `CONFIG_X=…` from `at` (after the `=`) to `end` (where the line's text ends).
 * Every value gets one object of one shape: a `.config` has ten thousand of them (issue 6).
 */
export function classifyValue(text: string, at: number, end: number): KconfigValue {
  const rawEnd = text.charCodeAt(end - 1) === 13 ? end - 1 : end;
  const span = { start: at, end: Math.max(at, rawEnd) };
  const raw = text.slice(span.start, span.end);
  let first: Word | undefined;
  let second: Word | undefined;
  let last: Word | undefined;
  for (let pos = at; pos < end; ) {
    const w = wordAt(text, pos);
    if (!w || w.end > end) break;
    pos = w.end;
    if (w.kind === 'space') continue;
    if (!first) first = w;
    else if (!second) second = w;
    last = w;
  }
  if (!first) return { kind: 'empty', raw, span, valueSpan: { start: at, end: at } };
  const trailing = second && last ? { start: second.start, end: last.end } : undefined;
  // A value that does not start the raw text (`CONFIG_X= y`) is not one conf can read as such.
  const what = first.start !== at ? { kind: 'invalid' as const } : kindOf(text, first);
  return {
    kind: what.kind,
    raw,
    span,
    valueSpan: { start: first.start, end: first.end },
    tristate: what.tristate,
    text: what.text,
    trailing,
  };
}
