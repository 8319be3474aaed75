import { EmbeddedActionsParser } from 'chevrotain';
import type { IToken } from 'chevrotain';
import { Equals, GRUB_TOKENS, Space, Word } from './tokens';

/** A logical line as the grammar reads it: the command name and the tokens of each argument. */
export interface ParsedLine {
  readonly name: IToken | undefined;
  readonly args: readonly (readonly IToken[])[];
}

/**
 * The grammar of one GRUB legacy line (stage2/cmdline.c `find_command`, `skip_to`): a command name ends at
 * a space or `=`; then spaces and `=` signs are skipped; then come the arguments, runs of characters
 * separated by spaces (an `=` inside an argument is an ordinary character).
 */
class GrubLineParser extends EmbeddedActionsParser {
  constructor() {
    super(GRUB_TOKENS, { recoveryEnabled: false, maxLookahead: 1 });
    this.performSelfAnalysis();
  }

  public line = this.RULE('line', (): ParsedLine => {
    let name: IToken | undefined;
    const args: IToken[][] = [];
    this.OPTION(() => {
      name = this.CONSUME(Word);
    });
    this.MANY(() => this.OR([{ ALT: () => this.CONSUME(Space) }, { ALT: () => this.CONSUME(Equals) }]));
    this.MANY2(() => {
      args.push(this.SUBRULE(this.argument));
      this.OPTION2(() => this.CONSUME2(Space));
    });
    return { name, args };
  });

  private argument = this.RULE('argument', (): IToken[] => {
    const parts: IToken[] = [];
    this.AT_LEAST_ONE(() =>
      parts.push(this.OR2([{ ALT: () => this.CONSUME2(Word) }, { ALT: () => this.CONSUME2(Equals) }])),
    );
    return parts;
  });
}

const PARSER = new GrubLineParser();

/** Parses the tokens of one logical line (no NUL tokens); never throws. */
export function parseGrubLine(tokens: IToken[]): ParsedLine {
  PARSER.input = tokens;
  const parsed = PARSER.line();
  // Every sequence of spaces, `=` and words is a line, so the grammar cannot fail; keep what it read.
  return PARSER.errors.length === 0 ? parsed : { name: parsed?.name, args: parsed?.args ?? [] };
}
