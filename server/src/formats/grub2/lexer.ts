import { Lexer } from 'chevrotain';
import type { Span } from '../../core/text';
import { GRUB2_TOKENS, LBrace, Newline, RBrace, Semi, Word } from './tokens';
import { decodeWord } from './word';
import type { Word as DecodedWord } from './word';

/** One Chevrotain lexer for every grub.cfg: lexers keep no state between calls. */
const GRUB2_LEXER = new Lexer(GRUB2_TOKENS, { positionTracking: 'onlyOffset', ensureOptimizations: true });

/** What a token is to the grammar (parser.y's terminals). */
export type Grub2TokenKind = 'word' | 'newline' | 'semi' | 'lbrace' | 'rbrace' | 'operator' | 'eof';

/** A token with its decoded word, if it is one. */
export interface Grub2Token {
  readonly kind: Grub2TokenKind;
  readonly image: string;
  readonly span: Span;
  readonly word: DecodedWord | undefined;
}

/** The tokens of a grub.cfg, its comments, and what the lexer could not read. */
export interface Grub2Tokens {
  readonly tokens: readonly Grub2Token[];
  readonly comments: readonly Span[];
  readonly errors: readonly { readonly span: Span; readonly message: string }[];
}

function kindOf(name: string): Grub2TokenKind {
  if (name === Word.name) return 'word';
  if (name === Newline.name) return 'newline';
  if (name === Semi.name) return 'semi';
  if (name === LBrace.name) return 'lbrace';
  if (name === RBrace.name) return 'rbrace';
  return 'operator';
}

/** Lexes a grub.cfg; never throws. The last token is always `eof`. */
export function lexGrub2(text: string): Grub2Tokens {
  const result = GRUB2_LEXER.tokenize(text);
  const tokens: Grub2Token[] = result.tokens.map((t) => {
    const kind = kindOf(t.tokenType.name);
    const span = { start: t.startOffset, end: t.startOffset + t.image.length };
    const word = kind === 'word' ? decodeWord(t.image, span.start, span.end >= text.length) : undefined;
    return { kind, image: t.image, span, word };
  });
  tokens.push({ kind: 'eof', image: '', span: { start: text.length, end: text.length }, word: undefined });
  const comments = (result.groups['comments'] ?? []).map((t) => ({
    start: t.startOffset,
    end: t.startOffset + t.image.length,
  }));
  const errors = result.errors.map((e) => ({
    span: { start: e.offset, end: e.offset + Math.max(1, e.length) },
    message: `GRUB cannot read this character (${JSON.stringify(text.slice(e.offset, e.offset + e.length))})`,
  }));
  return { tokens, comments, errors };
}
