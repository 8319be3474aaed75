import type { Span } from '../../core/text';
import type { Assignment, ListValue, NumberValue, Statement, Value, XenConfigAst } from './ast';
import { stringValueOf } from './string-literal';
import { parseXlNumber } from './value-parser';

/**
 * Reads a plain domain config straight from its text, without tokens: every line blank, a comment, or
 * `key = value` / `key += value` with an optional comment after it, where a value is a quoted string without
 * backslashes or typographic quotes, a well-formed number, or a `[ … ]` list of them (lists may span lines,
 * with comments between items). The lexer and `parseXenConfigByTokens` read such a file in one obvious way,
 * with no issue, and this makes the same tree; anything else (Python, `;`, carriage returns, escapes, bad
 * numbers, errors) gives undefined and the file is read by tokens. Token objects were a third of what
 * analysing a domain config allocated (issue 6); `plain-file.test.ts` compares the two readers on fixtures
 * and thousands of mutated files.
 */
export function readPlainXenConfig(text: string): XenConfigAst | undefined {
  // A carriage return is a token of its own (or part of a comment), a backslash an escape or a token: files
  // with either are read by tokens, and the strings of the others end at the next quote of their kind. A
  // typographic quote inside a closed string or a comment changes nothing; anywhere else it is not plain.
  if (text.indexOf('\r') >= 0 || text.indexOf('\\') >= 0) return undefined;
  const r: PlainReader = { text, at: 0, comments: [], depth: 0 };
  const statements: Statement[] = [];
  while (r.at < text.length) {
    skipBlanks(r);
    if (r.at >= text.length) break;
    const c = text.charCodeAt(r.at);
    if (c === NEWLINE) {
      r.at++;
      continue;
    }
    if (c === HASH) {
      comment(r);
      continue;
    }
    const statement = assignment(r);
    if (!statement) return undefined;
    statements.push(statement);
    skipBlanks(r);
    if (r.at < text.length && text.charCodeAt(r.at) === HASH) comment(r);
    if (r.at < text.length && text.charCodeAt(r.at) !== NEWLINE) return undefined;
  }
  return { statements, issues: [], comments: r.comments, carriageReturns: [] };
}

/** The text, where reading stands, the comments read so far and how deep in lists. */
interface PlainReader {
  readonly text: string;
  at: number;
  readonly comments: Span[];
  depth: number;
}

const TAB = 0x09;
const NEWLINE = 0x0a;
const SPACE = 0x20;
const DOUBLE_QUOTE = 0x22;
const HASH = 0x23;
const SINGLE_QUOTE = 0x27;
const PLUS = 0x2b;
const COMMA = 0x2c;
const EQUALS = 0x3d;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;

/** Deeper lists are read by tokens (which refuse more than 64 levels). */
const MAX_PLAIN_DEPTH = 16;

/** Spaces and tabs (the lexer also skips form feeds and vertical tabs: those files are read by tokens). */
function skipBlanks(r: PlainReader): void {
  const text = r.text;
  let at = r.at;
  while (at < text.length) {
    const c = text.charCodeAt(at);
    if (c !== SPACE && c !== TAB) break;
    at++;
  }
  r.at = at;
}

/** A comment token: `#` to the line's end (the newline stays). */
function comment(r: PlainReader): void {
  const nl = r.text.indexOf('\n', r.at);
  const end = nl < 0 ? r.text.length : nl;
  r.comments.push({ start: r.at, end });
  r.at = end;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** The end of an Identifier or NumberLiteral word: `[A-Za-z0-9_.]*` from `at`. */
function wordEnd(text: string, at: number): number {
  for (; at < text.length; at++) {
    const c = text.charCodeAt(at);
    if (!(isDigit(c) || isLetter(c) || c === 0x5f || c === 0x2e)) break;
  }
  return at;
}

/** `key = value` or `key += value` at `r.at`, as `parser.ts` builds it; undefined if not plain. */
function assignment(r: PlainReader): Assignment | undefined {
  const text = r.text;
  const start = r.at;
  const first = text.charCodeAt(start);
  if (!(isLetter(first) || first === 0x5f)) return undefined;
  const keyEnd = wordEnd(text, start + 1);
  r.at = keyEnd;
  skipBlanks(r);
  let operator: '=' | '+=';
  const c = text.charCodeAt(r.at);
  if (c === EQUALS && text.charCodeAt(r.at + 1) !== EQUALS) {
    operator = '=';
    r.at++;
  } else if (c === PLUS && text.charCodeAt(r.at + 1) === EQUALS) {
    operator = '+=';
    r.at += 2;
  } else return undefined;
  skipBlanks(r);
  const value = readValue(r);
  if (!value) return undefined;
  return {
    kind: 'assignment',
    span: { start, end: value.span.end },
    key: { text: text.slice(start, keyEnd), span: { start, end: keyEnd } },
    operator,
    value,
  };
}

function readValue(r: PlainReader): Value | undefined {
  const c = r.text.charCodeAt(r.at);
  if (c === SINGLE_QUOTE || c === DOUBLE_QUOTE) return readString(r, c);
  if (isDigit(c)) return readNumber(r);
  return c === LBRACKET ? readList(r) : undefined;
}

/** A string closed by its opening quote on its line (the file has no backslash), not triple. */
function readString(r: PlainReader, open: number): Value | undefined {
  const text = r.text;
  const start = r.at;
  if (text.charCodeAt(start + 1) === open && text.charCodeAt(start + 2) === open) return undefined;
  const close = text.indexOf(open === SINGLE_QUOTE ? "'" : '"', start + 1);
  if (close < 0) return undefined;
  const nl = text.indexOf('\n', start + 1);
  if (nl >= 0 && nl < close) return undefined;
  r.at = close + 1;
  return stringValueOf(text.slice(start, close + 1), { start, end: close + 1 });
}

/** A NumberLiteral the parser finds nothing wrong with (`^[0-9][0-9a-fx]*$`, parser.ts `checkToken`). */
function readNumber(r: PlainReader): NumberValue | undefined {
  const text = r.text;
  const start = r.at;
  const end = wordEnd(text, start + 1);
  for (let i = start + 1; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!(isDigit(c) || (c >= 0x61 && c <= 0x66) || c === 0x78)) return undefined;
  }
  r.at = end;
  const image = text.slice(start, end);
  return { kind: 'number', span: { start, end }, text: image, value: parseXlNumber(image) };
}

/** Blanks, line breaks and comments between a list's items (newline tokens the grammar skips there). */
function skipListGap(r: PlainReader): void {
  for (;;) {
    skipBlanks(r);
    const c = r.text.charCodeAt(r.at);
    if (c === NEWLINE) r.at++;
    else if (c === HASH) comment(r);
    else return;
  }
}

/** `[ item, item, ]`: value-parser.ts `readList`'s decisions, with one trailing comma. */
function readList(r: PlainReader): ListValue | undefined {
  if (++r.depth > MAX_PLAIN_DEPTH) return undefined;
  const text = r.text;
  const start = r.at++;
  const items: Value[] = [];
  skipListGap(r);
  while (text.charCodeAt(r.at) !== RBRACKET) {
    const item = readValue(r);
    if (!item) return undefined;
    items.push(item);
    skipListGap(r);
    const c = text.charCodeAt(r.at);
    if (c === COMMA) {
      r.at++;
      skipListGap(r);
    } else if (c !== RBRACKET) return undefined;
  }
  r.at++;
  r.depth--;
  return { kind: 'list', span: { start, end: r.at }, items };
}
