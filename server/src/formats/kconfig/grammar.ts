import { EmbeddedActionsParser } from 'chevrotain';
import type { IToken, TokenType } from 'chevrotain';
import {
  Assignment,
  Comment,
  Equals,
  KCONFIG_TOKENS,
  Newline,
  NotSet,
  OtherText,
  Symbol,
  WhiteSpace,
} from './tokens';

/** One line as the grammar reads it, before its value is classified. */
export type RawLine =
  | { readonly kind: 'assignment'; readonly token: IToken }
  | { readonly kind: 'symbol'; readonly symbol: IToken; readonly stray: readonly IToken[] }
  | { readonly kind: 'not-set'; readonly token: IToken; readonly stray: readonly IToken[] }
  | { readonly kind: 'comment'; readonly token: IToken }
  | { readonly kind: 'junk'; readonly tokens: readonly IToken[] };

const ANY_TYPES: readonly TokenType[] = [WhiteSpace, OtherText, Equals, Symbol, Assignment, Comment, NotSet];

/**
 * The grammar of a `.config` (scripts/kconfig/confdata.c `conf_read_simple`):
 *
 *   file       := (line? Newline)* line?
 *   line       := NotSet stray*      -- `# CONFIG_X is not set`
 *               | Comment            -- any other `#` line
 *               | Assignment         -- `CONFIG_X=value`, one token to the end of the line
 *               | Symbol stray*      -- `CONFIG_X` without `=` right after it: conf ignores the line
 *               | junk+              -- conf: "unexpected data"
 *
 * The grammar is total: every token sequence parses, and the parser decides what each line means.
 */
class KconfigGrammar extends EmbeddedActionsParser {
  // Alternatives built once: Chevrotain's OR takes the same array on every call (a new array per call
  // costs an allocation per token on 10,000-line files).
  private readonly anyAlts = ANY_TYPES.map((t) => ({ ALT: () => this.CONSUME(t) }));
  private readonly junkAlts = [WhiteSpace, OtherText, Equals].map((t) => ({ ALT: () => this.CONSUME(t) }));

  constructor() {
    super(KCONFIG_TOKENS, { recoveryEnabled: false, maxLookahead: 1 });
    this.performSelfAnalysis();
  }

  public file = this.RULE('file', (): RawLine[] => {
    const lines: RawLine[] = [];
    this.MANY(() =>
      this.OR([
        { ALT: () => void this.CONSUME(Newline) },
        { ALT: () => void lines.push(this.SUBRULE(this.line)) },
      ]),
    );
    return lines;
  });

  private line = this.RULE('line', (): RawLine => {
    return this.OR([
      { ALT: () => ({ kind: 'assignment', token: this.CONSUME(Assignment) }) as RawLine },
      {
        ALT: () => {
          const token = this.CONSUME(NotSet);
          return { kind: 'not-set', token, stray: this.SUBRULE(this.stray) } as RawLine;
        },
      },
      { ALT: () => ({ kind: 'comment', token: this.CONSUME(Comment) }) as RawLine },
      {
        ALT: () => {
          const symbol = this.CONSUME(Symbol);
          return { kind: 'symbol', symbol, stray: this.SUBRULE2(this.stray) } as RawLine;
        },
      },
      {
        ALT: () => {
          const first = this.OR2(this.junkAlts);
          return { kind: 'junk', tokens: [first].concat(this.SUBRULE3(this.stray)) } as RawLine;
        },
      },
    ]);
  });

  private stray = this.RULE('stray', (): IToken[] => {
    const tokens: IToken[] = [];
    this.MANY(() => tokens.push(this.OR(this.anyAlts)));
    return tokens;
  });
}

const GRAMMAR = new KconfigGrammar();

/** The lines of a token stream; the first token the grammar could not place, if any (a safety net). */
export function parseKconfigLines(tokens: readonly IToken[]): {
  lines: RawLine[];
  errorToken: IToken | undefined;
} {
  GRAMMAR.input = tokens as IToken[];
  const lines = GRAMMAR.file();
  return { lines, errorToken: GRAMMAR.errors[0]?.token };
}
