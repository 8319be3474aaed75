import type { IToken } from 'chevrotain';
import type { Span } from '../../core/text';
import type { DhcpStatement, DhcpStatementKind, Word } from './ast';
import { AnchoredSpan, AnchoredWord } from './anchored-span';
import type { Anchor } from './anchored-span';
import { Atom, StringLiteral } from './tokens';
import { decodeDhcpString } from './head-reader';

/**
 * Statements whose words are made when asked for. A 20,000-host dhcpd.conf has ~140,000 statements and
 * ~360,000 words; the rules and the model read the words of a few of them (a host's name, a filename's
 * value), yet a tree that kept every word, its text and the statement's spans was ~74 MB, all of it moved
 * by the garbage collector while the file was read. A `LazyStatement` keeps only offsets: where its head's
 * tokens are (in its piece's `HeadTable`) and where it and its body end, counted from its anchor like every
 * span of the tree (anchored-span.ts); its words, keyword and spans are made from the anchor's text when
 * read (the words once, then kept). It reads, and serialises, like a plain `DhcpStatement`.
 */

const ATOM = 0;
const STRING = 1;
const PUNCT = 2;
const WORD_KINDS: readonly Word['kind'][] = ['atom', 'string', 'punct'];

/** The head tokens of one piece's statements: three integers each (from, to, kind), from their anchors. */
export class HeadTable {
  private data = new Int32Array(3 * 1024);
  private size = 0;

  /** Adds a statement's head tokens; returns where they start. */
  add(tokens: readonly IToken[], base: number): number {
    const at = this.size;
    this.reserve(3 * tokens.length);
    for (const t of tokens) {
      const from = t.startOffset - base;
      this.data[this.size++] = from;
      this.data[this.size++] = from + t.image.length;
      this.data[this.size++] = t.tokenType === Atom ? ATOM : t.tokenType === StringLiteral ? STRING : PUNCT;
    }
    return at;
  }

  /** Drops the spare room once the piece is read (the table lives as long as its statements). */
  seal(): void {
    if (this.data.length > this.size) this.data = this.data.slice(0, this.size);
  }

  /** Where the token at `at` starts, from its anchor. */
  from(at: number): number {
    return this.data[at];
  }

  /** The word of the token at `at`, in `anchor`'s text. */
  word(anchor: Anchor, at: number): Word {
    const from = this.data[at];
    const to = this.data[at + 1];
    const kind = this.data[at + 2];
    const image = anchor.source.slice(anchor.base + from, anchor.base + to);
    const text = kind === STRING ? decodeDhcpString(image).value : image;
    return new AnchoredWord(anchor, from, to, text, WORD_KINDS[kind]);
  }

  private reserve(count: number): void {
    if (this.size + count <= this.data.length) return;
    const grown = new Int32Array(Math.max(this.data.length * 2, this.size + count));
    grown.set(this.data.subarray(0, this.size));
    this.data = grown;
  }
}

/** `values` when they are the head's words after the keyword (a parameter's usually are). */
const HEAD_WORDS: readonly Word[] = Object.freeze([]);

/**
 * A statement of the tree: the kind-specific fields (`name`, `option`, `hardware`, …) are its own, as a
 * handler made them; the head's words and the spans are made from its place when read.
 */
export class LazyStatement implements DhcpStatement {
  kind: DhcpStatementKind;
  readonly body: readonly DhcpStatement[] | undefined;
  readonly #anchor: Anchor;
  readonly #heads: HeadTable;
  /** Where the head's tokens start in `#heads` (the keyword first, so the statement starts there). */
  readonly #headAt: number;
  readonly #headLength: number;
  /** Where the statement ends, and its body's span (`#bodyFrom` -1 without a body), from the anchor. */
  readonly #to: number;
  readonly #bodyFrom: number;
  readonly #bodyTo: number;
  #keyword: Word | undefined = undefined;
  #words: readonly Word[] | undefined = undefined;
  #values: readonly Word[] | undefined = undefined;

  /** A statement whose head was added to `heads` at `headAt` (fields inline: one object per statement). */
  constructor(
    kind: DhcpStatementKind,
    body: readonly DhcpStatement[] | undefined,
    anchor: Anchor,
    heads: HeadTable,
    headAt: number,
    headLength: number,
    to: number,
    bodyFrom: number,
    bodyTo: number,
  ) {
    this.kind = kind;
    this.body = body;
    this.#anchor = anchor;
    this.#heads = heads;
    this.#headAt = headAt;
    this.#headLength = headLength;
    this.#to = to;
    this.#bodyFrom = bodyFrom;
    this.#bodyTo = bodyTo;
  }

  /** The anchor its spans count from (a reparse moves it). */
  get anchor(): Anchor {
    return this.#anchor;
  }

  get span(): Span {
    return new AnchoredSpan(this.#anchor, this.#heads.from(this.#headAt), this.#to);
  }

  get bodySpan(): Span | undefined {
    return this.#bodyFrom < 0 ? undefined : new AnchoredSpan(this.#anchor, this.#bodyFrom, this.#bodyTo);
  }

  get keyword(): Word {
    return (this.#keyword ??= this.#heads.word(this.#anchor, this.#headAt));
  }

  get words(): readonly Word[] {
    if (this.#words) return this.#words;
    const words = new Array<Word>(this.#headLength - 1);
    for (let i = 1; i < this.#headLength; i++)
      words[i - 1] = this.#heads.word(this.#anchor, this.#headAt + 3 * i);
    this.#words = words;
    return words;
  }

  get values(): readonly Word[] | undefined {
    return this.#values === HEAD_WORDS ? this.words : this.#values;
  }

  /** Set by the handler's result (`Object.assign`). */
  set values(values: readonly Word[] | undefined) {
    this.#values = values;
  }

  /** Its values are the head's words after the keyword: made with them, when asked for. */
  valuesAreWords(): void {
    this.#values = HEAD_WORDS;
  }

  /** The fields of a plain statement, in the order the plain ones have them. */
  toJSON(): object {
    return {
      ...this,
      values: this.values,
      span: this.span,
      keyword: this.keyword,
      words: this.words,
      body: this.body,
      bodySpan: this.bodySpan,
    };
  }
}
