import type { IToken } from 'chevrotain';
import { LineIndex } from '../../core/text';
import type { Span } from '../../core/text';
import type { Assignment, PythonConstruct, Statement, SyntaxIssue, Value, XenConfigAst } from './ast';
import { lexXenConfig } from './lexer';
import { decodeString } from './string-literal';
import { visitLogicalLines } from './logical-lines';
import { readPlainXenConfig } from './plain-file';
import type { LineVisitor } from './logical-lines';
import { describePython, isPythonKeyword, looksLikePython } from './python';
import { parseAssignment, readAssignmentValue, readValueEnd } from './value-parser';
import {
  Colon,
  Equals,
  Identifier,
  LBracket,
  NumberLiteral,
  PlusEquals,
  RBracket,
  StringLiteral,
} from './tokens';

/**
 * Parses a Xen domain config (xl or xm). Never throws, never evaluates anything: plain assignments
 * become `Assignment`s, Python (xm files) becomes `PythonConstruct`s, and everything else a
 * `SyntaxIssue` covering the statement, after which parsing goes on with the next statement, as xl's
 * own grammar recovers (`error NEWLINE`, libxlu_cfg_y.y). A plain file (most domain configs) is read
 * straight from its text (`plain-file.ts`), any other by tokens.
 */
export function parseXenConfig(text: string): XenConfigAst {
  return readPlainXenConfig(text) ?? parseXenConfigByTokens(text);
}

/** The same, always by tokens (the reference `readPlainXenConfig` is tested against). */
export function parseXenConfigByTokens(text: string): XenConfigAst {
  const { tokens, comments, carriageReturns } = lexXenConfig(text);
  const reader = new StatementReader(text, tokens);
  visitLogicalLines(text, tokens, reader);
  reader.endBlock();
  const issues = reader.issues;
  checkTokens(tokens, issues);
  issues.sort((a, b) => a.span.start - b.span.start);
  return {
    statements: reader.statements,
    issues,
    comments: comments.map(tokenSpan),
    carriageReturns: carriageReturns.map(tokenSpan),
  };
}

function tokenSpan(t: IToken): Span {
  return { start: t.startOffset, end: t.startOffset + t.image.length };
}

function lineSpan(tokens: readonly IToken[]): Span {
  return { start: tokens[0].startOffset, end: tokenSpan(tokens[tokens.length - 1]).end };
}

/**
 * Reads the logical lines of a file as they are found, into statements and issues. A Python block header
 * (`def f():`, `if x:`) takes the indented lines after it into one construct.
 */
class StatementReader implements LineVisitor {
  readonly statements: Statement[] = [];
  readonly issues: SyntaxIssue[] = [];
  /** The Python block being read: its tokens, what its header left unclosed, and the header's column. */
  private block: IToken[] | undefined;
  private blockUnclosed: IToken | undefined;
  private blockColumn = 0;
  // Columns only matter around Python blocks: the line index is built for the first one.
  private index: LineIndex | undefined;

  constructor(
    private readonly text: string,
    private readonly tokens: readonly IToken[],
  ) {}

  line(start: number, end: number, unclosed: IToken | undefined): void {
    const tokens = this.tokens;
    if (this.block) {
      if (this.isIndentedBody(tokens[start])) {
        for (let k = start; k < end; k++) this.block.push(tokens[k]);
        return;
      }
      this.endBlock();
    }
    if (tokens[end - 1].tokenType === Colon && isPythonKeyword(tokens[start].image)) {
      this.block = tokens.slice(start, end);
      this.blockUnclosed = unclosed;
      this.blockColumn = this.column(tokens[start]);
      return;
    }
    this.add(parseStatement(tokens, start, end, unclosed, this.issues));
  }

  /** Reads the Python block being read, if any. */
  endBlock(): void {
    const block = this.block;
    if (!block) return;
    this.block = undefined;
    this.add(parseStatement(block, 0, block.length, this.blockUnclosed, this.issues));
  }

  private add(statement: Statement | undefined): void {
    if (statement) this.statements.push(statement);
  }

  private column(t: IToken): number {
    return (this.index ??= new LineIndex(this.text)).position(t.startOffset).character;
  }

  private isIndentedBody(first: IToken): boolean {
    if (this.column(first) > this.blockColumn) return true;
    // `else:`/`elif`/`except`/`finally` continue the block at the header's own indentation.
    return /^(else|elif|except|finally)$/.test(first.image);
  }
}

