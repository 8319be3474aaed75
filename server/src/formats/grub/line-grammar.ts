import { EmbeddedActionsParser } from 'chevrotain';
import type { IToken } from 'chevrotain';
import { lexGrubLine } from './lexer';
import { Equals, GRUB_TOKENS, Nul, Space, Word } from './tokens';

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

// Built when a line first needs it: the lines of a menu are read by hand (`readLineWords`).
let parser: GrubLineParser | undefined;

/** Parses the tokens of one logical line (no NUL tokens); never throws. */
export function parseGrubLine(tokens: IToken[]): ParsedLine {
  parser ??= new GrubLineParser();
  parser.input = tokens;
  const parsed = parser.line();
  // Every sequence of spaces, `=` and words is a line, so the grammar cannot fail; keep what it read.
  return parser.errors.length === 0 ? parsed : { name: parsed?.name, args: parsed?.args ?? [] };
}

/** Characters `[from, to)` of a logical line. */
export interface CharRange {
  readonly from: number;
  readonly to: number;
}

/** A logical line's command name and arguments as character ranges, and the NUL GRUB stops at. */
export interface LineWords {
  /** The first run of NUL bytes, where GRUB's C string ends. */
  readonly nul: CharRange | undefined;
  /** Whether nothing stands before the NUL (or the end): no command. */
  readonly empty: boolean;
  readonly name: CharRange | undefined;
  readonly args: readonly CharRange[];
}

/** The same, always by the Chevrotain lexer and grammar (the reference `readLineWords` is tested against). */
export function lineWordsByGrammar(text: string): LineWords {
  let tokens = lexGrubLine(text);
  const nulAt = tokens.findIndex((t) => t.tokenType === Nul);
  const nul = nulAt < 0 ? undefined : tokenRange(tokens[nulAt], tokens[nulAt]);
  if (nulAt >= 0) tokens = tokens.slice(0, nulAt);
  if (tokens.length === 0) return { nul, empty: true, name: undefined, args: [] };
  const parsed = parseGrubLine(tokens);
  return {
    nul,
    empty: false,
    name: parsed.name && tokenRange(parsed.name, parsed.name),
    args: parsed.args.map((a) => tokenRange(a[0], a[a.length - 1])),
  };
}

function tokenRange(first: IToken, last: IToken): CharRange {
  return { from: first.startOffset, to: last.startOffset + last.image.length };
}

const SPACE = 0x20;
const EQUALS = 0x3d;

/**
 * The grammar above read by hand, for lines without a line break (every line `splitGrubLines` makes): a
 * Chevrotain lexer and parser run per line cost most of a menu's analysis (issue 6). The same decisions: the
 * NUL run ends the line; the name is the first `Word` (a run of characters other than space, `=` and NUL) if
 * the line starts with one; spaces and `=` signs after it are skipped; each argument is a run of `Word` and `=`
 * tokens, that is of characters other than space, and one run of spaces follows it. Undefined for a line with
 * a line break (a skipped token, which the grammar reads across): the grammar reads it.
 */
export function readLineWords(text: string): LineWords | undefined {
  const bounds: LineBounds = { at: [], count: 0 };
  const scanned = scanLineWords(text, bounds);
  if (!scanned) return undefined;
  const ranges: CharRange[] = [];
  for (let k = 0; k < bounds.count; k += 2) ranges.push({ from: bounds.at[k], to: bounds.at[k + 1] });
  const name = scanned.named ? ranges.shift() : undefined;
  return { nul: scanned.nul, empty: scanned.empty, name, args: ranges };
}

/**
 * Word bounds: `count` numbers of `at` hold from, to pairs. Reused from line to line, the array keeps its
 * store (emptying it by its length would drop the store every line).
 */
export interface LineBounds {
  readonly at: number[];
  count: number;
}

/** What `scanLineWords` finds besides the words' bounds. */
export interface ScannedLine {
  readonly nul: CharRange | undefined;
  readonly empty: boolean;
  /** Whether the first bounds are the name's. */
  readonly named: boolean;
}

/**
 * `readLineWords` without its ranges: the bounds of the name (if any) and of each argument go into
 * `bounds` as from, to pairs (a caller may reuse one array), so that a menu's lines make no range objects.
 */
export function scanLineWords(text: string, bounds: LineBounds): ScannedLine | undefined {
  const at = bounds.at;
  let n = 0;
  bounds.count = 0;
  if (text.indexOf('\n') >= 0) return undefined;
  const nulAt = text.indexOf('\0');
  let end = text.length;
  let nul: CharRange | undefined;
  if (nulAt >= 0) {
    let to = nulAt + 1;
    while (text.charCodeAt(to) === 0) to++;
    nul = { from: nulAt, to };
    end = nulAt;
  }
  if (end === 0) return { nul, empty: true, named: false };
  let i = 0;
  let named = false;
  const first = text.charCodeAt(0);
  if (first !== SPACE && first !== EQUALS) {
    while (i < end && !isSeparator(text.charCodeAt(i))) i++;
    at[n++] = 0;
    at[n++] = i;
    named = true;
  }
  while (i < end && isSeparator(text.charCodeAt(i))) i++;
  while (i < end) {
    const from = i;
    while (i < end && text.charCodeAt(i) !== SPACE) i++;
    at[n++] = from;
    at[n++] = i;
    while (i < end && text.charCodeAt(i) === SPACE) i++;
  }
  bounds.count = n;
  return nul === undefined ? (named ? NAMED : UNNAMED) : { nul, empty: false, named };
}

/** The usual answers of `scanLineWords`, shared. */
const NAMED: ScannedLine = { nul: undefined, empty: false, named: true };
const UNNAMED: ScannedLine = { nul: undefined, empty: false, named: false };

function isSeparator(c: number): boolean {
  return c === SPACE || c === EQUALS;
}
