import { SpanRecord } from '../../core/plain-record';
import type { Span } from '../../core/text';
import type { ExportClient, ExportEntry, ExportOption } from './ast';
import { parseClient } from './clients';
import { NO_ITEMS, makeEntry, makeHostClient, makeOptionAt, makeOptionList, makePath } from './tree';

/**
 * Reads a plain export line straight from the text, without tokens: `path host(opt,…) host …`, with words
 * of printable ASCII but `"`, `#`, `(`, `)`, `,` and `\`, blanks of spaces, tabs and carriage returns, and a
 * comment only after a blank. Such a line is lexed and read by the grammar (`parser.ts`) in one obvious way,
 * and this makes the same tree; anything else (quotes, continuations, `-defaults`, a detached `(…)`,
 * missing `)`, text glued after `)`, other characters) is left to the grammar. Tokens and the grammar's
 * raw items were most of the garbage of reading a large exports file (issue 6); `parser.test.ts` compares
 * the two readers on fixtures and thousands of mutated files.
 */

/** Where the lines read go. */
export interface LineSink {
  readonly entries: ExportEntry[];
  readonly comments: Span[];
}

const TAB = 0x09;
const NEWLINE = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const HASH = 0x23;
const LPAREN = 0x28;
const RPAREN = 0x29;
const COMMA = 0x2c;
const DASH = 0x2d;

function isBlank(c: number): boolean {
  return c === SPACE || c === TAB || c === CR;
}

/** A character of a plain word: printable ASCII but `"`, `#`, `(`, `)`, `,`, `\`. */
function isPlain(c: number): boolean {
  return (
    c > SPACE &&
    c < 0x7f &&
    c !== 0x22 &&
    c !== HASH &&
    c !== LPAREN &&
    c !== RPAREN &&
    c !== COMMA &&
    c !== 0x5c
  );
}

/** The end of the plain word at `at` (`at` itself if there is none). */
function plainEnd(text: string, at: number): number {
  while (at < text.length && isPlain(text.charCodeAt(at))) at++;
  return at;
}

function blanksEnd(text: string, at: number): number {
  while (at < text.length && isBlank(text.charCodeAt(at))) at++;
  return at;
}

/** Whether `at` ends a line: a line break or the end of the text. */
function isLineEnd(text: string, at: number): boolean {
  return at >= text.length || text.charCodeAt(at) === NEWLINE;
}

/**
 * Reads the line at `at` (a line start) into `sink` if it is plain: returns where the next line starts, or
 * -1 (nothing read) when the grammar must read it.
 */
export function readPlainLine(text: string, at: number, sink: LineSink): number {
  at = blanksEnd(text, at);
  if (isLineEnd(text, at)) return at + 1;
  const c = text.charCodeAt(at);
  if (c === HASH) return comment(text, at, sink);
  if (c === DASH) return -1;
  const pathEnd = plainEnd(text, at);
  if (pathEnd === at) return -1;
  const items: ExportClient[] = [];
  let end = pathEnd;
  for (;;) {
    const gapEnd = blanksEnd(text, end);
    if (isLineEnd(text, gapEnd)) break;
    if (gapEnd === end) return -1;
    const next = text.charCodeAt(gapEnd);
    if (next === HASH) {
      comment(text, gapEnd, sink);
      break;
    }
    if (next === DASH) return -1;
    const clientEnd = readClient(text, gapEnd, items);
    if (clientEnd < 0) return -1;
    end = clientEnd;
  }
  const raw = text.slice(at, pathEnd);
  const path = makePath(raw, raw, new SpanRecord(at, pathEnd));
  sink.entries.push(makeEntry(path, items.length > 0 ? end : pathEnd, items, []));
  const nl = text.indexOf('\n', end);
  return nl < 0 ? text.length : nl + 1;
}

function comment(text: string, at: number, sink: LineSink): number {
  const nl = text.indexOf('\n', at);
  sink.comments.push(new SpanRecord(at, nl < 0 ? text.length : nl));
  return nl < 0 ? text.length : nl + 1;
}

/** `host` or `host(opts)`, followed by a blank or the line's end; -1 if not plain. */
function readClient(text: string, at: number, items: ExportClient[]): number {
  const hostEnd = plainEnd(text, at);
  if (hostEnd === at) return -1;
  const hostText = text.slice(at, hostEnd);
  const hostSpan = new SpanRecord(at, hostEnd);
  const spec = parseClient(hostText);
  if (text.charCodeAt(hostEnd) !== LPAREN) {
    if (!isBlank(text.charCodeAt(hostEnd)) && !isLineEnd(text, hostEnd)) return -1;
    items.push(makeHostClient(new SpanRecord(at, hostEnd), hostText, hostSpan, spec, undefined, NO_ITEMS));
    return hostEnd;
  }
  const options: ExportOption[] = [];
  // Made at the first empty slot: most lists have none (the tree shares one empty list for them).
  let emptySlots: Span[] | undefined;
  let afterSeparator = true;
  let i = hostEnd + 1;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === RPAREN) break;
    if (c === COMMA) {
      if (afterSeparator) (emptySlots ??= []).push(new SpanRecord(i, i + 1));
      afterSeparator = true;
      i++;
      continue;
    }
    const wordEnd = plainEnd(text, i);
    if (wordEnd === i) return -1;
    options.push(makeOptionAt(text, i, wordEnd));
    afterSeparator = false;
    i = wordEnd;
  }
  const close = new SpanRecord(i, i + 1);
  if (!isBlank(text.charCodeAt(i + 1)) && !isLineEnd(text, i + 1)) return -1;
  const list = makeOptionList(
    new SpanRecord(hostEnd, hostEnd + 1),
    close,
    i + 1,
    options,
    emptySlots ?? NO_ITEMS,
  );
  items.push(makeHostClient(new SpanRecord(at, i + 1), hostText, hostSpan, spec, list, NO_ITEMS));
  return i + 1;
}