/** The statement `tokens[start..end)`, cut short where `unclosed` was left open. */
function parseStatement(
  tokens: readonly IToken[],
  start: number,
  end: number,
  unclosed: IToken | undefined,
  issues: SyntaxIssue[],
): Statement | undefined {
  if (unclosed) {
    issues.push({
      span: tokenSpan(unclosed),
      message: `'${unclosed.image}' is never closed`,
      kind: 'syntax',
    });
  }
  const first = tokens[start];
  const second = start + 1 < end ? tokens[start + 1].tokenType : undefined;
  const isAssignment = first.tokenType === Identifier && (second === Equals || second === PlusEquals);
  if (!isAssignment) return nonAssignment(tokens.slice(start, end), issues);
  const tooDeep = deepestBracket(tokens, start, end);
  if (tooDeep) {
    issues.push({
      span: tokenSpan(tooDeep),
      message: `lists nested more than ${MAX_DEPTH} deep are not analysed`,
      kind: 'syntax',
    });
    return undefined;
  }
  // Most statements are well-formed assignments, read in place: the tokens are copied out, and the grammar
  // run, only for the others.
  const value = readAssignmentValue(tokens, start, end);
  if (value && readValueEnd() === end) return assignment(tokens, start, end, value);
  return irregularAssignment(tokens.slice(start, end), unclosed, issues);
}

/** A well-formed assignment `tokens[start..end)` whose value is `value`. */
function assignment(tokens: readonly IToken[], start: number, end: number, value: Value): Assignment {
  const key = tokens[start];
  const operator = tokens[start + 1];
  return {
    kind: 'assignment',
    span: { start: key.startOffset, end: tokenEnd(tokens[end - 1]) },
    key: { text: key.image, span: tokenSpan(key) },
    operator: operator.image === '+=' ? '+=' : '=',
    value,
  };
}

function tokenEnd(t: IToken): number {
  return t.startOffset + t.image.length;
}

/** An assignment the grammar does not accept as a whole: Python, a missing value, or more after the value. */
function irregularAssignment(
  tokens: IToken[],
  unclosed: IToken | undefined,
  issues: SyntaxIssue[],
): Statement | undefined {
  const first = tokens[0];
  const parsed = parseAssignment(tokens);
  const key = { text: first.image, span: tokenSpan(first) };
  if (!parsed.assignment || parsed.consumed < tokens.length) {
    if (looksLikePython(tokens.slice(2))) return python(tokens, describePython(tokens.slice(2)), key);
    const atEnd = !parsed.assignment && (!parsed.errorToken || parsed.errorToken.tokenType.name === 'EOF');
    const bad = atEnd ? undefined : (parsed.errorToken ?? tokens[parsed.consumed]);
    // An unclosed bracket was reported already; a second issue at the same place says nothing new.
    if (!(atEnd && unclosed)) issues.push(valueIssue(tokens, bad, parsed.assignment !== undefined));
    if (!parsed.assignment) return assignmentWithoutValue(tokens, key);
  }
  const a = parsed.assignment;
  if (!a) return undefined;
  const assignment: Assignment = {
    kind: 'assignment',
    span: lineSpan(tokens),
    key,
    operator: a.operator.image === '+=' ? '+=' : '=',
    value: a.value,
  };
  return assignment;
}

/** No real config nests lists more than a few levels; deeper input would only exhaust the parser's stack. */
const MAX_DEPTH = 64;

function deepestBracket(tokens: readonly IToken[], start: number, end: number): IToken | undefined {
  let depth = 0;
  for (let i = start; i < end; i++) {
    const t = tokens[i];
    if (t.tokenType === LBracket && ++depth > MAX_DEPTH) return t;
    if (t.tokenType === RBracket) depth--;
  }
  return undefined;
}

function assignmentWithoutValue(tokens: readonly IToken[], key: { text: string; span: Span }): Assignment {
  return {
    kind: 'assignment',
    span: lineSpan(tokens),
    key,
    operator: tokens[1].image === '+=' ? '+=' : '=',
    value: undefined,
  };
}

function valueIssue(tokens: readonly IToken[], bad: IToken | undefined, valueRead: boolean): SyntaxIssue {
  if (!bad) {
    const last = tokens[tokens.length - 1];
    const message =
      tokens.length === 2
        ? `'${tokens[0].image}' has no value after '${last.image}'`
        : `the value of '${tokens[0].image}' ends too early, after '${last.image}'`;
    return { span: tokenSpan(last), message, kind: 'syntax' };
  }
  const message = valueRead
    ? `unexpected '${bad.image}' after the value: one statement per line (or separate them with ';')`
    : `expected a quoted string, a number or a [ list ] but found '${bad.image.replace(/\n/g, '\\n')}'`;
  return { span: tokenSpan(bad), message, kind: 'syntax' };
}

