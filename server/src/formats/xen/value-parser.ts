import { EmbeddedActionsParser } from 'chevrotain';
import type { IToken, TokenType } from 'chevrotain';
import type { ListValue, NumberValue, StringValue, Value } from './ast';
import { stringValueOf } from './string-literal';
import {
  Comma,
  Equals,
  Identifier,
  LBracket,
  Newline,
  NumberLiteral,
  PlusEquals,
  RBracket,
  StringLiteral,
  XEN_TOKENS,
} from './tokens';

/** The parts of an assignment as the grammar reads them. */
export interface ParsedAssignment {
  readonly key: IToken;
  readonly operator: IToken;
  readonly value: Value;
}

function tokenSpan(t: IToken): { start: number; end: number } {
  return { start: t.startOffset, end: t.startOffset + t.image.length };
}

/** xl reads numbers with strtol(…, 0): `0x` hex, a leading `0` octal, else decimal. */
export function parseXlNumber(text: string): number | undefined {
  if (isDecimal(text)) return parseInt(text, 10);
  if (/^0[xX][0-9a-fA-F]+$/.test(text)) return parseInt(text.slice(2), 16);
  if (/^0[0-7]*$/.test(text)) return text.length === 1 ? 0 : parseInt(text.slice(1), 8);
  if (/^[1-9][0-9]*$/.test(text)) return parseInt(text, 10);
  return undefined;
}

