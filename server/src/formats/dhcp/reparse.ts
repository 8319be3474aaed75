import type { Span } from '../../core/text';
import type { DhcpConfAst, DhcpIssue, DhcpStatement } from './ast';
import { anchorOf } from './anchored-span';
import { LazyStatement } from './lazy-statement';
import type { Anchor } from './anchored-span';
import { finishParse, MAX_ANALYSED_CHARS, newParseState, parseDhcpConf, readRegion } from './parser';
import { newParseMemo, stateSize, takeMemo } from './parse-memo';
import type { ParseMemo } from './parse-memo';
import { startsStatement } from './pieces';

/**
 * Parses a new version of a dhcpd.conf from the parse of the previous one: only the pieces (pieces.ts) the
 * edit touches are read again; the statements before them are kept as they are, and those after them are
 * moved, their offsets shifted by the edit's length. An edit in one host of a 20,000-host file reads about
 * 100 KB instead of 4.4 MB. The result is the tree a full parse gives (test/unit/formats/dhcp/reparse.test.ts
 * checks it on random edits); where that cannot be guaranteed (the edit declares or removes a class, key,
 * option or peer, or the state before it is not known), it is a full parse.
 *
 * `previous` is taken over: its later statements move into the new tree, so it must not be used afterwards.
 */
export function reparseDhcpConf(text: string, previous: { text: string; ast: DhcpConfAst }): DhcpConfAst {
  const memo = takeMemo(previous.ast);
  if (!memo || text.length > MAX_ANALYSED_CHARS) return parseDhcpConf(text);
  const plan = planReparse(previous.text, text, memo);
  return (plan && splice(text, previous.ast, memo, plan)) ?? parseDhcpConf(text);
}

/** The region read again: old pieces `first` to `last`, and where it starts and ends in both versions. */
interface Plan {
  readonly first: number;
  readonly last: number;
  readonly start: number;
  readonly oldEnd: number;
  readonly newEnd: number;
  readonly delta: number;
}

function planReparse(oldText: string, newText: string, memo: ParseMemo): Plan | undefined {
  const ends = memo.pieceEnds;
  if (ends.length === 0) return undefined;
  const prefix = commonPrefix(oldText, newText);
  const suffix = commonSuffix(oldText, newText, Math.min(oldText.length, newText.length) - prefix);
  const changeEnd = oldText.length - suffix;
  let touched = 0;
  while (touched < ends.length - 1 && ends[touched] <= prefix) touched++;
  // From the piece before the edit: whether that piece still ends between statements depends on what follows.
  const first = Math.max(0, touched - 1);
  let last = touched;
  while (last < ends.length - 1 && ends[last] < changeEnd) last++;
  const start = first === 0 ? 0 : ends[first - 1];
  const delta = newText.length - oldText.length;
  const oldEnd = last === ends.length - 1 ? oldText.length : ends[last];
  // The state the region starts with must be known: the initial one at the top of the file, else the final
  // one, when nothing changed it after that place. Nothing may change it after the region either.
  if (memo.lastStateChange > (start === 0 ? oldEnd : start)) return undefined;
  return { first, last, start, oldEnd, newEnd: oldEnd + delta, delta };
}

/** Blocks compared as strings first (a flat string compares like memory), then the block that differs. */
const BLOCK = 4096;

function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i + BLOCK <= n && a.slice(i, i + BLOCK) === b.slice(i, i + BLOCK)) i += BLOCK;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

