import type { IToken, TokenType } from 'chevrotain';

/**
 * The token objects the hand-written lexers make (Xen, exports, dhcpd.conf): the fields Chevrotain's lexer
 * gives a token with `positionTracking: 'onlyOffset'`, so that the grammars and the reference lexers' tests
 * read them alike. Adds one to `list`; returns where it ends.
 */
export function pushToken(list: IToken[], tokenType: TokenType, image: string, startOffset: number): number {
  list.push({ image, startOffset, tokenTypeIdx: tokenType.tokenTypeIdx as number, tokenType });
  return startOffset + image.length;
}
