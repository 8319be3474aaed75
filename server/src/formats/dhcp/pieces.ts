import type { IToken } from 'chevrotain';
import type { Span } from '../../core/text';
import { lexDhcpRange } from './lexer';
import { RBrace, Semicolon } from './tokens';

/**
 * A dhcpd.conf lexed a piece at a time, each piece a run of whole top-level statements. The parser reads
 * each piece's statements before it lexes the next, so a piece's tokens die young instead of all of a
 * 20,000-host file's half a million tokens living until the end of the parse (most of its cost was the
 * garbage collector moving them). The pieces read exactly as the whole text would: a piece is kept only
 * if it ends between two top-level statements and holds no string that runs past its end; otherwise the
 * rest of the file is lexed at once.
 */

/** What one piece holds, with offsets in the whole text. */
export interface LexedPiece {
  readonly tokens: readonly IToken[];
  readonly comments: readonly Span[];
  /** How deep the braces are at its end, and whether a string in it is never closed (lexer.ts `LexedRange`). */
  readonly depth: number;
  readonly unclosedString: boolean;
  /** Where the piece ends in the whole text. */
  readonly end: number;
}

/** About this many characters per piece; a piece ends at the first closing `}` on a line of its own after. */
export const PIECE_CHARS = 32 * 1024;

/**
 * How many line-ending `}` a piece may try before the rest of the file is lexed at once (a `}` line inside a
 * string is not an end; a file whose braces never balance again has none).
 */
const TRIES = 8;

/** A piece that would be longer than this is not tried: the rest of the file is lexed at once. */
const MAX_PIECE_CHARS = 8 * PIECE_CHARS;

/** The piece from `start` to the first line-ending `}` where it ends between statements, if one is near. */
export function nextPiece(text: string, start: number, to: number): LexedPiece | undefined {
  let end = Math.min(to, pieceEnd(text, start + PIECE_CHARS));
  for (let tries = 0; tries < TRIES; tries++) {
    // A try lexes the piece from its start again: far-apart candidates would make that costly.
    if (end < to && end - start > MAX_PIECE_CHARS) return undefined;
    const piece = lexPiece(text, start, end);
    if (end >= to || endsBetweenStatements(piece, text)) return piece;
    end = Math.min(to, pieceEnd(text, end));
  }
  return undefined;
}

/** The end of the first line after `from` that holds only a `}` at its start (a top-level block's end). */
function pieceEnd(text: string, from: number): number {
  let at = from;
  for (;;) {
    const i = text.indexOf('\n}', at);
    if (i < 0) return text.length;
    let j = i + 2;
    while (j < text.length && (text[j] === ' ' || text[j] === '\t' || text[j] === '\r')) j++;
    if (j >= text.length) return text.length;
    if (text[j] === '\n') return j + 1;
    at = i + 2;
  }
}

/** Lexes `text[start, end)` as one piece, with offsets in the whole text. */
export function lexPiece(text: string, start: number, end: number): LexedPiece {
  const lexed = lexDhcpRange(text, start, end);
  return { ...lexed, end };
}

/**
 * Whether a piece ends where the structure reader (structure.ts) is between two top-level statements:
 * braces balanced, the last token a `;` or a `}` (not one closing a record type, which a `;` follows), and
 * every string closed within the piece, and nothing after it that the reader would join to its end.
 */
export function endsBetweenStatements(piece: LexedPiece, text: string): boolean {
  const last = piece.tokens[piece.tokens.length - 1];
  if (piece.depth !== 0 || piece.unclosedString || !last || !startsStatement(text, piece.end)) return false;
  return last.tokenType === Semicolon || last.tokenType === RBrace;
}

/**
 * Whether a statement can start at `offset` for the structure reader: not at a `;` (after a record type's
 * `}` it ends that statement) nor at a `}` or `;` that would join a run of stray ones before it (reported as
 * one issue, structure.ts `strayRun`).
 */
export function startsStatement(text: string, offset: number): boolean {
  const at = nextSignificant(text, offset);
  const next = text[at];
  if (next === ';' || next === '}') return false;
  // Nor between an `if` and its `else`: the reparse (reparse.ts) would have to read them together anyway.
  ELSE.lastIndex = at;
  return !ELSE.test(text);
}

const ELSE = /els(e|if)(?![A-Za-z0-9_.:-])/iy;

/** Whether a string token ends with its closing quote (an unclosed one runs to its line's end). */
export function isClosedString(image: string): boolean {
  let i = 1;
  while (i < image.length && image[i] !== '"') i += image[i] === '\\' ? 2 : 1;
  return i === image.length - 1;
}

/** Where the next character after `from` that is neither white space nor in a comment is (or the end). */
function nextSignificant(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const c = text[i];
    if (c === '#') {
      const eol = text.indexOf('\n', i);
      if (eol < 0) return text.length;
      i = eol + 1;
    } else if (c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === '\f' || c === '\v') i++;
    else return i;
  }
  return text.length;
}
