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

/**
 * What the grammar tells its reader, line by line, in order: the token that decides what the line is.
 * Stray tokens after it are consumed and not passed on (no reader needs them).
 */
export interface KconfigLineSink {
  /** `CONFIG_X=value` (the token runs to the end of the line, its line break included). */
  assignment(token: IToken): void;
  /** `# CONFIG_X is not set` (the token carries the line break, when one ends the line). */
  notSet(token: IToken): void;
  /** Any other `#` line (its line break included). */
  comment(token: IToken): void;
  /** `CONFIG_X` without `=` right after it. */
  symbol(token: IToken): void;
  /** A line conf does not read: its first token. */
  junk(first: IToken): void;
}

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
 *   stray      := any token but Newline, up to one that carries the line break
 *
 * Assignments, `is not set` lines and comments carry their line break, so `file` reads them, blank
 * lines and the other kinds of line in one choice per line: no sub-rule call for the common lines (issue
 * 6). The grammar is total: every token sequence parses, and the parser decides what each line means. The
 * embedded actions hand each line to a sink as it is read, so no list of lines is built.
 */
class KconfigGrammar extends EmbeddedActionsParser {
  private sink: KconfigLineSink | undefined;
  // Alternatives built once: Chevrotain's OR takes the same array on every call (a new array per call
  // costs an allocation per token on 10,000-line files).
  private readonly anyAlts = ANY_TYPES.map((t) => ({ ALT: () => this.CONSUME(t) }));
  private readonly junkAlts = [WhiteSpace, OtherText, Equals].map((t) => ({ ALT: () => this.CONSUME(t) }));
  private readonly lineAlts = [
    { ALT: () => this.tell(this.CONSUME(Assignment), 'assignment') },
    { ALT: () => void this.CONSUME(Newline) },
    { ALT: () => this.tell(this.CONSUME(Comment), 'comment') },
    {
      ALT: () => {
        const token = this.CONSUME(NotSet);
        this.SUBRULE(this.stray);
        this.tell(token, 'notSet');
      },
    },
    {
      ALT: () => {
        const token = this.CONSUME(Symbol);
        this.SUBRULE2(this.stray);
        this.tell(token, 'symbol');
      },
    },
    {
      ALT: () => {
        const first = this.OR2(this.junkAlts);
        this.SUBRULE3(this.stray);
        this.tell(first, 'junk');
      },
    },
  ];

  /** Whether the last token read left its line open (the tokens that carry a line break end it). */
  private readonly lineGoesOn = (): boolean =>
    this.LA(0).image.charCodeAt(this.LA(0).image.length - 1) !== 10;

  constructor() {
    super(KCONFIG_TOKENS, { recoveryEnabled: false, maxLookahead: 1 });
    this.performSelfAnalysis();
  }

  /** Reads a token stream, telling `sink` each line; the first token it could not place, if any. */
  read(tokens: IToken[], sink: KconfigLineSink): IToken | undefined {
    this.input = tokens;
    this.sink = sink;
    try {
      this.file();
    } finally {
      this.sink = undefined;
    }
    return this.errors[0]?.token;
  }

  /** Passes a line on, outside the recording phase (when Chevrotain runs the rules to learn the grammar). */
  private tell(token: IToken, kind: keyof KconfigLineSink): void {
    if (!this.RECORDING_PHASE && this.sink) this.sink[kind](token);
  }

  public file = this.RULE('file', (): void => {
    this.MANY(() => this.OR(this.lineAlts));
  });

  /** The rest of a line: up to its line break, or a token that carries it (an assignment, a comment). */
  private stray = this.RULE('stray', (): void => {
    this.MANY({ GATE: this.lineGoesOn, DEF: () => this.OR(this.anyAlts) });
  });
}

// Built only for the tests that compare `parseKconfigLines` with it.
let grammar: KconfigGrammar | undefined;

/** Reads the lines of a token stream into `sink` by the Chevrotain grammar (the reference of the reader). */
export function parseKconfigLinesByGrammar(
  tokens: readonly IToken[],
  sink: KconfigLineSink,
): IToken | undefined {
  grammar ??= new KconfigGrammar();
  return grammar.read(tokens as IToken[], sink);
}

/**
 * Reads the lines of a token stream into `sink`; the first token it could not place, if any. This is the
 * grammar above read by hand (one choice per line, stray tokens up to the one that carries the line
 * break), which tells the sink the same lines in the same order: a Chevrotain run over the half a million
 * lines of a site's `.config`s cost more than lexing them (issue 6). grammar.test.ts compares the two.
 */
export function parseKconfigLines(tokens: readonly IToken[], sink: KconfigLineSink): IToken | undefined {
  let at = 0;
  while (at < tokens.length) {
    const token = tokens[at++];
    const type = token.tokenType;
    if (type === Assignment) sink.assignment(token);
    else if (type === Newline) continue;
    else if (type === Comment) sink.comment(token);
    else if (type === NotSet || type === Symbol || JUNK_TYPES.includes(type)) {
      at = afterStray(tokens, at, token);
      if (type === NotSet) sink.notSet(token);
      else if (type === Symbol) sink.symbol(token);
      else sink.junk(token);
    } else return token;
  }
  return undefined;
}

const JUNK_TYPES: readonly TokenType[] = [WhiteSpace, OtherText, Equals];

/** Where the stray tokens after `last` end: at a line break, or after a token that carries one. */
function afterStray(tokens: readonly IToken[], at: number, last: IToken): number {
  let previous = last;
  while (at < tokens.length && endsOpen(previous) && ANY_TYPES.includes(tokens[at].tokenType)) {
    previous = tokens[at++];
  }
  return at;
}

/** Whether a token leaves its line open (the tokens that carry a line break end it). */
function endsOpen(token: IToken): boolean {
  return token.image.charCodeAt(token.image.length - 1) !== 10;
}
