import type { DhcpStatement, DhcpStatementKind, Word } from './ast';
import { currentAnchor, spanAt } from './anchored-span';
import type { Anchor } from './anchored-span';
import type { HandlerResult } from './handlers';
import { deferredStart } from './head-reader';
import type { HeadReader, ParseState } from './head-reader';
import { LazyStatement } from './lazy-statement';
import { tokenEnd } from './lexer';
import { statementEnd, statementSpan } from './structure';
import type { RawStatement } from './structure';

/**
 * The statement object a read statement becomes: lazy (lazy-statement.ts) where its piece keeps a head table,
 * plain (every word made) elsewhere.
 */

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * The anchor a statement read now would count from if it is made lazy: a top-level statement is being read
 * and its piece keeps a head table. The head reader defers values exactly when this holds, and the statement
 * is then lazy, so no marker of deferred values reaches a plain statement.
 */
export function lazyAnchor(state: ParseState): Anchor | undefined {
  return state.heads ? currentAnchor() : undefined;
}

/**
 * The statement a handler's result makes: a lazy one (lazy-statement.ts) when its piece keeps a head table
 * and a top-level statement is being read, else a plain one.
 */
export function madeStatement(
  raw: RawStatement,
  r: HeadReader,
  result: HandlerResult,
  kind: DhcpStatementKind,
  body: DhcpStatement[] | undefined,
  state: ParseState,
): DhcpStatement {
  const anchor = lazyAnchor(state);
  const heads = state.heads;
  if (!anchor || !heads) return plainStatement(raw, r, result as Mutable<HandlerResult>, kind, body);
  const to = statementEnd(raw);
  const bodyFrom = raw.open ? raw.open.startOffset : -1;
  const bodyTo = raw.close ? tokenEnd(raw.close) : to;
  const at = heads.add(raw.head, anchor.base, to, bodyFrom, bodyTo);
  const lazy = new LazyStatement(kind, body, anchor, heads, at);
  // The handler's result is a fresh object: its fields are the statement's own.
  const statement = Object.assign(lazy, result);
  statement.kind = kind;
  const start = result.values ? deferredStart(result.values) : -1;
  if (start > 0) statement.valuesFrom(start);
  const hardware = result.hardware;
  if (hardware?.mac !== undefined && hardware.type === r.madeWord(1) && hardware.address === r.madeWord(2))
    statement.hardwareFromHead(hardware.mac);
  return statement;
}

function plainStatement(
  raw: RawStatement,
  r: HeadReader,
  own: Mutable<HandlerResult>,
  kind: DhcpStatementKind,
  body: DhcpStatement[] | undefined,
): DhcpStatement {
  const span = statementSpan(raw);
  // The handler's result is a fresh object: completed in place rather than copied (a spread of objects of
  // many shapes, once per statement, was most of the parse of a 20,000-host file).
  const words = r.wordsBetween(1, raw.head.length, false);
  // A parameter's values are often its words: one array for both (40,000 fewer in a 20,000-host file).
  if (own.values && sameWords(own.values, words)) own.values = words;
  return Object.assign(own, {
    kind,
    span,
    keyword: r.wordAt(0),
    words,
    body,
    bodySpan: raw.open ? spanAt(raw.open.startOffset, raw.close ? tokenEnd(raw.close) : span.end) : undefined,
  });
}

function sameWords(a: readonly Word[], b: readonly Word[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
