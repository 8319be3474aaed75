import { EmbeddedActionsParser } from 'chevrotain';
import type { IToken, TokenType } from 'chevrotain';
import {
  Blank,
  Comma,
  Continuation,
  Dash,
  EXPORTS_TOKENS,
  LParen,
  OtherChar,
  RParen,
  WhiteSpace,
  Word,
} from './tokens';

/** An option list as the grammar reads it: its opening token, the words and commas, the `)` if any. */
export interface RawOptionList {
  readonly open: IToken;
  readonly parts: readonly IToken[];
  readonly close: IToken | undefined;
}

/** One word after the path: a `-defaults` list, or a client with optional options and stray text. */
export type RawItem =
  | { readonly kind: 'defaults'; readonly list: RawOptionList; readonly stray: readonly IToken[] }
  | {
      readonly kind: 'client';
      readonly host: readonly IToken[];
      readonly list: RawOptionList | undefined;
      /** Text glued after the `)` (`host(rw)x`): exportfs calls the list bad. */
      readonly stray: readonly IToken[];
    };

/** A logical line: the path's tokens, then each item with the blanks before it. */
export interface RawLine {
  readonly path: readonly IToken[];
  readonly items: readonly { readonly gap: readonly IToken[]; readonly item: RawItem }[];
}

/**
 * The grammar of one export line (exports(5); exportfs's reader, support/nfs/exports.c `getexportent`):
 *
 *   line    := Blank* path (Blank+ item?)*
 *   path    := piece+                      -- every token up to the first blank
 *   item    := Dash options piece*         -- `-rw,sync`: defaults for the rest of the line
 *            | host+ group? piece*         -- `host(opts)`; a `(` after a blank starts a new item
 *            | group piece*                -- `(opts)` with no host: exportfs exports to the world
 *   group   := '(' options ')'?
 *   options := (Word | ',')*
 *
 * Blanks are tokens here (not skipped) because they carry meaning: `host (rw)` is two items.
 */
class ExportLineParser extends EmbeddedActionsParser {
  constructor() {
    super(EXPORTS_TOKENS, { recoveryEnabled: false, maxLookahead: 1 });
    this.performSelfAnalysis();
  }

  public line = this.RULE('line', (): RawLine => {
    const items: { gap: IToken[]; item: RawItem }[] = [];
    this.MANY(() => this.CONSUME(Blank));
    const path = this.SUBRULE(this.pieces);
    this.MANY2(() => {
      const gap: IToken[] = [];
      this.AT_LEAST_ONE(() => gap.push(this.CONSUME2(Blank)));
      this.OPTION(() => {
        const item = this.SUBRULE(this.item);
        items.push({ gap, item });
      });
    });
    return { path, items };
  });

  private pieces = this.RULE('pieces', (): IToken[] => {
    const tokens: IToken[] = [];
    this.AT_LEAST_ONE(() => tokens.push(this.SUBRULE(this.piece)));
    return tokens;
  });

  private piece = this.RULE('piece', (): IToken => {
    return this.OR([
      { ALT: () => this.CONSUME(Word) },
      { ALT: () => this.CONSUME(LParen) },
      { ALT: () => this.CONSUME(RParen) },
      { ALT: () => this.CONSUME(Comma) },
      { ALT: () => this.CONSUME(Dash) },
      { ALT: () => this.CONSUME(OtherChar) },
    ]);
  });

  private item = this.RULE('item', (): RawItem => {
    return this.OR([
      {
        ALT: () => {
          const open = this.CONSUME(Dash);
          const parts = this.SUBRULE(this.options);
          const stray = this.SUBRULE(this.stray);
          return { kind: 'defaults', list: { open, parts, close: undefined }, stray } as RawItem;
        },
      },
      {
        ALT: () => {
          const list = this.SUBRULE(this.group);
          const stray = this.SUBRULE2(this.stray);
          return { kind: 'client', host: [], list, stray } as RawItem;
        },
      },
      {
        ALT: () => {
          const host: IToken[] = [];
          this.AT_LEAST_ONE(() => host.push(this.SUBRULE(this.hostPiece)));
          const list = this.OPTION(() => this.SUBRULE2(this.group));
          const stray = this.SUBRULE3(this.stray);
          return { kind: 'client', host, list, stray } as RawItem;
        },
      },
    ]);
  });

  private hostPiece = this.RULE('hostPiece', (): IToken => {
    return this.OR([
      { ALT: () => this.CONSUME(Word) },
      { ALT: () => this.CONSUME(RParen) },
      { ALT: () => this.CONSUME(Comma) },
      { ALT: () => this.CONSUME(OtherChar) },
    ]);
  });

  private stray = this.RULE('stray', (): IToken[] => {
    const tokens: IToken[] = [];
    this.MANY(() => tokens.push(this.SUBRULE(this.piece)));
    return tokens;
  });

