import type { IToken } from 'chevrotain';
import type { Span } from '../../core/text';
import type { AddressValue, DhcpStatement, DhcpStatementKind, OptionRef, Word } from './ast';
import { AnchoredSpan, AnchoredWord, optionRefIn } from './anchored-span';
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

/** The kinds of head token in a table (quick-reader.ts writes them too). */
export const ATOM = 0;
export const STRING = 1;
const PUNCT = 2;
const WORD_KINDS: readonly Word['kind'][] = ['atom', 'string', 'punct'];

/** The array tables fill while their piece is read (see `HeadTable.data`). */
let scratch = new Int32Array(64 * 1024);

/**
 * Where one piece's statements are: for each, a record of four integers (head length, where the statement
 * ends, where its body starts and ends; -1 without a body) and three per head token (from, to, kind), every
 * offset from the statement's anchor.
 */
export class HeadTable {
  /**
   * While the piece is read, the table fills the one scratch array every table shares (a parse is
   * synchronous and reads one piece at a time); `seal` gives it its own copy of exactly its size. An array
   * per piece that grew by doubling was four allocations of tens of kilobytes for each of a large file's
   * hundred and more pieces.
   */
  private data: Int32Array = scratch;
  private size = 0;

  /** Adds a statement's record; returns where it starts. */
  add(tokens: readonly IToken[], base: number, to: number, bodyFrom: number, bodyTo: number): number {
    const at = this.size;
    this.reserve(RECORD + 3 * tokens.length);
    const data = this.data;
    data[at] = tokens.length;
    data[at + 1] = to - base;
    data[at + 2] = bodyFrom < 0 ? -1 : bodyFrom - base;
    data[at + 3] = bodyTo - base;
    let k = at + RECORD;
    for (const t of tokens) {
      const from = t.startOffset - base;
      data[k++] = from;
      data[k++] = from + t.image.length;
      data[k++] = t.tokenType === Atom ? ATOM : t.tokenType === StringLiteral ? STRING : PUNCT;
    }
    this.size = k;
    return at;
  }

  /**
   * Adds a statement's record from head tokens already read as integers: `count` triples (from, to, kind) of
   * `tokens` from triple `first` on, offsets in the text (the statement's anchor is new: its base is 0).
   */
  addOffsets(
    tokens: Int32Array,
    first: number,
    count: number,
    to: number,
    bodyFrom: number,
    bodyTo: number,
  ): number {
    const at = this.size;
    this.reserve(RECORD + 3 * count);
    const data = this.data;
    data[at] = count;
    data[at + 1] = to;
    data[at + 2] = bodyFrom;
    data[at + 3] = bodyTo;
    // A loop, not `set(subarray(…))`: a view object per statement was 13 MB of a large file's garbage.
    const from = 3 * first;
    const n = 3 * count;
    for (let k = 0; k < n; k++) data[at + RECORD + k] = tokens[from + k];
    this.size = at + RECORD + n;
    return at;
  }

  /** Drops the spare room once the piece is read (the table lives as long as its statements). */
  seal(): void {
    this.data = this.data.slice(0, this.size);
  }

  /**
   * The text of the first head token from `from` on that is not a comma (a value's, decoded if quoted), in
   * `anchor`'s text, without making a word; undefined if there is none.
   */
  firstText(anchor: Anchor, at: number, from: number): string | undefined {
    for (let i = from; i < this.data[at]; i++) {
      const k = at + RECORD + 3 * i;
      const image = anchor.source.slice(anchor.base + this.data[k], anchor.base + this.data[k + 1]);
      const kind = this.data[k + 2];
      if (kind === PUNCT && image === ',') continue;
      return kind === STRING ? decodeDhcpString(image).value : image;
    }
    return undefined;
  }

  /** The reference to `option` its head token 1 names (`option NAME …`), in `anchor`'s text. */
  optionRef(anchor: Anchor, at: number, option: OptionName): OptionRef {
    const k = at + RECORD + 3;
    return optionRefIn(
      anchor,
      option.space,
      option.name,
      anchor.base + this.data[k],
      anchor.base + this.data[k + 1],
    );
  }

