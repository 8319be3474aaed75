import type { IToken } from 'chevrotain';
import { suggestFitting } from './suggest';
import type { Span } from '../../core/text';
import type { DhcpStatement, DhcpStatementKind } from './ast';
import { handlerOf, statementKeywords } from './declarations';
import { HeadReader, wordOf } from './head-reader';
import type { ParseState } from './head-reader';
import type { StatementHandler } from './handlers';
import { tokenEnd, tokenSpan } from './lexer';
import { readAnchored, spanAt } from './anchored-span';
import { lazyAnchor, madeStatement } from './made-statement';
import { statementSpan } from './structure';
import type { RawStatement } from './structure';
import { looseBody } from './loose-bodies';
import { Atom } from './tokens';
import { checkDeclaration } from './declaration-checks';

/**
 * Turns raw statements into typed ones, in file order, as dhcpd's recursive-descent parser does
 * (server/confpars.c `parse_statement`): the keyword picks a handler, the handler reads the head, then the
 * statement must end the way its kind ends (`;` or a body) and stand where its kind may stand. A broken
 * statement is reported once, at the token dhcpd would name, and reading goes on with the next one.
 */

const KIND_OF_CONTEXT: Partial<Record<DhcpStatementKind, string>> = {
  subnet: 'subnet',
  'shared-network': 'shared-network',
  group: 'group',
  host: 'host',
  pool: 'pool',
  class: 'class',
  subclass: 'class',
  failover: 'failover',
  key: 'key',
  zone: 'zone',
};

/** Interprets the statements of one block; `stack` lists the enclosing contexts, innermost last. */
export function interpretBlock(
  raws: readonly RawStatement[],
  stack: readonly string[],
  state: ParseState,
): DhcpStatement[] {
  const out: DhcpStatement[] = [];
  interpretInto(raws, stack, state, out);
  checkBlockContents(out, stack, state);
  // An exact copy: the pushed-to array keeps spare room, and a large file has a body per host.
  return out.slice();
}

/** Interprets statements after those already in `out` (the one before a statement is `out`'s last). */
export function interpretInto(
  raws: readonly RawStatement[],
  stack: readonly string[],
  state: ParseState,
  out: DhcpStatement[],
): void {
  if (stack.length > 0) {
    for (const raw of raws) interpretStatement(raw, stack, state, out[out.length - 1], out);
    return;
  }
  // A top-level statement's spans count from its own anchor, which a reparse moves (anchored-span.ts).
  for (const raw of raws)
    readAnchored(state.source, () => interpretStatement(raw, stack, state, out[out.length - 1], out));
}

/**
 * A head that runs on after a complete statement is split (see `splitAtMissingSemicolon`) and the rest read
 * again; a head of garbage (`host host host …` for a megabyte) would split without end, so after this many
 * pieces the rest is reported and left unread, like dhcpd's `skip_to_semi`.
 */
const MAX_PIECES = 64;

/**
 * One raw statement, read piece by piece (a loop, not recursion: the number of pieces depends on the
 * input, and each rest is sliced off once, so the work is linear in the pieces read).
 */
function interpretStatement(
  raw: RawStatement,
  stack: readonly string[],
  state: ParseState,
  previous: DhcpStatement | undefined,
  out: DhcpStatement[],
): void {
  let current: RawStatement | undefined = raw;
  for (let pieces = 1; current; pieces++) {
    const before = out.length;
    current = interpretPiece(current, stack, state, previous, out);
    for (let k = before; k < out.length; k++) noteInclude(out[k], state);
    if (current && pieces >= MAX_PIECES) {
      state.issues.push({
        span: tokenSpan(current.head[0]),
        message: `more than ${MAX_PIECES} statements run together without ';': the rest of this one is not analysed`,
        kind: 'syntax',
      });
      current = undefined;
    }
  }
}

/** Keeps the file an include names (the workspace loads included files by that reference). */
function noteInclude(s: DhcpStatement, state: ParseState): void {
  if (s.kind === 'include' && s.path && !state.trial) state.includes.push(s.path);
}

