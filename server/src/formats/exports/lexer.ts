import { Lexer } from 'chevrotain';
import type { IToken } from 'chevrotain';
import { EXPORTS_TOKENS } from './tokens';

/** One lexer instance for all exports files: Chevrotain lexers keep no state between calls. */
const EXPORTS_LEXER = new Lexer(EXPORTS_TOKENS, {
  positionTracking: 'onlyOffset',
  ensureOptimizations: true,
});

/** The tokens of an exports file and its comments. Every character lexes (`OtherChar` catches the rest). */
export interface ExportsTokens {
  readonly tokens: readonly IToken[];
  readonly comments: readonly IToken[];
}

/** Lexes an exports file; never throws. */
export function lexExports(text: string): ExportsTokens {
  const result = EXPORTS_LEXER.tokenize(text);
  return { tokens: result.tokens, comments: result.groups['comments'] ?? [] };
}

/** About how much text one piece holds. */
const PIECE_CHARS = 32 * 1024;

/**
 * Lexes an exports file a piece at a time, each piece whole lines (`\` + line break continues a line, so a
 * piece never ends there), the tokens' offsets into the whole text: what `lexExports` gives, cut at line
 * breaks. No token spans a line break but a continuation, and `-` reads a piece's start as a line's, so the
 * tokens are the same. A caller that reads each piece before the next lets its tokens die young: a
 * 2,000-line file's tokens at once outlived the young generation and stayed as garbage (issue 6).
 */
export function* lexExportsPieces(text: string): Generator<ExportsTokens, void> {
  for (let start = 0; start < text.length; ) {
    const end = pieceEnd(text, start + PIECE_CHARS);
    const piece = lexExports(start === 0 && end === text.length ? text : text.slice(start, end));
    if (start > 0) for (const t of piece.tokens) t.startOffset += start;
    if (start > 0) for (const t of piece.comments) t.startOffset += start;
    yield piece;
    start = end;
  }
}

/** Just after the first line break at or after `from` that ends a line (not a continuation); else the end. */
function pieceEnd(text: string, from: number): number {
  for (let i = text.indexOf('\n', from); i >= 0; i = text.indexOf('\n', i + 1))
    if (text.charCodeAt(i - 1) !== BACKSLASH) return i + 1;
  return text.length;
}

const BACKSLASH = 92;