  private group = this.RULE('group', (): RawOptionList => {
    const open = this.CONSUME(LParen);
    const parts = this.SUBRULE(this.options);
    const close = this.OPTION(() => this.CONSUME(RParen));
    return { open, parts, close };
  });

  private options = this.RULE('options', (): IToken[] => {
    const parts: IToken[] = [];
    this.MANY(() =>
      parts.push(this.OR([{ ALT: () => this.CONSUME(Word) }, { ALT: () => this.CONSUME(Comma) }])),
    );
    return parts;
  });
}

// Built when a line first needs it: `readLine` reads every line the grammar accepts.
let parser: ExportLineParser | undefined;

/** The outcome of parsing one logical line. */
export interface LineParse {
  readonly line: RawLine | undefined;
  /** The first token the grammar could not place (the grammar is total, so this is a safety net). */
  readonly errorToken: IToken | undefined;
}

/** Parses the tokens of one logical line (no line breaks, no comments); never throws. */
export function parseExportLine(tokens: IToken[]): LineParse {
  const line = readLine(tokens);
  return line ? { line, errorToken: undefined } : parseExportLineByGrammar(tokens);
}

/** The same, always by the Chevrotain grammar (the reference `readLine` is tested against). */
export function parseExportLineByGrammar(tokens: IToken[]): LineParse {
  parser ??= new ExportLineParser();
  parser.input = tokens;
  const line = parser.line();
  const error = parser.errors[0];
  if (error) return { line: undefined, errorToken: error.token };
  return { line, errorToken: undefined };
}

/**
 * The grammar above read by hand, with its decisions (every repetition takes all it can, as Chevrotain's
 * do) and the same objects, without a Chevrotain run per line, which cost more than the rest of reading an
 * exports file (issue 6). Undefined where the grammar would fail (a line of blanks only).
 */
function readLine(tokens: readonly IToken[]): RawLine | undefined {
  const c: Cursor = { tokens, at: 0 };
  while (isBlankAt(c)) c.at++;
  if (!isPieceAt(c)) return undefined;
  const path = takeWhile(c, isPieceAt);
  const items: { gap: IToken[]; item: RawItem }[] = [];
  while (isBlankAt(c)) {
    const gap = takeWhile(c, isBlankAt);
    if (isPieceAt(c)) items.push({ gap, item: readItem(c) });
  }
  return c.at === tokens.length ? { path, items } : undefined;
}

/** Tokens and the index of the next one to read. */
interface Cursor {
  readonly tokens: readonly IToken[];
  at: number;
}

function typeAt(c: Cursor): TokenType | undefined {
  return c.tokens[c.at]?.tokenType;
}

function isBlankAt(c: Cursor): boolean {
  const type = typeAt(c);
  return type === WhiteSpace || type === Continuation;
}

/** `piece`: any token of a line but a blank. */
function isPieceAt(c: Cursor): boolean {
  const type = typeAt(c);
  return (
    type === Word ||
    type === LParen ||
    type === RParen ||
    type === Comma ||
    type === Dash ||
    type === OtherChar
  );
}

/** `hostPiece`: a piece but `-` and `(`. */
function isHostPieceAt(c: Cursor): boolean {
  const type = typeAt(c);
  return type === Word || type === RParen || type === Comma || type === OtherChar;
}

/** `options`: words and commas. */
function isOptionPartAt(c: Cursor): boolean {
  const type = typeAt(c);
  return type === Word || type === Comma;
}

function takeWhile(c: Cursor, test: (c: Cursor) => boolean): IToken[] {
  const taken: IToken[] = [];
  while (test(c)) taken.push(c.tokens[c.at++]);
  return taken;
}

function readItem(c: Cursor): RawItem {
  const type = typeAt(c);
  if (type === Dash) {
    const open = c.tokens[c.at++];
    const parts = takeWhile(c, isOptionPartAt);
    return { kind: 'defaults', list: { open, parts, close: undefined }, stray: takeWhile(c, isPieceAt) };
  }
  if (type === LParen) {
    const list = readGroup(c);
    return { kind: 'client', host: [], list, stray: takeWhile(c, isPieceAt) };
  }
  const host = takeWhile(c, isHostPieceAt);
  const list = typeAt(c) === LParen ? readGroup(c) : undefined;
  return { kind: 'client', host, list, stray: takeWhile(c, isPieceAt) };
}

/** `group`: `(`, options, and the `)` if there is one. */
function readGroup(c: Cursor): RawOptionList {
  const open = c.tokens[c.at++];
  const parts = takeWhile(c, isOptionPartAt);
  const close = typeAt(c) === RParen ? c.tokens[c.at++] : undefined;
  return { open, parts, close };
}