/** `^[1-9][0-9]*$`, by character codes: most numbers of a config are decimal (issue 6). */
function isDecimal(text: string): boolean {
  const first = text.charCodeAt(0);
  if (!(first >= 0x31 && first <= 0x39)) return false;
  for (let i = 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/**
 * xl's assignment grammar (tools/libs/util/libxlu_cfg_y.y): `IDENT ('=' | '+=') value`, where a value is
 * a string, a number or a `[ … ]` list of values with optional newlines and a trailing comma.
 * Used on one logical line at a time; errors stay in `errors` and never escape.
 */
class XenAssignmentParser extends EmbeddedActionsParser {
  constructor() {
    super(XEN_TOKENS, { recoveryEnabled: false, maxLookahead: 2 });
    this.performSelfAnalysis();
  }

  public assignment = this.RULE('assignment', (): ParsedAssignment => {
    const key = this.CONSUME(Identifier);
    const operator = this.OR([{ ALT: () => this.CONSUME(Equals) }, { ALT: () => this.CONSUME(PlusEquals) }]);
    const value = this.SUBRULE(this.value);
    return { key, operator, value };
  });

  private value = this.RULE('value', (): Value => {
    return this.OR([
      {
        ALT: () => {
          const t = this.CONSUME(StringLiteral);
          return this.ACTION(() => stringValue(t));
        },
      },
      {
        ALT: () => {
          const t = this.CONSUME(NumberLiteral);
          return this.ACTION(() => numberValue(t));
        },
      },
      { ALT: () => this.SUBRULE(this.list) },
    ]);
  });

  // values: atom nlok | values ',' nlok atom nlok; a single trailing comma is allowed before ']'.
  private list = this.RULE('list', (): ListValue => {
    const open = this.CONSUME(LBracket);
    const items: Value[] = [];
    this.MANY1(() => this.CONSUME1(Newline));
    this.OPTION(() => {
      items.push(this.SUBRULE1(this.value));
      this.MANY2(() => this.CONSUME2(Newline));
      this.MANY3({
        GATE: () => this.commaBeforeValue(),
        DEF: () => {
          this.CONSUME1(Comma);
          this.MANY4(() => this.CONSUME4(Newline));
          items.push(this.SUBRULE2(this.value));
          this.MANY5(() => this.CONSUME5(Newline));
        },
      });
      this.OPTION2(() => {
        this.CONSUME2(Comma);
        this.MANY6(() => this.CONSUME6(Newline));
      });
    });
    const close = this.CONSUME(RBracket);
    // In an ACTION: the grammar is also run once to record it, with tokens whose offsets are NaN, and one
    // `{ start: NaN }` makes V8 store every span of the program as boxed doubles (twice the memory).
    return this.ACTION(() => ({
      kind: 'list',
      span: { start: open.startOffset, end: tokenSpan(close).end },
      items,
    }));
  });

  /** Whether the next token is a comma followed (after newlines) by something other than `]`. */
  private commaBeforeValue(): boolean {
    if (this.LA(1).tokenType !== Comma) return false;
    let k = 2;
    while (this.LA(k).tokenType === Newline) k++;
    return this.LA(k).tokenType !== RBracket;
  }
}

function stringValue(t: IToken): StringValue {
  return stringValueOf(t.image, tokenSpan(t));
}

function numberValue(t: IToken): NumberValue {
  return { kind: 'number', span: tokenSpan(t), text: t.image, value: parseXlNumber(t.image) };
}

// Built when a statement first needs it: a site of well-formed configs never does (`readWellFormed`).
let parser: XenAssignmentParser | undefined;

/** The outcome of parsing one logical line as an assignment. */
export interface AssignmentParse {
  readonly assignment: ParsedAssignment | undefined;
  /** The first token the grammar could not place, if any. */
  readonly errorToken: IToken | undefined;
  readonly errorMessage: string | undefined;
  /** How many tokens the grammar consumed. */
  readonly consumed: number;
}

/** Parses `tokens` as one assignment; never throws. */
export function parseAssignment(tokens: IToken[]): AssignmentParse {
  const direct = readWellFormed(tokens);
  if (!direct) return parseAssignmentByGrammar(tokens);
  return {
    assignment: direct.assignment,
    errorToken: undefined,
    errorMessage: undefined,
    consumed: direct.consumed,
  };
}

/** The same, always by the Chevrotain grammar (the reference `readWellFormed` is tested against). */
export function parseAssignmentByGrammar(tokens: IToken[]): AssignmentParse {
  parser ??= new XenAssignmentParser();
  parser.input = tokens;
  const assignment = parser.assignment();
  // Tokens left after a complete assignment are the caller's to judge (Python, or a second statement).
  const error = parser.errors.find((e) => e.name !== 'NotAllInputParsedException');
  if (error) {
    return { assignment: undefined, errorToken: error.token, errorMessage: error.message, consumed: 0 };
  }
  const end = assignment.value.span.end;
  const consumed = tokens.findIndex((t) => t.startOffset >= end);
  return {
    assignment,
    errorToken: undefined,
    errorMessage: undefined,
    consumed: consumed < 0 ? tokens.length : consumed,
  };
}

/**
 * The grammar above, read by hand for a statement it accepts: the same decisions (`commaBeforeValue` with the
 * two-token lookahead Chevrotain computes for MANY3) and the same values, without a Chevrotain run per
 * statement, which costs more than the rest of a domain config's analysis (issue 6). Anything the grammar
 * would reject gives undefined, and the grammar reads the statement to say why.
 */
function readWellFormed(
  tokens: readonly IToken[],
): { assignment: ParsedAssignment; consumed: number } | undefined {
  const value = readAssignmentValue(tokens, 0, tokens.length);
  return value && { assignment: { key: tokens[0], operator: tokens[1], value }, consumed: CURSOR.at };
}

/**
 * `readWellFormed` on the statement `tokens[start..end)`: the value of its assignment, or undefined; then
 * `readValueEnd()` says where the value ends. The parser reads each statement this way, in place.
 */
export function readAssignmentValue(
  tokens: readonly IToken[],
  start: number,
  end: number,
): Value | undefined {
  const operator = start + 1 < end ? tokens[start + 1] : undefined;
  if (start >= end || tokens[start].tokenType !== Identifier) return undefined;
  if (operator?.tokenType !== Equals && operator?.tokenType !== PlusEquals) return undefined;
  CURSOR.tokens = tokens;
  CURSOR.at = start + 2;
  CURSOR.end = end;
  const value = readValue(CURSOR);
  // The cursor outlives the parse: it keeps no file's tokens.
  CURSOR.tokens = NO_TOKENS;
  return value;
}

/** Tokens, the index of the next one to read, and the end of the statement. */
interface Cursor {
  tokens: readonly IToken[];
  at: number;
  end: number;
}

/** The one cursor, reused: statements are read one at a time, and an object per statement cost more. */
const NO_TOKENS: readonly IToken[] = [];
const CURSOR: Cursor = { tokens: NO_TOKENS, at: 0, end: 0 };

/** Where the value the last `readAssignmentValue` read ends (the index of the token after it). */
export function readValueEnd(): number {
  return CURSOR.at;
}

function typeAt(c: Cursor, ahead: number): TokenType | undefined {
  const i = c.at + ahead;
  return i < c.end ? c.tokens[i].tokenType : undefined;
}

function startsValue(type: TokenType | undefined): boolean {
  return type === StringLiteral || type === NumberLiteral || type === LBracket;
}

function skipNewlines(c: Cursor): void {
  while (typeAt(c, 0) === Newline) c.at++;
}

function readValue(c: Cursor): Value | undefined {
  const t = c.at < c.end ? c.tokens[c.at] : undefined;
  if (t?.tokenType === StringLiteral || t?.tokenType === NumberLiteral) {
    c.at++;
    return t.tokenType === StringLiteral ? stringValue(t) : numberValue(t);
  }
  return t?.tokenType === LBracket ? readList(c) : undefined;
}

function readList(c: Cursor): ListValue | undefined {
  const open = c.tokens[c.at++];
  const items: Value[] = [];
  skipNewlines(c);
  if (startsValue(typeAt(c, 0))) {
    const first = readValue(c);
    if (!first) return undefined;
    items.push(first);
    skipNewlines(c);
    while (entersNextItem(c)) {
      c.at++;
      skipNewlines(c);
      const item = readValue(c);
      if (!item) return undefined;
      items.push(item);
      skipNewlines(c);
    }
    if (typeAt(c, 0) === Comma) {
      c.at++;
      skipNewlines(c);
    }
  }
  const close = c.at < c.end ? c.tokens[c.at] : undefined;
  if (close?.tokenType !== RBracket) return undefined;
  c.at++;
  return { kind: 'list', span: { start: open.startOffset, end: tokenSpan(close).end }, items };
}

/**
 * MANY3's decision: its gate (a comma followed, after newlines, by something other than `]`) and its
 * lookahead (the comma, then a newline or the start of a value).
 */
function entersNextItem(c: Cursor): boolean {
  if (typeAt(c, 0) !== Comma) return false;
  let k = 1;
  while (typeAt(c, k) === Newline) k++;
  if (typeAt(c, k) === RBracket) return false;
  const second = typeAt(c, 1);
  return second === Newline || startsValue(second);
}
