import type { CustomPatternMatcherReturn } from 'chevrotain';
import type { Span } from '../../core/text';
import type { StringValue } from './ast';

/**
 * Quoted strings of Xen domain configs. xl takes `'…'` and `"…"` with backslash escapes and no line
 * break inside (libxlu_cfg_l.l); xm files are Python, which also has triple-quoted strings. Strings
 * copied from web pages often carry typographic quotes (’ ‘ “ ”, seed how-to 000: `hostname='domu1’`):
 * the lexer still reads such a string, up to its typographic quote, so that the rest of the file stays
 * analysable, and the parser reports it.
 */

const ASCII_QUOTES = new Set(["'", '"']);
const TYPOGRAPHIC_QUOTES = new Set(['\u2018', '\u2019', '\u201c', '\u201d']);

/** Whether `c` is one of the typographic quotes ’ ‘ “ ”. */
export function isTypographicQuote(c: string): boolean {
  return TYPOGRAPHIC_QUOTES.has(c);
}

function result(text: string, start: number, end: number): CustomPatternMatcherReturn {
  return [text.slice(start, end)] as CustomPatternMatcherReturn;
}

/** Chevrotain custom matcher: the string literal starting at `offset`, or null. */
export function matchString(text: string, offset: number): CustomPatternMatcherReturn | null {
  const end = stringEnd(text, offset);
  return end < 0 ? null : result(text, offset, end);
}

/** Where the string literal starting at `offset` ends, or -1 if none starts there (`matchString`'s match). */
export function stringEnd(text: string, offset: number): number {
  // Character codes, not one-character strings and set lookups: a site's configs are mostly strings.
  const open = text.charCodeAt(offset);
  if (open === SINGLE_QUOTE || open === DOUBLE_QUOTE) {
    if (text.charCodeAt(offset + 1) === open && text.charCodeAt(offset + 2) === open)
      return tripleEnd(text, offset, text.slice(offset, offset + 3));
    return asciiQuotedEnd(text, offset, open);
  }
  if (isTypographicCode(open)) return typographicOpenedEnd(text, offset);
  return -1;
}

const SINGLE_QUOTE = 0x27;
const DOUBLE_QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;

/** ‘ ’ “ ” */
function isTypographicCode(c: number): boolean {
  return c === 0x2018 || c === 0x2019 || c === 0x201c || c === 0x201d;
}

function tripleEnd(text: string, offset: number, triple: string): number {
  const close = text.indexOf(triple, offset + 3);
  return close < 0 ? text.length : close + 3;
}

function asciiQuotedEnd(text: string, offset: number, open: number): number {
  let firstTypographic = -1;
  let i = offset + 1;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH && text.charCodeAt(i + 1) !== NEWLINE && i + 1 < text.length) {
      i++;
    } else if (c === open) {
      return i + 1;
    } else if (c === NEWLINE) {
      break;
    } else if (firstTypographic < 0 && isTypographicCode(c)) {
      firstTypographic = i;
    }
  }
  // Unterminated: if a typographic quote stands where the closing quote should, end there.
  return firstTypographic >= 0 ? firstTypographic + 1 : lineEnd(text, i);
}

function typographicOpenedEnd(text: string, offset: number): number {
  for (let i = offset + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === NEWLINE) return lineEnd(text, i);
    if (c === SINGLE_QUOTE || c === DOUBLE_QUOTE || isTypographicCode(c)) return i + 1;
  }
  return text.length;
}

/** The end of the line content before `i` (a CR before the newline stays outside). */
function lineEnd(text: string, i: number): number {
  return i > 0 && text[i - 1] === '\r' ? i - 1 : i;
}

/** What a string literal's raw text means. */
export interface DecodedString {
  /** The value after removing quotes and resolving escapes. */
  readonly value: string;
  /** For each character of `value`, its offset within the raw text (for precise ranges inside strings). */
  readonly rawOffsets: readonly number[];
  /** Whether the literal ended with a proper closing quote. */
  readonly terminated: boolean;
  /** Offsets (within the raw text) of typographic quotes used as delimiters. */
  readonly typographicQuotes: readonly number[];
  /** Whether the literal is Python's triple-quoted form (which xl does not know). */
  readonly triple: boolean;
  /** Raw offsets of backslash escapes that xl rejects (`\\x41`, `\\7`, `\\q`; Python takes them). */
  readonly badEscapes: readonly number[];
}

/** The escapes libxlutil (Xen 4.17) accepts, seen with xlu-syntax-check; anything else is a syntax error. */
const SIMPLE_ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  a: '\u0007',
  b: '\b',
  f: '\f',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
};

/** Decodes a string literal's raw text as matched by `matchString`. */
export function decodeString(raw: string): DecodedString {
  return isPlainString(raw) ? plainString(raw) : decodeAnyString(raw);
}

/**
 * The string value of a literal standing at `span`: `decodeString`'s fields, one by one (a spread cost as much
 * as decoding), without the decoded object in between for a plain string.
 */
