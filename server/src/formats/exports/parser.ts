import type { IToken } from 'chevrotain';
import { SpanRecord } from '../../core/plain-record';
import type { Span } from '../../core/text';
import type {
  ExportClient,
  ExportDefaults,
  ExportEntry,
  ExportOption,
  ExportPath,
  ExportsAst,
  ExportsIssue,
  OptionList,
} from './ast';
import { parseClient } from './clients';
import { lexExports, lexExportsPieces, logicalLineEnd } from './lexer';
import type { ExportsTokens } from './lexer';
import { readPlainLine } from './plain-line';
import { makeEntry, makeHostClient, makeOption, makeOptionList, makePath, NO_ITEMS } from './tree';
import { parseExportLine } from './line-grammar';
import type { RawItem, RawOptionList } from './line-grammar';
import { Comma, Continuation, Newline, OtherChar, WhiteSpace, Word } from './tokens';

/**
 * Parses an exports file (exports(5)). Never throws: each logical line (joined at `\` + line break) is
 * read by the line grammar; problems become issues with exact spans and the next line is read regardless,
 * although exportfs itself stops at the first error (support/nfs/exports.c returns NULL from getexportent).
 */
export function parseExports(text: string): ExportsAst {
  const ast: ParsedExports = { entries: [], issues: [], comments: [], continuations: [] };
  for (let at = 0; at < text.length; ) {
    const next = readPlainLine(text, at, ast);
    if (next >= 0) {
      at = next;
      continue;
    }
    const end = logicalLineEnd(text, at);
    parseTokens(text, lexExports(text.slice(at, end)), at, ast);
    at = end;
  }
  // Stable: at one offset, a line's issues stay before its tokens' (each piece is whole lines).
  ast.issues.sort((a, b) => a.span.start - b.span.start);
  return ast;
}

/** The same, every line lexed and read by the grammar (the reference `readPlainLine` is tested against). */
export function parseExportsByTokens(text: string): ExportsAst {
  const ast: ParsedExports = { entries: [], issues: [], comments: [], continuations: [] };
  for (const piece of lexExportsPieces(text)) parseTokens(text, piece, 0, ast);
  ast.issues.sort((a, b) => a.span.start - b.span.start);
  return ast;
}

interface ParsedExports {
  entries: ExportEntry[];
  issues: ExportsIssue[];
  comments: Span[];
  continuations: Span[];
}

/** Reads whole lines' tokens (offsets `shift` before their place in `text`) into `ast`. */
function parseTokens(text: string, piece: ExportsTokens, shift: number, ast: ParsedExports): void {
  if (shift > 0) for (const t of piece.tokens) t.startOffset += shift;
  if (shift > 0) for (const t of piece.comments) t.startOffset += shift;
  for (const line of logicalLines(piece.tokens)) {
    const entry = parseLine(text, line, ast.issues);
    if (entry) ast.entries.push(entry);
  }
  for (const t of piece.tokens) {
    checkToken(t, ast.issues);
    if (t.tokenType === Continuation)
      ast.continuations.push(new SpanRecord(t.startOffset, t.startOffset + 2));
  }
  for (const t of piece.comments) ast.comments.push(tokenSpan(t));
}

function tokenSpan(t: IToken): Span {
  return new SpanRecord(t.startOffset, t.startOffset + t.image.length);
}

function spanOf(tokens: readonly IToken[]): Span {
  return new SpanRecord(tokens[0].startOffset, tokenSpan(tokens[tokens.length - 1]).end);
}

/** Splits the token stream at line breaks; lines with nothing but blanks are dropped. */
function logicalLines(tokens: readonly IToken[]): IToken[][] {
  const lines: IToken[][] = [];
  let current: IToken[] = [];
  for (const t of tokens) {
    if (t.tokenType === Newline) {
      lines.push(current);
      current = [];
    } else current.push(t);
  }
  lines.push(current);
  return lines.filter((l) => l.some((t) => !isBlank(t)));
}

/** The members of the `Blank` category, compared directly (a `CATEGORIES` search per token cost more). */
function isBlank(t: IToken): boolean {
  return t.tokenType === WhiteSpace || t.tokenType === Continuation;
}

