import { EmbeddedActionsParser } from 'chevrotain';
import type { IToken } from 'chevrotain';
import { Blank, Comma, Dash, EXPORTS_TOKENS, LParen, OtherChar, RParen, Word } from './tokens';

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

const PARSER = new ExportLineParser();

/** The outcome of parsing one logical line. */
export interface LineParse {
  readonly line: RawLine | undefined;
  /** The first token the grammar could not place (the grammar is total, so this is a safety net). */
  readonly errorToken: IToken | undefined;
}

/** Parses the tokens of one logical line (no line breaks, no comments); never throws. */
export function parseExportLine(tokens: IToken[]): LineParse {
  PARSER.input = tokens;
  const line = PARSER.line();
  const error = PARSER.errors[0];
  if (error) return { line: undefined, errorToken: error.token };
  return { line, errorToken: undefined };
}