/**
 * Reads a piece of a raw statement into `out`; returns the rest to read next when a ';' is missing in its
 * head.
 */
function interpretPiece(
  raw: RawStatement,
  stack: readonly string[],
  state: ParseState,
  previous: DhcpStatement | undefined,
  out: DhcpStatement[],
): RawStatement | undefined {
  const first = raw.head[0];
  if (!first) {
    const at = raw.open ? tokenSpan(raw.open) : { start: 0, end: 0 };
    state.issues.push({ span: at, message: "a '{' with no declaration before it", kind: 'syntax' });
    return undefined;
  }
  const keyword = first.image.toLowerCase();
  const handler = first.tokenType === Atom ? handlerOf(keyword) : undefined;
  // Trial readings (for spelling fixes) are made only from a real reading, never from another trial. The
  // head is read before the body, so this statement's trial is the one in force while it is read (set on the
  // state, not on a copy of it: a copy per statement is most of the parse of a 20,000-host file).
  if (!state.trial) noteReading(state, raw, stack, previous);
  if (!handler) {
    out.push(unknownStatement(raw, first, state));
    return undefined;
  }
  const r = new HeadReader(raw.head, state, lazyAnchor(state) !== undefined);
  const context = stack[stack.length - 1] ?? 'root';
  const misplaced = handler.contexts && !placeAllowed(keyword, handler, stack);
  if (misplaced) r.fail(first, handler.misplaced ?? `'${first.image}' is not allowed here`);
  const result = handler.read(r);
  const leftover = !r.failed && !r.atEnd() ? r.peek() : undefined;
  if (leftover) return splitAtMissingSemicolon(raw, r, result, leftover, stack, state, previous, out);
  if (!r.failed) checkEnding(raw, handler, r);
  if (!r.failed) checkSequence(result.kind, first, previous, state);
  const kind = result.kind === 'elsif' || (keyword === 'else' && raw.head.length > 1) ? 'elsif' : result.kind;
  const innerContext = KIND_OF_CONTEXT[kind] ?? (context === 'root' ? 'root-block' : context);
  if (kind === 'failover' && result.name)
    notePeer(result.name.text, result.name.span, raw.open !== undefined, state);
  const body = raw.body ? interpretBody(raw, kind, [...stack, innerContext], state) : undefined;
  const statement = madeStatement(raw, r, result, kind, body, state);
  checkDeclaration(statement, state);
  out.push(statement);
  return undefined;
}

function interpretBody(
  raw: RawStatement,
  kind: DhcpStatementKind,
  stack: readonly string[],
  state: ParseState,
): DhcpStatement[] {
  // The bodies of keys, zones and failover peers have their own small languages: read loosely.
  if (kind === 'key' || kind === 'zone' || kind === 'failover') return looseBody(raw, kind, state);
  return interpretBlock(raw.body ?? [], stack, state);
}

/** Whether a placed keyword may stand in the innermost enclosing declaration. */
function placeAllowed(keyword: string, handler: StatementHandler, stack: readonly string[]): boolean {
  // `root-block` (an `if` at the top level) is no scope of its own. Loops, not filtered copies: this runs
  // for every statement of the file.
  let inner = 'root';
  for (let i = stack.length - 1; i >= 0; i--) {
    if (stack[i] === 'root-block') continue;
    inner = stack[i];
    break;
  }
  if (keyword === 'pool')
    return inner !== 'pool' && (stack.includes('subnet') || stack.includes('shared-network'));
  if (keyword === 'host') return !stack.includes('host') && !stack.includes('class');
  return handler.contexts?.includes(inner) ?? true;
}

/**
 * A statement whose head goes on after a complete statement: a `;` is missing. dhcpd names the token that
 * follows; the rest is returned to be read again as the next statement so that it is still analysed.
 */