function commonSuffix(a: string, b: string, max: number): number {
  let i = 0;
  while (
    i + BLOCK <= max &&
    a.slice(a.length - i - BLOCK, a.length - i) === b.slice(b.length - i - BLOCK, b.length - i)
  )
    i += BLOCK;
  while (i < max && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

/** The new tree, or undefined when the region does not read as a run of whole statements on its own. */
function splice(text: string, old: DhcpConfAst, memo: ParseMemo, plan: Plan): DhcpConfAst | undefined {
  // The region starts where a piece started; what follows that place may be the edit itself.
  if (plan.start > 0 && !startsStatement(text, plan.start)) return undefined;
  const headCount = plan.first === 0 ? 0 : memo.statementCounts[plan.first - 1];
  const tailFrom = memo.statementCounts[plan.last];
  const tail = old.statements.slice(tailFrom);
  // The sequence check of an `else` reads the statement before it, which the region may have changed.
  if (tail[0] && (tail[0].kind === 'else' || tail[0].kind === 'elsif')) return undefined;
  const anchors = anchorsOf(tail);
  if (!anchors) return undefined;
  const headIssues = old.issues.filter((i) => i.span.start < plan.start);
  const state = newParseState([], text);
  if (plan.start > 0) {
    for (const c of memo.classes) state.classes.add(c);
    for (const k of memo.keys) state.keys.add(k);
  }
  const before = stateSize(state);
  const statements = old.statements.slice(0, headCount);
  const comments = old.comments.filter((c) => c.start < plan.start);
  const next = newParseMemo();
  next.lastStateChange = memo.lastStateChange;
  next.pieceEnds.push(...memo.pieceEnds.slice(0, plan.first));
  next.statementCounts.push(...memo.statementCounts.slice(0, plan.first));
  const between = readRegion(text, plan.start, plan.newEnd, state, statements, comments, next);
  // The region must end where a statement may start, or the statements after it would read otherwise.
  if (plan.newEnd < text.length && !between) return undefined;
  // The statements after the region must meet the state they met before.
  if (!sameNames(state.classes, memo.classes) || !sameNames(state.keys, memo.keys)) return undefined;
  if (state.peers.size > 0 || state.declaredOptions.length > 0 || state.declaredSpaces.length > 0)
    return undefined;
  if (stateSize(state) !== before) next.lastStateChange = plan.newEnd;
  const splice: DhcpSplice = {
    start: plan.start,
    removed: old.statements.slice(headCount, tailFrom),
    added: statements.slice(headCount),
  };
  // Taken before any offset moves: the old tree's issues and includes are placed by their old offsets.
  const tailIssues = old.issues.filter((i) => i.span.start >= plan.oldEnd).map((i) => movedIssue(i, plan));
  const tailIncludes = old.includes.filter((w) => w.span.start >= plan.oldEnd);
  const headIncludes = old.includes.filter((w) => w.span.start < plan.start);
  for (const anchor of anchors) {
    anchor.base += plan.delta;
    anchor.source = text;
  }
  // The statements before the region are where they were, in the new text (their words are read from it).
  for (let i = 0; i < headCount; i++) {
    const anchor = statementAnchor(statements[i]);
    if (anchor) anchor.source = text;
  }
  const added = statements.length - tailFrom;
  for (const s of tail) statements.push(s);
  for (const c of old.comments) if (c.start >= plan.oldEnd) comments.push(moved(c, plan.delta));
  for (let i = plan.last + 1; i < memo.pieceEnds.length; i++) {
    next.pieceEnds.push(memo.pieceEnds[i] + plan.delta);
    next.statementCounts.push(memo.statementCounts[i] + added);
  }
  state.includes.unshift(...headIncludes);
  state.includes.push(...tailIncludes);
  state.issues.unshift(...headIssues);
  state.issues.push(...tailIssues);
  const ast = finishParse(text, state, statements, comments, next);
  SPLICES.set(ast, splice);
  return ast;
}

/**
 * What a reparse replaced: the old tree's top-level statements of the region and the new ones, which start
 * at `start` (the model is rebuilt for those only, model-splice.ts).
 */
export interface DhcpSplice {
  readonly start: number;
  readonly removed: readonly DhcpStatement[];
  readonly added: readonly DhcpStatement[];
}

const SPLICES = new WeakMap<DhcpConfAst, DhcpSplice>();

/** What the reparse that made `ast` replaced, if a reparse made it. */
export function spliceOf(ast: DhcpConfAst): DhcpSplice | undefined {
  return SPLICES.get(ast);
}

function sameNames(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

function moved(span: Span, delta: number): Span {
  return { start: span.start + delta, end: span.end + delta };
}

/** A copy of a later issue at its new place (a fix that inserts at the top of the file stays there). */
function movedIssue(issue: DhcpIssue, plan: Plan): DhcpIssue {
  const fix = issue.fix;
  return {
    ...issue,
    span: moved(issue.span, plan.delta),
    fix: fix && fix.span.start >= plan.oldEnd ? { ...fix, span: moved(fix.span, plan.delta) } : fix,
  };
}

/** The anchor a top-level statement's spans count from, if it has one. */
function statementAnchor(s: DhcpStatement): Anchor | undefined {
  return s instanceof LazyStatement ? s.anchor : anchorOf(s.span);
}

/**
 * The anchors the spans of these top-level statements count from (anchored-span.ts), each once: moving the
 * statements is one addition per anchor. Statements read from one raw statement (a missing `;` splits it)
 * share one. Undefined if one has none (it was not read as a top-level statement: then parse afresh).
 */
function anchorsOf(statements: readonly DhcpStatement[]): Anchor[] | undefined {
  const anchors: Anchor[] = [];
  let last: Anchor | undefined;
  for (const s of statements) {
    const anchor = statementAnchor(s);
    if (!anchor) return undefined;
    if (anchor !== last) anchors.push(anchor);
    last = anchor;
  }
  return anchors;
}
