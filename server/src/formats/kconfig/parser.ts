import type { IToken } from 'chevrotain';
import type { Span } from '../../core/text';
import type { KconfigAst, KconfigIssue } from './ast';
import { KconfigCommentsBuilder } from './comments';
import { KconfigEntriesBuilder } from './entries';
import type * as KconfigGrammar from './grammar';
import type * as KconfigLexer from './lexer';
import { WhiteSpace } from './tokens';

/**
 * Parses a kernel `.config` (Linux 6.1 scripts/kconfig/confdata.c `conf_read_simple`). Never throws: every
 * line becomes an entry, a comment or an issue, and the next line is read regardless, as conf does (it
 * warns "unexpected data" and goes on).
 */
export function parseKconfig(text: string): KconfigAst {
  const entries = new KconfigEntriesBuilder(text);
  const comments = new KconfigCommentsBuilder(text);
  const issues: KconfigIssue[] = [];
  if (isPlain(text)) readPlainLines(text, entries, comments, issues);
  else readWithGrammar(text, entries, comments, issues);
  return { entries: entries.finish(), comments: comments.finish(), issues };
}

/**
 * Whether every line of the text is blank, a `#` line or `CONFIG_X=…`, with no carriage return: what conf
 * writes, and every `.config` of a real site. Such a file is read line by line below, which gives what the
 * lexer and the grammar give for it (each of those lines is one token, which the grammar hands on as it is),
 * without a token object per line: a 10,000-line file made 1.3 MB of tokens, which outlived the young
 * generation and stayed as garbage in the server's heap (issue 6). Anything else goes to the grammar.
 *
 * The line and paragraph separators (U+2028, U+2029) count as carriage returns: the lexer does not take them
 * for line breaks. It decides as `/[\r\u2028\u2029]|^(?!$|#|CONFIG_[A-Za-z0-9_]*=)/m` does (the test
 * compares them), looking at the start of each line only, where the one expression tried its alternatives at
 * every character: ~40 ms instead of ~70 for the 50 configs of the benchmark's site, measured apart (issue 6).
 */
export function isPlain(text: string): boolean {
  // Three searches for one character each: a fraction of one search for any of the three.
  if (text.indexOf('\r') >= 0 || text.indexOf('\u2028') >= 0 || text.indexOf('\u2029') >= 0) return false;
  for (let start = 0; start < text.length; ) {
    const c = text.charCodeAt(start);
    if (c !== LF && c !== HASH) {
      SETTING_START.lastIndex = start;
      if (!SETTING_START.test(text)) return false;
    }
    const lf = text.indexOf('\n', start);
    if (lf < 0) break;
    start = lf + 1;
  }
  return true;
}

const SETTING_START = /CONFIG_[A-Za-z0-9_]*=/y;

const NOT_SET = /# CONFIG_[^ \r\n]* is not set/y;

/** Reads a plain text (`isPlain`): each line is one token of the lexer, its line break included. */
function readPlainLines(
  text: string,
  entries: KconfigEntriesBuilder,
  comments: KconfigCommentsBuilder,
  issues: KconfigIssue[],
): void {
  let start = 0;
  while (start < text.length) {
    if (text.charCodeAt(start) === LF) {
      start++;
      continue;
    }
    const lf = text.indexOf('\n', start);
    const end = lf < 0 ? text.length : lf + 1;
    if (text.charCodeAt(start) !== HASH) readAssignment(text, start, end, entries, issues);
    else if (isNotSet(text, start)) readNotSet(text, start, entries);
    else readComment(text, start, end, comments, issues);
    start = end;
  }
}

const LF = 10;
const HASH = 35;

function isNotSet(text: string, start: number): boolean {
  NOT_SET.lastIndex = start;
  return NOT_SET.test(text);
}

/** Reads any text with the lexer and the grammar (loaded with the first file that needs them). */
function readWithGrammar(
  text: string,
  entries: KconfigEntriesBuilder,
  comments: KconfigCommentsBuilder,
  issues: KconfigIssue[],
): void {
  const tokenEnd = (t: IToken): number => t.startOffset + t.image.length;
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded on first use: most files never need them */
  const { lexKconfig } = require('./lexer') as typeof KconfigLexer;
  const { parseKconfigLines } = require('./grammar') as typeof KconfigGrammar;
  /* eslint-enable @typescript-eslint/no-require-imports */
  const errorToken = parseKconfigLines(lexKconfig(text), {
    assignment: (t) => readAssignment(text, t.startOffset, tokenEnd(t), entries, issues),
    notSet: (t) => readNotSet(text, t.startOffset, entries),
    comment: (t) => readComment(text, t.startOffset, tokenEnd(t), comments, issues),
    symbol: (t) => readBareSymbol(text, t, issues),
    junk: (t) => readJunk(text, t, issues),
  });
  if (errorToken && errorToken.image) {
    issues.push({ span: tokenSpan(errorToken), message: `unexpected '${errorToken.image}'` });
  }
}