function splitAtMissingSemicolon(
  raw: RawStatement,
  r: HeadReader,
  result: ReturnType<StatementHandler['read']>,
  leftover: IToken,
  stack: readonly string[],
  state: ParseState,
  previous: DhcpStatement | undefined,
  out: DhcpStatement[],
): RawStatement | undefined {
  const last = raw.head[r.pos - 1];
  const end = tokenEnd(last);
  const startsStatement =
    leftover.tokenType === Atom && handlerOf(leftover.image.toLowerCase()) !== undefined;
  const rest: RawStatement = { ...raw, head: raw.head.slice(r.pos) };
  // A ';' helps only if what follows then reads as a statement of its own: before any other word it makes
  // that word an unknown statement, and `host db1` with no body is no better (its body is not judged here).
  const fixes = startsStatement && !state.trial && readsCleanly(rest, stack, state, previous);
  state.issues.push({
    span: tokenSpan(leftover),
    message: `missing ';' after '${last.image}' (dhcpd: semicolon expected before '${leftover.image}')`,
    kind: 'syntax',
    fix: fixes ? { title: "Insert ';'", span: { start: end, end }, newText: ';' } : undefined,
  });
  const head = raw.head.slice(0, r.pos);
  const first: DhcpStatement = {
    ...result,
    span: spanAt(head[0].startOffset, end),
    keyword: wordOf(head[0]),
    words: head.slice(1).map(wordOf),
  };
  // A trial reading has its answer (this is a syntax error) and stops here: reading the rest in every trial
  // would make a head with many missing ';' quadratic.
  out.push(first);
  if (!startsStatement || state.trial) return undefined;
  // dhcpd skips to the next ';' here; reading the rest as the next statement keeps it analysed.
  return rest;
}

function checkEnding(raw: RawStatement, handler: StatementHandler, r: HeadReader): void {
  const last = raw.head[raw.head.length - 1];
  if (handler.ends === 'semicolon' && raw.open) {
    r.fail(
      raw.open,
      `missing ';' after '${last.image}': '${r.keyword.image}' is a statement, not a declaration with a body`,
    );
  } else if (handler.ends === 'block' && raw.semicolon) {
    r.fail(
      raw.semicolon,
      `expected '{' after '${last.image}': '${r.keyword.image}' declarations have a body in braces`,
    );
  } else if (raw.unterminatedAt && !raw.open && !raw.semicolon) {
    const end = tokenSpan(last).end;
    const expected = handler.ends === 'block' ? "'{'" : "';'";
    r.fail(
      undefined,
      `missing ${expected} after '${last.image}'`,
      'syntax',
      handler.ends === 'block' ? undefined : { title: "Insert ';'", span: { start: end, end }, newText: ';' },
    );
    const at = r.state.issues[r.state.issues.length - 1];
    r.state.issues[r.state.issues.length - 1] = {
      ...at,
      span: raw.unterminatedAt.end > raw.unterminatedAt.start ? raw.unterminatedAt : at.span,
    };
  }
}

function checkSequence(
  kind: DhcpStatementKind,
  first: IToken,
  previous: DhcpStatement | undefined,
  state: ParseState,
): void {
  if ((kind === 'elsif' || kind === 'else') && previous?.kind !== 'if' && previous?.kind !== 'elsif') {
    state.issues.push({
      span: tokenSpan(first),
      message: `'${first.image}' without an 'if' before it`,
      kind: 'syntax',
    });
  }
}

function notePeer(name: string, span: Span, declaration: boolean, state: ParseState): void {
  const key = name.toLowerCase();
  const peer = state.peers.get(key);
  if (declaration) {
    if (!peer) state.peers.set(key, { span, used: false });
  } else if (peer) peer.used = true;
  else state.peers.set(key, { span, used: true });
}

/**
 * Notes the statement whose head is read next, for `renames`: one object and one function for the whole
 * parse, updated in place (a closure per statement was two objects for each of a large file's statements).
 */