  /** How many head tokens the statement at `at` has. */
  headLength(at: number): number {
    return this.data[at];
  }

  /** Its span, from its anchor: from its first token to its end. */
  span(anchor: Anchor, at: number): Span {
    return new AnchoredSpan(anchor, this.data[at + RECORD], this.data[at + 1]);
  }

  /** Its body's span, if it has a body. */
  bodySpan(anchor: Anchor, at: number): Span | undefined {
    const from = this.data[at + 2];
    return from < 0 ? undefined : new AnchoredSpan(anchor, from, this.data[at + 3]);
  }

  /** The word of its head token `i` (0: the keyword), in `anchor`'s text. */
  word(anchor: Anchor, at: number, i: number): Word {
    const k = at + RECORD + 3 * i;
    const from = this.data[k];
    const to = this.data[k + 1];
    const kind = this.data[k + 2];
    const image = anchor.source.slice(anchor.base + from, anchor.base + to);
    const text = kind === STRING ? decodeDhcpString(image).value : image;
    return new AnchoredWord(anchor, from, to, text, WORD_KINDS[kind]);
  }

  private reserve(count: number): void {
    if (this.size + count <= this.data.length) return;
    const grown = new Int32Array(Math.max(this.data.length * 2, this.size + count));
    grown.set(this.data.subarray(0, this.size));
    this.data = grown;
    // The next tables fill the larger array (this one is sealed before another is made).
    scratch = grown;
  }
}

function isComma(w: Word): boolean {
  return w.kind === 'punct' && w.text === ',';
}

function withoutCommas(words: readonly Word[], from: number): Word[] {
  const out: Word[] = [];
  for (let i = from; i < words.length; i++) if (!isComma(words[i])) out.push(words[i]);
  return out;
}

/** The integers of a statement's record before its tokens'. */
const RECORD = 4;

type Hardware = NonNullable<DhcpStatement['hardware']>;

/** An option's space and name as the option table has them. */
export interface OptionName {
  readonly space: string;
  readonly name: string;
}

/** The words of a statement, once read. */
interface MadeWords {
  keyword?: Word;
  words?: readonly Word[];
  values?: readonly Word[];
}

/**
 * A statement of the tree: the kind-specific fields (`name`, `option`, `hardware`, …) are its own, as a
 * handler made them; the head's words and the spans are made from its place when read.
 */
export class LazyStatement implements DhcpStatement {
  kind: DhcpStatementKind;
  readonly body: readonly DhcpStatement[] | undefined;
  // Kind-specific fields a maker sets when its statement has them (declared only: no field otherwise).
  declare name?: Word;
  declare parameter?: string;
  declare addresses?: readonly AddressValue[];
  declare dynamicBootp?: boolean;
  readonly #anchor: Anchor;
  readonly #heads: HeadTable;
  /** Where its record starts in `#heads`. */
  readonly #at: number;
  #made: MadeWords | undefined = undefined;
  /** Its hardware as the handler made it, or, when its type and address are head words 1 and 2, the MAC. */
  #hardware: Hardware | string | undefined = undefined;
  /**
   * Its option as the handler made it, or, when the quick reader read it, the option's space and name as
   * the table has them: the reference is then made from head token 1 when read (40,000 fewer objects kept
   * in a 20,000-host file).
   */
  #option: OptionRef | OptionName | undefined = undefined;
  /** Its values as the handler made them, or the head token they start at (then made when read). */
  #values: readonly Word[] | number | undefined = undefined;

  /** A statement whose record was added to `heads` at `at` (the handler's fields are added by its maker). */
  constructor(
    kind: DhcpStatementKind,
    body: readonly DhcpStatement[] | undefined,
    anchor: Anchor,
    heads: HeadTable,
    at: number,
  ) {
    this.kind = kind;
    this.body = body;
    this.#anchor = anchor;
    this.#heads = heads;
    this.#at = at;
  }

  /** The anchor its spans count from (a reparse moves it). */
  get anchor(): Anchor {
    return this.#anchor;
  }