export function stringValueOf(raw: string, span: Span): StringValue {
  const plain = isPlainString(raw);
  const d = plain ? undefined : decodeAnyString(raw);
  return {
    kind: 'string',
    span,
    value: d ? d.value : raw.slice(1, raw.length - 1),
    rawOffsets: d ? d.rawOffsets : plainOffsets(raw.length - 2),
    terminated: d ? d.terminated : true,
    typographicQuotes: d ? d.typographicQuotes : NONE,
    triple: d ? d.triple : false,
    badEscapes: d ? d.badEscapes : NONE,
  };
}

/** The same, by the general path alone (what `plainString` is tested against). */
export function decodeAnyString(raw: string): DecodedString {
  const open = raw[0];
  const triple = raw.length >= 3 && ASCII_QUOTES.has(open) && raw.startsWith(open.repeat(3));
  const openLen = triple ? 3 : 1;
  const typographicQuotes: number[] = TYPOGRAPHIC_QUOTES.has(open) ? [0] : [];
  const last = raw[raw.length - 1];
  let terminated: boolean;
  let closeLen: number;
  if (triple) {
    terminated = raw.length >= 6 && raw.endsWith(open.repeat(3));
    closeLen = terminated ? 3 : 0;
  } else if (raw.length < 2) {
    terminated = false;
    closeLen = 0;
  } else if (TYPOGRAPHIC_QUOTES.has(last)) {
    terminated = true;
    closeLen = 1;
    typographicQuotes.push(raw.length - 1);
  } else {
    terminated =
      ASCII_QUOTES.has(last) && (TYPOGRAPHIC_QUOTES.has(open) || last === open) && !endsEscaped(raw);
    closeLen = terminated ? 1 : 0;
  }
  const { value, rawOffsets, badEscapes } = unescape(raw, openLen, raw.length - closeLen);
  return { value, rawOffsets, terminated, typographicQuotes, triple, badEscapes };
}

/**
 * Whether `raw` is `'…'` or `"…"` closed by its opening quote, with no backslash, no typographic quote at its end
 * and not triple-quoted: what most strings are, decoded by `plainString` as the general path decodes them.
 */
function isPlainString(raw: string): boolean {
  const open = raw.charCodeAt(0);
  const last = raw.length - 1;
  return (
    (open === SINGLE_QUOTE || open === DOUBLE_QUOTE) &&
    last >= 1 &&
    raw.charCodeAt(last) === open &&
    !(last >= 2 && raw.charCodeAt(1) === open && raw.charCodeAt(2) === open) &&
    raw.indexOf('\\') < 0
  );
}

function plainString(raw: string): DecodedString {
  return {
    value: raw.slice(1, raw.length - 1),
    rawOffsets: plainOffsets(raw.length - 2),
    terminated: true,
    typographicQuotes: NONE,
    triple: false,
    badEscapes: NONE,
  };
}

/** The empty list every plain string shares (frozen: a string's lists are read, never changed). */
const NONE: readonly number[] = Object.freeze([]);

/**
 * The raw offsets of a plain string of `length` characters, 1 to `length`: the same for every string of that
 * length, so they are made once per length and shared (frozen) up to `SHARED_OFFSETS` characters; an array of
 * offsets per string was a tenth of what a domain config's analysis allocated (issue 6).
 */
function plainOffsets(length: number): readonly number[] {
  if (length >= SHARED_OFFSETS) return offsetsFromOne(length);
  return (SHARED[length] ??= Object.freeze(offsetsFromOne(length)));
}

const SHARED_OFFSETS = 1024;
const SHARED: (readonly number[] | undefined)[] = [];

function offsetsFromOne(length: number): number[] {
  // Allocated at its length and filled: pushing grew it several times per string.
  const offsets = new Array<number>(length);
  for (let i = 0; i < length; i++) offsets[i] = i + 1;
  return offsets;
}

function endsEscaped(raw: string): boolean {
  let n = 0;
  for (let i = raw.length - 2; i > 0 && raw[i] === '\\'; i--) n++;
  return n % 2 === 1;
}

function unescape(
  raw: string,
  from: number,
  to: number,
): { value: string; rawOffsets: number[]; badEscapes: number[] } {
  const rawOffsets: number[] = [];
  const badEscapes: number[] = [];
  const escape = raw.indexOf('\\', from);
  if (escape < 0 || escape >= to) {
    // No escape (most strings): the value is the raw text between the quotes.
    for (let i = from; i < to; i++) rawOffsets.push(i);
    return { value: raw.slice(from, to), rawOffsets, badEscapes };
  }
  let value = '';
  for (let i = from; i < to; i++) {
    const c = raw[i];
    if (c !== '\\' || i + 1 >= to) {
      rawOffsets.push(i);
      value += c;
      continue;
    }
    const e = raw[i + 1];
    if (/^[0-7]{3}$/.test(raw.slice(i + 1, i + 4)) && i + 4 <= to) {
      // xl accepts a three-digit octal escape but the character vanishes from the value (xl 4.17).
      i += 3;
      continue;
    }
    const mapped = SIMPLE_ESCAPES[e];
    if (mapped === undefined) badEscapes.push(i);
    rawOffsets.push(i);
    value += mapped ?? e;
    i++;
  }
  return { value, rawOffsets, badEscapes };
}