function noteReading(
  state: ParseState,
  raw: RawStatement,
  stack: readonly string[],
  previous: DhcpStatement | undefined,
): void {
  const reading = state.reading;
  if (!reading) state.reading = { raw, stack, previous };
  else {
    reading.raw = raw;
    reading.stack = stack;
    reading.previous = previous;
  }
  state.renames ??= (token, image) => readsRenamed(state, token, image);
}

/**
 * Reads the statement being read again with one token written differently, in a scratch state (no issues,
 * declarations or names leak into the real one; the body is left out, it does not change with the head):
 * whether it then reads without a syntax error.
 */
function readsRenamed(state: ParseState, token: IToken, image: string): boolean {
  if (!state.reading) return false;
  const { raw, stack, previous } = state.reading;
  const head = raw.head.map((t) => (t === token ? { ...t, image } : t));
  return readsCleanly({ ...raw, head }, stack, state, previous);
}

/** Whether the head of `raw` reads without a syntax error, read in a scratch state (its body left out). */
function readsCleanly(
  raw: RawStatement,
  stack: readonly string[],
  state: ParseState,
  previous: DhcpStatement | undefined,
): boolean {
  const scratch: ParseState = {
    ...state,
    issues: [],
    table: state.table.scratch(),
    declaredOptions: [],
    declaredSpaces: [],
    includes: [],
    classes: new Set(state.classes),
    keys: new Set(state.keys),
    peers: new Map(state.peers),
    renames: undefined,
    trial: true,
  };
  interpretStatement({ ...raw, body: raw.body ? [] : undefined }, stack, scratch, previous, []);
  return !scratch.issues.some((i) => i.kind === 'syntax');
}

function unknownStatement(raw: RawStatement, first: IToken, state: ParseState): DhcpStatement {
  const span = statementSpan(raw);
  const renames = state.renames;
  const fits = renames && first.tokenType === Atom ? (image: string) => renames(first, image) : undefined;
  // A trial reading only asks whether the head reads: it needs no suggestion of its own.
  const suggestion =
    first.tokenType === Atom && !state.trial
      ? suggestFitting(first.image, statementKeywords(), fits)
      : undefined;
  const statement: DhcpStatement = {
    kind: 'other',
    span,
    keyword: wordOf(first),
    words: raw.head.slice(1).map(wordOf),
    suggestion,
  };
  // `word;` alone is accepted by dhcpd 4.4.3 (it reads it as an expression statement); the rule layer warns.
  if (first.tokenType === Atom && raw.head.length === 1 && raw.semicolon) return statement;
  state.issues.push({
    span: tokenSpan(first),
    message:
      first.tokenType === Atom
        ? `'${first.image}' is not a dhcpd.conf statement or declaration${suggestion ? `: did you mean '${suggestion}'?` : ''}`
        : `expected a parameter or declaration but found '${first.image}'`,
    kind: 'syntax',
    fix: suggestion
      ? { title: `Rename to '${suggestion}'`, span: tokenSpan(first), newText: suggestion }
      : undefined,
  });
  return statement;
}

/** Checks on a finished block: one hardware and one fixed-address per host, a range in every pool. */
function checkBlockContents(
  statements: readonly DhcpStatement[],
  stack: readonly string[],
  state: ParseState,
): void {
  const inner = stack[stack.length - 1];
  if (inner !== 'host') return;
  reportSeconds(statements, 'hardware', state);
  reportSeconds(statements, 'fixed-address', state);
}

/** Every statement of `kind` after the first (a loop, no lists: it runs for every host of a file). */
function reportSeconds(
  statements: readonly DhcpStatement[],
  kind: 'hardware' | 'fixed-address',
  state: ParseState,
): void {
  let seen = false;
  for (const s of statements) {
    if (s.kind !== kind) continue;
    if (seen)
      state.issues.push({
        span: s.keyword.span,
        message: `a host takes one '${kind}' statement; this is a second one (dhcpd rejects it)`,
        kind: 'syntax',
      });
    seen = true;
  }
}