  get span(): Span {
    return this.#heads.span(this.#anchor, this.#at);
  }

  get bodySpan(): Span | undefined {
    return this.#heads.bodySpan(this.#anchor, this.#at);
  }

  get keyword(): Word {
    const made = (this.#made ??= {});
    return (made.keyword ??= this.#heads.word(this.#anchor, this.#at, 0));
  }

  get words(): readonly Word[] {
    const made = (this.#made ??= {});
    if (made.words) return made.words;
    const length = this.#heads.headLength(this.#at);
    const words = new Array<Word>(length - 1);
    for (let i = 1; i < length; i++) words[i - 1] = this.#heads.word(this.#anchor, this.#at, i);
    made.words = words;
    return words;
  }

  get values(): readonly Word[] | undefined {
    const values = this.#values;
    if (typeof values !== 'number') return values;
    const words = this.words;
    const made = (this.#made ??= {});
    return (made.values ??= values === 1 && !words.some(isComma) ? words : withoutCommas(words, values - 1));
  }

  /** The text of its first value, read without making its words when they are not made yet. */
  firstValueText(): string | undefined {
    const values = this.#values;
    if (typeof values !== 'number' || this.#made?.values) return this.values?.[0]?.text;
    return this.#heads.firstText(this.#anchor, this.#at, values);
  }

  /** Set by the handler's result (`Object.assign`). */
  set values(values: readonly Word[] | undefined) {
    this.#values = values;
  }

  get hardware(): Hardware | undefined {
    const hardware = this.#hardware;
    if (typeof hardware !== 'string') return hardware;
    // Made afresh each time: the model reads only the MAC, which is kept.
    const type = this.#heads.word(this.#anchor, this.#at, 1);
    return { type, address: this.#heads.word(this.#anchor, this.#at, 2), mac: hardware };
  }

  get option(): OptionRef | undefined {
    const option = this.#option;
    if (option === undefined || 'span' in option) return option;
    return this.#heads.optionRef(this.#anchor, this.#at, option);
  }

  /** Its option's space and name, read without making its reference. */
  get optionName(): OptionName | undefined {
    return this.#option;
  }

  set option(option: OptionRef | undefined) {
    this.#option = option;
  }

  /** Its option is `option NAME …` as written, NAME resolving to `option`: the reference made when read. */
  optionFromHead(option: OptionName): void {
    this.#option = option;
  }

  /** Its hardware's MAC in normal form, read without making the hardware's words. */
  get mac(): string | undefined {
    const hardware = this.#hardware;
    return typeof hardware === 'string' ? hardware : hardware?.mac;
  }

  set hardware(hardware: Hardware | undefined) {
    this.#hardware = hardware;
  }

  /** Its hardware is `hardware ethernet MAC` as written, `mac` normal: the words made when read. */
  hardwareFromHead(mac: string): void {
    this.#hardware = mac;
  }

  /**
   * Its values are the words of its head from token `start` on, commas left out (a parameter's and an
   * option's are): made from them when read.
   */
  valuesFrom(start: number): void {
    this.#values = start;
  }

  /** The fields of a plain statement, in the order the plain ones have them. */
  toJSON(): object {
    return {
      ...this,
      hardware: this.hardware,
      option: this.option,
      values: this.values,
      span: this.span,
      keyword: this.keyword,
      words: this.words,
      body: this.body,
      bodySpan: this.bodySpan,
    };
  }
}

/** The normal MAC of a `hardware` statement (for a lazy one, without making its words). */
export function macOf(s: DhcpStatement): string | undefined {
  return s instanceof LazyStatement ? s.mac : s.hardware?.mac;
}

/** The text of a statement's first value (for a lazy one, without making its words). */
export function firstValueText(s: DhcpStatement): string | undefined {
  return s instanceof LazyStatement ? s.firstValueText() : s.values?.[0]?.text;
}

/** The space and name of a statement's option (for a lazy one, without making its reference). */
export function optionNameOf(s: DhcpStatement): OptionName | undefined {
  return s instanceof LazyStatement ? s.optionName : s.option;
}
