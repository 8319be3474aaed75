import { consecutiveOffsets } from '../../core/text';
import type { Span } from '../../core/text';

/**
 * Decoding a GRUB 2 word as the script lexer's SPLIT, SQUOTE, DQUOTE and VAR states do
 * (grub-core/script/yylex.l): `\x` outside quotes is `x` and `\` + newline vanishes; single quotes keep
 * everything; inside double quotes only `\$`, `\\`, `\"` and `\` + newline are escapes; `$name`,
 * `${name}`, `$1`, `$?`, `$#`, `$*`, `$@` are variables, and any other `$` is a syntax error.
 */

/** A piece of a word: literal text (one file offset per character) or a variable reference. */
export type WordPiece =
  | { readonly kind: 'text'; readonly text: string; readonly offsets: readonly number[] }
  | TextRun
  | { readonly kind: 'var'; readonly name: string; readonly span: Span };

/** A problem inside a word, which GRUB reports as a syntax error. */
export interface WordProblem {
  readonly span: Span;
  readonly message: string;
}

/** A decoded word. */
export interface Word {
  /** The word as written, quotes included. */
  readonly raw: string;
  readonly span: Span;
  readonly pieces: readonly WordPiece[];
  /** The literal text, variables written back as `${name}`. */
  readonly text: string;
  /** Whether any part was quoted or escaped (then it is never a keyword). */
  readonly quoted: boolean;
  readonly problems: readonly WordProblem[];
}

/**
 * The end of the variable reference at `i` (a `$`), or -1 where none starts: `$name`, `${name}`, `${1}`, `$1`,
 * `$?`, `$#`, `$*`, `$@`, what `/\$(?:NAME|\{(?:NAME|[0-9]+|[?#*@])\}|[0-9]+|[?#*@])/y` matches (NAME:
 * `[A-Za-z_][A-Za-z0-9_]*`), read by character codes: the expression's match array per variable was most of
 * what reading one cost (issue 6).
 */
export function variableEnd(text: string, i: number): number {
  if (text.charCodeAt(i + 1) === 0x7b) {
    const end = bareVariableEnd(text, i + 2);
    return end > i + 2 && text.charCodeAt(end) === 0x7d ? end + 1 : -1;
  }
  const end = bareVariableEnd(text, i + 1);
  return end > i + 1 ? end : -1;
}

/** The end of a name, a number or one of `?#*@` at `j` (`j` itself where none stands there). */
function bareVariableEnd(text: string, j: number): number {
  const c = text.charCodeAt(j);
  if (isNameStart(c)) {
    do j++;
    while (isNameStart(text.charCodeAt(j)) || isDigit(text.charCodeAt(j)));
    return j;
  }
  if (isDigit(c)) {
    do j++;
    while (isDigit(text.charCodeAt(j)));
    return j;
  }
  return c === 0x3f || c === 0x23 || c === 0x2a || c === 0x40 ? j + 1 : j;
}

/** `[A-Za-z_]`. */
function isNameStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
}

/** `[0-9]`. */
function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** The name of the variable reference `[i, end)` that `variableEnd` found: without `$` and braces. */
function variableName(text: string, i: number, end: number): string {
  return text.charCodeAt(i + 1) === 0x7b ? text.slice(i + 2, end - 1) : text.slice(i + 1, end);
}

/**
 * Problems kept per word: GRUB stops at the first, and a megabyte of `${${${…` made half a million
 * findings.
 */
const MAX_WORD_PROBLEMS = 20;

class WordDecoder {
  private readonly pieces: WordPiece[] = [];
  private text = '';
  /** The file offset of the text's first character (-1: no text yet). */
  private first = -1;
  /** The offsets of the text's characters, written out once they stop following each other. */
  private offsets: number[] | undefined;
  readonly problems: WordProblem[] = [];
  quoted = false;

  constructor(
    private readonly raw: string,
    private readonly base: number,
    readonly atEndOfText: boolean,
  ) {}

  char(c: string, at: number): void {
    this.follow(this.base + at);
    this.text += c;
    this.offsets?.push(this.base + at);
  }

  /** The characters `[from, to)` of the word, as they stand (what `char` one by one would add). */
  run(from: number, to: number): void {
    if (from >= to) return;
    this.follow(this.base + from);
    this.text += this.raw.slice(from, to);
    if (this.offsets) for (let at = from; at < to; at++) this.offsets.push(this.base + at);
  }

  /** Notes that the next character stands at `offset`: the offsets are written out from the first gap. */
  private follow(offset: number): void {
    if (this.first < 0) this.first = offset;
    else if (!this.offsets && offset !== this.first + this.text.length) {
      this.offsets = new Array<number>(this.text.length);
      for (let i = 0; i < this.text.length; i++) this.offsets[i] = this.first + i;
    }
  }

