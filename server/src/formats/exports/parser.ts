import type { IToken } from 'chevrotain';
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
import { lexExportsPieces } from './lexer';
import { parseExportLine } from './line-grammar';
import type { RawItem, RawOptionList } from './line-grammar';
import { Comma, Continuation, Newline, OtherChar, WhiteSpace, Word } from './tokens';

/**
 * Parses an exports file (exports(5)). Never throws: each logical line (joined at `\` + line break) is
 * read by the line grammar; problems become issues with exact spans and the next line is read regardless,
 * although exportfs itself stops at the first error (support/nfs/exports.c returns NULL from getexportent).
 */
export function parseExports(text: string): ExportsAst {
  const entries: ExportEntry[] = [];
  const issues: ExportsIssue[] = [];
  const comments: Span[] = [];
  const continuations: Span[] = [];
  for (const piece of lexExportsPieces(text)) {
    for (const line of logicalLines(piece.tokens)) {
      const entry = parseLine(text, line, issues);
      if (entry) entries.push(entry);
    }
    for (const t of piece.tokens) {
      checkToken(t, issues);
      if (t.tokenType === Continuation) continuations.push({ start: t.startOffset, end: t.startOffset + 2 });
    }
    for (const t of piece.comments) comments.push(tokenSpan(t));
  }
  // Stable: at one offset, a line's issues stay before its tokens' (each piece is whole lines).
  issues.sort((a, b) => a.span.start - b.span.start);
  return { entries, issues, comments, continuations };
}

function tokenSpan(t: IToken): Span {
  return { start: t.startOffset, end: t.startOffset + t.image.length };
}

function spanOf(tokens: readonly IToken[]): Span {
  return { start: tokens[0].startOffset, end: tokenSpan(tokens[tokens.length - 1]).end };
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
      items.push(client(text, item, gap, previous, [...defaults], issues));
    }
    previous = item;
  }
  const clients = items.filter((i): i is ExportClient => i.kind === 'client');
  const last = items.length > 0 ? items[items.length - 1].span.end : path.span.end;
  return { span: { start: path.span.start, end: last }, path, items, clients, defaults };
}

function readPath(text: string, tokens: readonly IToken[]): ExportPath {
  const span = spanOf(tokens);
  const raw = text.slice(span.start, span.end);
  return { raw, value: decodePath(raw), span };
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
  defaults: OptionList[],
  issues: ExportsIssue[],
): ExportClient {
  const options = item.list ? optionList(item.list, issues) : undefined;
  strayIssue(item.stray, issues, 'options');
  // The first and last of host, list opening and stray tokens, without joining them into an array.
  const first = item.host[0] ?? item.list?.open ?? item.stray[0];
  const last = item.stray[item.stray.length - 1] ?? item.list?.open ?? item.host[item.host.length - 1];
  const span = { start: first.startOffset, end: Math.max(options?.span.end ?? 0, tokenSpan(last).end) };
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
  return {
    kind: 'client',
    span,
    host: { text: hostText, span: hostSpan },
    spec: parseClient(hostText.indexOf('"') < 0 ? hostText : hostText.replace(/"/g, '')),
    options,
    defaults,
  };
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
      options.push(option(t));
      afterSeparator = false;
    }
  }
  const lastToken = raw.close ?? raw.parts[raw.parts.length - 1] ?? raw.open;
  const span = { start: raw.open.startOffset, end: tokenSpan(lastToken).end };
  if (raw.open.image === '(' && !raw.close) {
    issues.push({
      span,
      message:
        'missing \')\': exportfs rejects this option list ("bad option list") and stops reading the file',
    });
  }
  return { span, open: tokenSpan(raw.open), close: raw.close && tokenSpan(raw.close), options, emptySlots };
}

function option(t: IToken): ExportOption {
  const span = tokenSpan(t);
  const eq = t.image.indexOf('=');
  if (eq < 0) return { name: t.image, value: undefined, span, nameSpan: span, valueSpan: undefined };
  return {
    name: t.image.slice(0, eq),
    value: t.image.slice(eq + 1),
    span,
    nameSpan: { start: span.start, end: span.start + eq },
    valueSpan: { start: span.start + eq + 1, end: span.end },
  };
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