function parseLine(text: string, tokens: IToken[], issues: ExportsIssue[]): ExportEntry | undefined {
  const parsed = parseExportLine(tokens);
  if (!parsed.line) {
    const bad = parsed.errorToken && parsed.errorToken.image ? parsed.errorToken : tokens[0];
    issues.push({ span: tokenSpan(bad), message: `unexpected '${bad.image}'` });
    return undefined;
  }
  const { path: pathTokens, items: rawItems } = parsed.line;
  const path = readPath(text, pathTokens);
  const items: (ExportClient | ExportDefaults)[] = [];
  const defaults: OptionList[] = [];
  let previous: RawItem | undefined;
  for (const { gap, item } of rawItems) {
    if (item.kind === 'defaults') {
      const list = optionList(item.list, issues);
      strayIssue(item.stray, issues, 'default options');
      defaults.push(list);
      items.push({ kind: 'defaults', span: list.span, options: list });
    } else {
      items.push(client(text, item, gap, previous, defaults.length === 0 ? NO_ITEMS : [...defaults], issues));
    }
    previous = item;
  }
  const last = items.length > 0 ? items[items.length - 1].span.end : path.span.end;
  return makeEntry(path, last, items, defaults);
}

function readPath(text: string, tokens: readonly IToken[]): ExportPath {
  const span = spanOf(tokens);
  const raw = text.slice(span.start, span.end);
  return makePath(raw, decodePath(raw), span);
}

/** Drops the double quotes and decodes `\ooo` octal escapes, as exportfs reads a path. */
export function decodePath(raw: string): string {
  // Most paths have neither, and two replacements per line cost more than the rest of reading the path.
  if (raw.indexOf('"') < 0 && raw.indexOf('\\') < 0) return raw;
  return raw
    .replace(/"/g, '')
    .replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8) & 255));
}

function client(
  text: string,
  item: Extract<RawItem, { kind: 'client' }>,
  gap: readonly IToken[],
  previous: RawItem | undefined,
  defaults: readonly OptionList[],
  issues: ExportsIssue[],
): ExportClient {
  const options = item.list ? optionList(item.list, issues) : undefined;
  strayIssue(item.stray, issues, 'options');
  // The first and last of host, list opening and stray tokens, without joining them into an array.
  const first = item.host[0] ?? item.list?.open ?? item.stray[0];
  const last = item.stray[item.stray.length - 1] ?? item.list?.open ?? item.host[item.host.length - 1];
  const span = new SpanRecord(first.startOffset, Math.max(options?.span.end ?? 0, tokenSpan(last).end));
  if (item.host.length === 0) {
    const bareHost = previous?.kind === 'client' && previous.host.length > 0 && !previous.list;
    return {
      kind: 'client',
      span,
      host: undefined,
      spec: parseClient(''),
      options,
      detached: { gap: spanOf(gap), after: bareHost ? 'client' : 'none' },
      defaults,
    };
  }
  const hostSpan = spanOf(item.host);
  const hostText = text.slice(hostSpan.start, hostSpan.end);
  const spec = parseClient(hostText.indexOf('"') < 0 ? hostText : hostText.replace(/"/g, ''));
  return makeHostClient(span, hostText, hostSpan, spec, options, defaults);
}

function strayIssue(stray: readonly IToken[], issues: ExportsIssue[], what: string): void {
  if (stray.length === 0) return;
  const span = spanOf(stray);
  issues.push({
    span,
    message: `unexpected '${stray.map((t) => t.image).join('')}' after the ${what}: exportfs rejects the whole word ("bad option list")`,
  });
}

function optionList(raw: RawOptionList, issues: ExportsIssue[]): OptionList {
  const options: ExportOption[] = [];
  const emptySlots: Span[] = [];
  let afterSeparator = true;
  for (const t of raw.parts) {
    if (t.tokenType === Comma) {
      if (afterSeparator) emptySlots.push(tokenSpan(t));
      afterSeparator = true;
    } else if (t.tokenType === Word) {
      options.push(makeOption(t.image, t.startOffset));
      afterSeparator = false;
    }
  }
  const lastToken = raw.close ?? raw.parts[raw.parts.length - 1] ?? raw.open;
  const span = new SpanRecord(raw.open.startOffset, tokenSpan(lastToken).end);
  if (raw.open.image === '(' && !raw.close) {
    issues.push({
      span,
      message:
        'missing \')\': exportfs rejects this option list ("bad option list") and stops reading the file',
    });
  }
  return makeOptionList(
    tokenSpan(raw.open),
    raw.close && tokenSpan(raw.close),
    span.end,
    options,
    emptySlots,
  );
}

function quoteCount(s: string): number {
  let n = 0;
  for (let i = s.indexOf('"'); i >= 0; i = s.indexOf('"', i + 1)) n++;
  return n;
}

/** Token-level problems: unterminated quotes and characters no token takes. */
function checkToken(t: IToken, issues: ExportsIssue[]): void {
  if (t.tokenType === OtherChar) {
    issues.push({ span: tokenSpan(t), message: `unexpected character '${t.image}'` });
  } else if (t.tokenType === Word && t.image.includes('"') && quoteCount(t.image) % 2 === 1) {
    issues.push({
      span: tokenSpan(t),
      message: 'unterminated quote: exportfs reads on to the next double quote, across blanks and lines',
    });
  }
}