  flush(): void {
    if (this.text) {
      this.pieces.push(
        this.offsets
          ? { kind: 'text', text: this.text, offsets: this.offsets }
          : new TextRun(this.text, this.first),
      );
    }
    this.text = '';
    this.first = -1;
    this.offsets = undefined;
  }

  /** Where the next `}` at or after an index stands (-1: none), found once per `}` for the whole word. */
  private nextClose = -2;

  private closeAfter(i: number): number {
    if (this.nextClose !== -1 && this.nextClose < i) this.nextClose = this.raw.indexOf('}', i);
    return this.nextClose;
  }

  /** Reads a `$` reference at `i`; returns the index after it. */
  variable(i: number): number {
    const varEnd = variableEnd(this.raw, i);
    if (varEnd < 0) {
      if (this.problems.length >= MAX_WORD_PROBLEMS) return i + 1;
      const end = this.raw[i + 1] === '{' ? Math.max(this.closeAfter(i) + 1, i + 2) : i + 1;
      this.problems.push({
        span: { start: this.base + i, end: this.base + Math.min(end, this.raw.length) },
        message:
          "'$' must start a variable ($name, ${name}, $1, $?, $#, $*, $@): GRUB has no $(…), ${name-default} or a lone $",
      });
      return i + 1;
    }
    this.flush();
    const name = variableName(this.raw, i, varEnd);
    const span = { start: this.base + i, end: this.base + varEnd };
    this.pieces.push({ kind: 'var', name, span });
    return varEnd;
  }

  done(): { pieces: WordPiece[]; text: string } {
    this.flush();
    const only = this.pieces.length === 1 ? this.pieces[0] : undefined;
    const text =
      only?.kind === 'text'
        ? only.text
        : this.pieces.map((p) => (p.kind === 'text' ? p.text : `\${${p.name}}`)).join('');
    return { pieces: this.pieces, text };
  }
}

function singleQuoted(d: WordDecoder, raw: string, i: number, base: number): number {
  const close = raw.indexOf("'", i + 1);
  const end = close < 0 ? raw.length : close;
  d.run(i + 1, end);
  if (close < 0) d.problems.push(unterminated(base, i, raw.length, "'"));
  return end + 1;
}

function doubleQuoted(d: WordDecoder, raw: string, i: number, base: number): number {
  let j = i + 1;
  while (j < raw.length && raw[j] !== '"') {
    const c = raw[j];
    const next = raw[j + 1];
    if (c === '\\' && next === '\n') j += 2;
    else if (c === '\\' && (next === '$' || next === '\\' || next === '"')) {
      d.char(next, j + 1);
      j += 2;
    } else if (c === '$') j = d.variable(j);
    else {
      d.char(c, j);
      j++;
    }
  }
  if (j >= raw.length) d.problems.push(unterminated(base, i, raw.length, '"'));
  return j + 1;
}

function unterminated(base: number, at: number, end: number, quote: string): WordProblem {
  return {
    span: { start: base + at, end: base + end },
    message: `unterminated ${quote === '"' ? 'double' : 'single'} quote: GRUB reads on to the end of the file looking for the closing ${quote}`,
  };
}

function escape(d: WordDecoder, raw: string, i: number, base: number): number {
  if (i + 1 >= raw.length) {
    d.problems.push({
      span: { start: base + i, end: base + i + 1 },
      message: "a '\\' at the end of the file: GRUB waits for another line that never comes",
    });
  } else if (raw[i + 1] === '\n' && i + 2 >= raw.length && d.atEndOfText) {
    d.problems.push({
      span: { start: base + i, end: base + i + 1 },
      message: "a line continuation '\\' on the last line: GRUB waits for another line that never comes",
    });
  } else if (raw[i + 1] !== '\n') d.char(raw[i + 1], i + 1);
  return i + 2;
}

/** Whether a word has a character that makes it more than its own text: a quote, an escape, a variable. */
function hasSpecial(raw: string): boolean {
  // Character codes: a regular expression per word cost more than decoding most words (issue 6).
  for (let i = 0; i < raw.length; i++) if (isSpecialCode(raw.charCodeAt(i))) return true;
  return false;
}

/** `'`, `"`, `\\` or `$`. */
function isSpecialCode(c: number): boolean {
  return c === 0x27 || c === 0x22 || c === 0x5c || c === 0x24;
}

