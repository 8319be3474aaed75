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

const VAR_FORMS =
  /\$(?:([A-Za-z_][A-Za-z0-9_]*)|\{([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[?#*@])\}|([0-9]+)|([?#*@]))/y;

/**
 * Problems kept per word: GRUB stops at the first, and a megabyte of `${${${…` made half a million
 * findings.
 */
const MAX_WORD_PROBLEMS = 20;

class WordDecoder {
  private readonly pieces: WordPiece[] = [];
  private text = '';
  private offsets: number[] = [];
  readonly problems: WordProblem[] = [];
  quoted = false;

  constructor(
    private readonly raw: string,
    private readonly base: number,
    readonly atEndOfText: boolean,
  ) {}

  char(c: string, at: number): void {
    this.text += c;
    this.offsets.push(this.base + at);
  }

  /** The characters `[from, to)` of the word, as they stand (what `char` one by one would add). */
  run(from: number, to: number): void {
    this.text += this.raw.slice(from, to);
    for (let at = from; at < to; at++) this.offsets.push(this.base + at);
  }

  flush(): void {
    if (this.text) this.pieces.push({ kind: 'text', text: this.text, offsets: this.offsets });
    this.text = '';
    this.offsets = [];
  }

  /** Where the next `}` at or after an index stands (-1: none), found once per `}` for the whole word. */
  private nextClose = -2;

  private closeAfter(i: number): number {
    if (this.nextClose !== -1 && this.nextClose < i) this.nextClose = this.raw.indexOf('}', i);
    return this.nextClose;
  }

  /** Reads a `$` reference at `i`; returns the index after it. */
  variable(i: number): number {
    VAR_FORMS.lastIndex = i;
    const m = VAR_FORMS.exec(this.raw);
    if (!m) {
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
    const name = m[1] ?? m[2] ?? m[3] ?? m[4];
    const span = { start: this.base + i, end: this.base + i + m[0].length };
    this.pieces.push({ kind: 'var', name, span });
    return i + m[0].length;
  }

  done(): { pieces: WordPiece[]; text: string } {
    this.flush();
    const text = this.pieces.map((p) => (p.kind === 'text' ? p.text : `\${${p.name}}`)).join('');
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

/** A word without quotes, escapes or variables (most words): one text piece, decoded as it stands. */
function plainWord(raw: string, start: number): Word {
  const offsets = new Array<number>(raw.length);
  for (let i = 0; i < raw.length; i++) offsets[i] = start + i;
  return {
    raw,
    span: { start, end: start + raw.length },
    pieces: [{ kind: 'text', text: raw, offsets }],
    text: raw,
    quoted: false,
    problems: [],
  };
}

/**
 * Decodes a word token. `atEndOfText` says the word ends the file (a trailing `\` + newline is then an
 * error, as GRUB reads another line for it).
 */
export function decodeWord(raw: string, start: number, atEndOfText: boolean): Word {
  if (raw !== '' && !hasSpecial(raw)) return plainWord(raw, start);
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
    span: { start, end: start + raw.length },
    pieces,
    text,
    quoted: d.quoted,
    problems: d.problems,
  };
}