function tokenSpan(t: IToken): Span {
  return { start: t.startOffset, end: t.startOffset + t.image.length };
}

function lineEnd(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  const end = nl < 0 ? text.length : nl;
  return text[end - 1] === '\r' ? end - 1 : end;
}

/** The symbol name conf reads from a line `CONFIG_…=…`: everything up to the first `=`. */
function confName(text: string, start: number, end: number): string {
  const eq = text.indexOf('=', start);
  return text.slice(start + 'CONFIG_'.length, eq < 0 || eq > end ? end : eq);
}

/** A comment token `[start, tokenEnd)` carries its line break: the comment is the text before it. */
function readComment(
  text: string,
  start: number,
  tokenEnd: number,
  comments: KconfigCommentsBuilder,
  issues: KconfigIssue[],
): void {
  let end = tokenEnd;
  if (text.charCodeAt(end - 1) === 10) end -= text.charCodeAt(end - 2) === 13 ? 2 : 1;
  comments.add(start, end);
  // Only a comment that starts like a setting can be a misspelt one (a comment has no line break in it).
  MAYBE_SETTING.lastIndex = start;
  if (MAYBE_SETTING.test(text)) misspeltNotSet(text.slice(start, end), start, issues);
}

const MAYBE_SETTING = /#[^\S\r\n]*CONFIG_/y;

/** `#CONFIG_X is not set` or `#  CONFIG_X …`: conf needs exactly `# CONFIG_`, so this is only a comment. */
function misspeltNotSet(body: string, at: number, issues: KconfigIssue[]): void {
  const m = /^#\s*(CONFIG_\w+)\s+is\s+not\s+set/.exec(body);
  if (!m) return;
  issues.push({
    span: { start: at, end: at + body.length },
    severity: 'warning',
    message: `conf reads this as a plain comment, not as '# ${m[1]} is not set' (it needs '#', one space, then the name and one space): ${m[1]} keeps its default`,
  });
}

function readNotSet(text: string, start: number, entries: KconfigEntriesBuilder): void {
  entries.notSet(start, text.indexOf(' ', start + 2));
}

/** `CONFIG_X=value`: one token `[start, tokenEnd)` to the end of the line. */
function readAssignment(
  text: string,
  start: number,
  tokenEnd: number,
  entries: KconfigEntriesBuilder,
  issues: KconfigIssue[],
): void {
  const eq = text.indexOf('=', start);
  if (eq - start === 'CONFIG_'.length) {
    issues.push({
      span: { start, end: eq },
      message: "'CONFIG_' without a symbol name: conf ignores the line",
    });
    return;
  }
  entries.assignment(start, eq, tokenLineEnd(text, tokenEnd));
}

/** Where the line of a token that runs to its line break ends, the break (and a carriage return) left out. */
function tokenLineEnd(text: string, tokenEnd: number): number {
  let end = tokenEnd;
  if (text.charCodeAt(end - 1) === 10) end--;
  return text.charCodeAt(end - 1) === 13 ? end - 1 : end;
}

/** `CONFIG_X` not followed by `=`: conf reads the name up to the first `=` of the line, if any. */
function readBareSymbol(text: string, symbol: IToken, issues: KconfigIssue[]): void {
  const start = symbol.startOffset;
  const end = lineEnd(text, start);
  const eq = text.indexOf('=', start);
  if (eq < 0 || eq > end) {
    issues.push({ span: { start, end }, message: `no '=' after ${symbol.image}: conf ignores the line` });
    return;
  }
  issues.push({
    span: { start, end: eq },
    message: `conf reads the name '${confName(text, start, end)}', which is no symbol, and ignores the line`,
  });
}

function readJunk(text: string, first: IToken, issues: KconfigIssue[]): void {
  const start = first.startOffset;
  const end = lineEnd(text, start);
  const body = text.slice(start, end);
  if (body.trim() === '') return; // blanks only: conf warns, and nothing is lost
  if (first.tokenType === WhiteSpace && /^\s*(#|CONFIG_)/.test(body)) {
    issues.push({
      span: { start, end },
      message: `an indented line: conf reads only lines that start with 'CONFIG_' or '#' ("unexpected data") and ignores it`,
    });
    return;
  }
  issues.push({
    span: { start, end },
    message: `'${body.trim().slice(0, 40)}' is neither 'CONFIG_X=value', '# CONFIG_X is not set' nor a comment: conf ignores it ("unexpected data")`,
  });
}
