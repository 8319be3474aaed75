import type { DhcpConfAst, DhcpIssue, DhcpStatement } from './ast';
import type { ParseState } from './head-reader';
import type { IToken } from 'chevrotain';
import type { Span } from '../../core/text';
import { tokenSpan } from './lexer';
import { DhcpOptionTable } from './option-table';
import { SERVER_PARAMETERS } from './options';
import { interpretInto } from './statements';
import { checkPeers } from './declaration-checks';
import { endsBetweenStatements, isClosedString, lexPiece, nextPiece, startsStatement } from './pieces';
import { readQuickPiece } from './quick-reader';
import type { LexedPiece } from './pieces';
import { keepMemo, newParseMemo, notePiece, stateSize } from './parse-memo';
import type { ParseMemo } from './parse-memo';
import { StringLiteral } from './tokens';
import { readStructure } from './structure';
import { HeadTable } from './lazy-statement';

/**
 * Parses a dhcpd.conf (dhcpd.conf(5), ISC DHCP 4.4). Never throws and never stops at an error: like dhcpd,
 * which reports an error and goes on with the next statement, it returns the whole tree and every issue.
 * Issues are what `dhcpd -t` rejects; what dhcpd accepts but is probably a mistake is for the rules.
 */

/** Text beyond this many characters is not analysed (the workspace skips such files anyway). */
export const MAX_ANALYSED_CHARS = 16 * 1024 * 1024;

const ENUMS: ReadonlyMap<string, readonly string[]> = new Map(
  [...SERVER_PARAMETERS.values()].filter((s) => s.values).map((s) => [s.name, s.values ?? []]),
);

/** How to parse: `quick: false` reads every statement with the full reader (to test the quick one). */
export interface DhcpParseOptions {
  readonly quick?: boolean;
}

/** Parses a dhcpd.conf; never throws. */
export function parseDhcpConf(text: string, options: DhcpParseOptions = {}): DhcpConfAst {
  const issues: DhcpIssue[] = [];
  let analysed = text;
  if (text.length > MAX_ANALYSED_CHARS) {
    const cut = text.lastIndexOf('\n', MAX_ANALYSED_CHARS);
    analysed = text.slice(0, cut > 0 ? cut + 1 : MAX_ANALYSED_CHARS);
    issues.push({
      span: { start: analysed.length, end: analysed.length },
      message: `only the first ${Math.round(MAX_ANALYSED_CHARS / 1048576)} MB of this file are analysed`,
      kind: 'syntax',
    });
  }
  const state = newParseState(issues, analysed, options.quick ?? true);
  const statements: DhcpStatement[] = [];
  const comments: Span[] = [];
  const memo = newParseMemo();
  readRegion(analysed, 0, analysed.length, state, statements, comments, memo);
  return finishParse(text, state, statements, comments, memo);
}

/**
 * Reads `text[from, to)`, which starts between top-level statements, a piece at a time: runs of statements
 * the quick reader reads (quick-reader.ts), and between them pieces the full reader reads (pieces.ts: each
 * piece's tokens are read and dropped before the next is lexed). Returns whether the last piece ends between
 * statements (what a reparse needs where the region ends before the end of the text).
 */
export function readRegion(
  text: string,
  from: number,
  to: number,
  state: ParseState,
  statements: DhcpStatement[],
  comments: Span[],
  memo: ParseMemo,
): boolean {
  if (from === to) {
    const piece = lexPiece(text, from, to);
    readPiece(piece, state, statements, comments, memo);
    return endsBetweenStatements(piece, text);
  }
  let at = from;
  let between = false;
  while (at < to) {
    const quick = state.quick ? readQuickPiece(text, at, to, state, statements, comments, memo) : at;
    if (quick > at) {
      at = quick;
      // A quick piece ends after a whole statement, every brace closed and every string too.
      between = startsStatement(text, at);
      continue;
    }
    const piece = nextPiece(text, at, to) ?? lexPiece(text, at, to);
    readPiece(piece, state, statements, comments, memo);
    between = endsBetweenStatements(piece, text);
    at = piece.end;
  }
  return between;
}

/** The state of a parse at the start of a file. */
export function newParseState(issues: DhcpIssue[], source: string, quick = true): ParseState {
  return {
    source,
    quick,
    issues,
    table: new DhcpOptionTable(),
    declaredOptions: [],
    declaredSpaces: [],
    includes: [],
    classes: new Set(),
    keys: new Set(),
    peers: new Map(),
    enums: ENUMS,
  };
}

/** Reads one lexed piece's statements into `statements`, noting in `memo` where it ends. */
export function readPiece(
  piece: LexedPiece,
  state: ParseState,
  statements: DhcpStatement[],
  comments: Span[],
  memo: ParseMemo,
): void {
  const before = stateSize(state);
  for (const c of piece.comments) comments.push(c);
  const heads = new HeadTable();
  state.heads = heads;
  interpretInto(readStructure(piece.tokens, piece.end, state.issues), [], state, statements);
  heads.seal();
  state.heads = undefined;
  if (piece.unclosedString) checkStrings(piece.tokens, state.issues);
  notePiece(memo, piece.end, statements.length, stateSize(state) !== before);
}

/** The whole-file checks, the issues in order, and the tree. */
export function finishParse(
  text: string,
  state: ParseState,
  statements: DhcpStatement[],
  comments: Span[],
  memo: ParseMemo,
): DhcpConfAst {
  checkPeers(state);
  state.issues.sort((a, b) => a.span.start - b.span.start);
  const ast: DhcpConfAst = {
    statements,
    issues: state.issues,
    comments,
    declaredOptions: state.declaredOptions,
    declaredSpaces: state.declaredSpaces,
    includes: state.includes,
  };
  keepMemo(ast, memo, state, text.length <= MAX_ANALYSED_CHARS);
  return ast;
}

/** An unterminated string: dhcpd reads to the end of the file ("eof in string constant"). */
function checkStrings(tokens: readonly IToken[], issues: DhcpIssue[]): void {
  for (const t of tokens) {
    if (t.tokenType !== StringLiteral || isClosedString(t.image)) continue;
    issues.push({ span: tokenSpan(t), message: 'unterminated string: no closing "', kind: 'syntax' });
  }
}