function nonAssignment(tokens: readonly IToken[], issues: SyntaxIssue[]): Statement | undefined {
  if (isPythonKeyword(tokens[0].image) || looksLikePython(tokens)) {
    return python(tokens, describePython(tokens));
  }
  const first = tokens[0];
  const message =
    first.tokenType === Identifier
      ? `expected '=' after '${first.image}'`
      : `expected KEY = VALUE but found '${first.image}'`;
  issues.push({ span: lineSpan(tokens), message, kind: 'syntax' });
  return undefined;
}

function python(
  tokens: readonly IToken[],
  description: string,
  key?: { text: string; span: Span },
): PythonConstruct {
  return { kind: 'python', span: lineSpan(tokens), description, key };
}

/**
 * Token-level problems past this many are not reported: a file with a thousand typographic quotes or bad
 * numbers was not typed by hand, and a megabyte of `’` made half a million findings no editor can show.
 */
const MAX_TOKEN_ISSUES = 1000;

function checkTokens(tokens: readonly IToken[], issues: SyntaxIssue[]): void {
  const before = issues.length;
  for (const t of tokens) {
    if (issues.length - before >= MAX_TOKEN_ISSUES) {
      issues.push({
        span: tokenSpan(t),
        message: `more than ${MAX_TOKEN_ISSUES} problems in strings and numbers: the rest of the file is not checked for them`,
        kind: 'syntax',
      });
      return;
    }
    checkToken(t, issues);
  }
}

/** Token-level problems that hold wherever the token stands. */
function checkToken(t: IToken, issues: SyntaxIssue[]): void {
  if (t.tokenType === StringLiteral) checkString(t, issues);
  else if (t.tokenType === NumberLiteral && !/^[0-9][0-9a-fx]*$/.test(t.image)) {
    const float = /^\d+\.\d*$/.test(t.image);
    issues.push({
      span: tokenSpan(t),
      message: float
        ? `'${t.image}' is a Python float: xl reads only integers`
        : `'${t.image}' is not a number`,
      kind: float ? 'python' : 'syntax',
    });
  }
}

const NO_ESCAPES: readonly number[] = [];

const SURROGATE_PAIR = /[\ud800-\udbff][\udc00-\udfff]/;

/**
 * Whether the string starts with a typographic quote, or ends with one. The end counts only when the text
 * has no surrogate pair: the check has always compared code point indices to the length in code units.
 */
function typographicDelimiter(raw: string): boolean {
  // Character codes first: a regular expression per string cost more than checking it (issue 6).
  if (isTypographicQuoteCode(raw.charCodeAt(0))) return true;
  return (
    raw.length > 1 && isTypographicQuoteCode(raw.charCodeAt(raw.length - 1)) && !SURROGATE_PAIR.test(raw)
  );
}

/** ‘ ’ “ ” */
function isTypographicQuoteCode(c: number): boolean {
  return c === 0x2018 || c === 0x2019 || c === 0x201c || c === 0x201d;
}

function checkString(t: IToken, issues: SyntaxIssue[]): void {
  const raw = t.image;
  if (typographicDelimiter(raw)) {
    issues.push({
      span: tokenSpan(t),
      message:
        'this string is delimited by a typographic quote (’ ‘ “ ”), probably copied from a web page: use \' or "',
      kind: 'typographic-quote',
    });
    return;
  }
  const open = raw[0];
  // Only a backslash makes an escape: most strings have none and need no decoding here.
  for (const at of raw.includes('\\') ? decodeString(raw).badEscapes : NO_ESCAPES) {
    const start = t.startOffset + at;
    issues.push({
      span: { start, end: start + 2 },
      message: `xl does not accept the escape '${raw.slice(at, at + 2)}' (only \\n \\t \\r \\a \\b \\f \\v \\\\ \\' \\" and three octal digits)`,
      kind: 'python',
    });
  }
  if (raw.length >= 3 && raw[1] === open && raw[2] === open) {
    issues.push({
      span: tokenSpan(t),
      message: 'a Python triple-quoted string: xl does not read it',
      kind: 'python',
    });
    return;
  }
  const closed = raw.length >= 2 && raw[raw.length - 1] === open;
  if (!closed)
    issues.push({ span: tokenSpan(t), message: `unterminated string: no closing ${open}`, kind: 'syntax' });
}
