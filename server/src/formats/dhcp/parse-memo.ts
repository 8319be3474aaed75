import type { DhcpConfAst } from './ast';
import type { ParseState } from './head-reader';

/**
 * What a parse of a dhcpd.conf remembers for the parse of the file's next version (reparse.ts): where its
 * pieces end and what state the parse had. Kept beside the tree (a WeakMap), not in it: the tree's
 * consumers never see it, and it goes when the tree goes.
 */
export interface ParseMemo {
  /** Where each piece ends, in order. */
  readonly pieceEnds: number[];
  /** How many top-level statements are read once each piece is. */
  readonly statementCounts: number[];
  /** The end of the last piece that changed the parse state (declared a class, key, option, space or peer). */
  lastStateChange: number;
  /** Whether a reparse may start from this parse (see `keepMemo`). */
  usable: boolean;
  /** Class and key names declared in the file. */
  classes: ReadonlySet<string>;
  keys: ReadonlySet<string>;
}

const MEMOS = new WeakMap<DhcpConfAst, ParseMemo>();

/** An empty memo for a parse that starts. */
export function newParseMemo(): ParseMemo {
  return {
    pieceEnds: [],
    statementCounts: [],
    lastStateChange: -1,
    usable: false,
    classes: new Set(),
    keys: new Set(),
  };
}

/**
 * How much state a parse has gathered. The state only grows (names are added, never removed), so a piece
 * changed it exactly when this number changed while it was read.
 */
export function stateSize(state: ParseState): number {
  return (
    state.classes.size +
    state.keys.size +
    state.peers.size +
    state.declaredOptions.length +
    state.declaredSpaces.length
  );
}

/** Notes a piece read: where it ends, how many statements there are now, whether it changed the state. */
export function notePiece(memo: ParseMemo, end: number, statements: number, changedState: boolean): void {
  memo.pieceEnds.push(end);
  memo.statementCounts.push(statements);
  if (changedState) memo.lastStateChange = end;
}

/**
 * Keeps the memo of a finished parse. A reparse can only start from a file without failover peers (whether a
 * peer is used is known at the end of the file) and without declared options or option spaces (the option
 * table is not kept), and not from a file cut at the size limit.
 */
export function keepMemo(ast: DhcpConfAst, memo: ParseMemo, state: ParseState, whole: boolean): void {
  memo.usable =
    whole &&
    state.peers.size === 0 &&
    state.declaredOptions.length === 0 &&
    state.declaredSpaces.length === 0;
  memo.classes = state.classes;
  memo.keys = state.keys;
  MEMOS.set(ast, memo);
}

/**
 * Takes the memo of a tree for a reparse: once taken it is gone, since the reparse moves part of that tree
 * into the new one (a second reparse from the same tree would move it twice).
 */
export function takeMemo(ast: DhcpConfAst): ParseMemo | undefined {
  const memo = MEMOS.get(ast);
  MEMOS.delete(ast);
  return memo?.usable ? memo : undefined;
}