/**
 * Literal text that stands in the file as it is, from `start`: its offsets are `start`, `start + 1`, …, made
 * when read. One offset per character made the most garbage of reading a grub.cfg (issue 6); a command
 * line built from it maps back by arithmetic (`CommandLineBuilder.copiedRun`).
 */
export class TextRun {
  readonly kind = 'text' as const;

  constructor(
    readonly text: string,
    readonly start: number,
  ) {}

  get offsets(): readonly number[] {
    return consecutiveOffsets(this.start, this.text.length);
  }
}

/** A word's problems when it has none (shared: nothing adds to a finished word's). */
const NO_PROBLEMS: readonly WordProblem[] = Object.freeze([]);

/**
 * A word without quotes, escapes or variables (most words): its one text piece is made when read (a
 * command line is built from the word's own text and offset, `argumentLine`), and it has no problems.
 */
export class PlainWord implements Word {
  readonly text: string;
  readonly quoted = false;
  readonly problems = NO_PROBLEMS;

  constructor(
    readonly raw: string,
    readonly span: Span,
  ) {
    this.text = raw;
  }

  get pieces(): readonly WordPiece[] {
    return [new TextRun(this.raw, this.span.start)];
  }
}

/**
 * A word that is one quoted string and nothing else, `'Debian GNU/Linux'` or `"Xen"` (no `\` or `$` inside
 * the double quotes), read without the decoder: the same word as `decodeWord`'s general way makes, whose
 * per-word objects cost more than the rest of reading a menu entry's title (issue 6).
 */
function quotedWhole(raw: string, start: number, span: Span): Word | undefined {
  const quote = raw.charCodeAt(0);
  const last = raw.length - 1;
  if ((quote !== 0x27 && quote !== 0x22) || last < 2 || raw.charCodeAt(last) !== quote) return undefined;
  for (let i = 1; i < last; i++) {
    const c = raw.charCodeAt(i);
    if (c === quote || (quote === 0x22 && (c === 0x5c || c === 0x24))) return undefined;
  }
  const text = raw.slice(1, last);
  return { raw, span, pieces: [new TextRun(text, start + 1)], text, quoted: true, problems: NO_PROBLEMS };
}

/**
 * A word of plain text and well-formed variables only, `nfsroot=${server}:/srv/$host` (no quote, `\`, nor a
 * `$` that starts no variable): the same word as `decodeWord`'s general way makes, without the decoder.
 */
function variablesOnly(raw: string, start: number, span: Span): Word | undefined {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 0x27 || c === 0x22 || c === 0x5c) return undefined;
  }
  const pieces: WordPiece[] = [];
  let text = '';
  let i = 0;
  while (i < raw.length) {
    const dollar = raw.indexOf('$', i);
    const runEnd = dollar < 0 ? raw.length : dollar;
    if (runEnd > i) {
      const run = raw.slice(i, runEnd);
      pieces.push(new TextRun(run, start + i));
      text += run;
    }
    if (dollar < 0) break;
    const end = variableEnd(raw, dollar);
    if (end < 0) return undefined;
    const name = variableName(raw, dollar, end);
    pieces.push({ kind: 'var', name, span: { start: start + dollar, end: start + end } });
    text += `\${${name}}`;
    i = end;
  }
  return { raw, span, pieces, text, quoted: false, problems: NO_PROBLEMS };
}

/**
 * Decodes a word token. `atEndOfText` says the word ends the file (a trailing `\` + newline is then an
 * error, as GRUB reads another line for it).
 */
export function decodeWord(
  raw: string,
  start: number,
  atEndOfText: boolean,
  span: Span = { start, end: start + raw.length },
): Word {
  if (raw !== '' && !hasSpecial(raw)) return new PlainWord(raw, span);
  const common = quotedWhole(raw, start, span) ?? variablesOnly(raw, start, span);
  if (common !== undefined) return common;
  const d = new WordDecoder(raw, start, atEndOfText);
  let i = 0;
  while (i < raw.length) {
    const c = raw[i];
    if (c === "'" || c === '"' || c === '\\') d.quoted = true;
    if (c === "'") i = singleQuoted(d, raw, i, start);
    else if (c === '"') i = doubleQuoted(d, raw, i, start);
    else if (c === '\\') i = escape(d, raw, i, start);
    else if (c === '$') i = d.variable(i);
    else {
      // A run of plain characters at once.
      let j = i + 1;
      while (j < raw.length && !isSpecialCode(raw.charCodeAt(j))) j++;
      d.run(i, j);
      i = j;
    }
  }
  const { pieces, text } = d.done();
  return {
    raw,
    span,
    pieces,
    text,
    quoted: d.quoted,
    problems: d.problems.length === 0 ? NO_PROBLEMS : d.problems,
  };
}
