import type { IToken } from 'chevrotain';
import { Backslash, Colon, EqualsEquals, Identifier, LParen, NumberLiteral, OtherChar } from './tokens';

/**
 * Recognising Python in xm configs (which `xm create` ran as Python: tools/python/xen/xm/create.py).
 * Recognised constructs are reported and skipped; nothing is ever evaluated.
 */

const PYTHON_KEYWORDS = new Set([
  'def',
  'class',
  'if',
  'elif',
  'else',
  'for',
  'while',
  'try',
  'except',
  'finally',
  'with',
  'import',
  'from',
  'print',
  'pass',
  'return',
  'global',
  'del',
  'assert',
  'raise',
  'lambda',
  'break',
  'continue',
]);

/** Whether a statement's first word is a Python keyword. */
export function isPythonKeyword(word: string): boolean {
  return PYTHON_KEYWORDS.has(word);
}

/** Characters that make an expression Python rather than a broken xl value (xl's lexer flags `+-.():` too). */
const PYTHON_OPERATORS = /^[%+\-*/.<>!&|~^{}]$/;

/** Whether tokens (a value, or a whole statement) contain Python syntax. */
export function looksLikePython(tokens: readonly IToken[]): boolean {
  if (tokens.length === 1 && tokens[0].tokenType === Identifier) return true;
  return tokens.some(
    (t) =>
      t.tokenType === LParen ||
      t.tokenType === EqualsEquals ||
      t.tokenType === Backslash ||
      (t.tokenType === Colon && t === tokens[tokens.length - 1]) ||
      (t.tokenType === OtherChar && PYTHON_OPERATORS.test(t.image)) ||
      (t.tokenType === NumberLiteral && /^\d+\.\d*$/.test(t.image)),
  );
}

/** A few words saying what a Python construct is, for the diagnostic. */
export function describePython(tokens: readonly IToken[]): string {
  const first = tokens[0].image;
  if (first === 'def') return 'a function definition';
  if (first === 'import' || first === 'from') return 'an import';
  if (first === 'if' || first === 'elif' || first === 'else') return 'a conditional';
  if (first === 'for' || first === 'while') return 'a loop';
  if (isPythonKeyword(first)) return `a Python '${first}' statement`;
  if (tokens.some((t) => t.image === '%')) return 'a % formatting expression';
  if (tokens.some((t) => t.tokenType === LParen)) return 'a function call';
  if (tokens.length === 1 && tokens[0].tokenType === Identifier)
    return `a reference to the variable '${first}'`;
  return 'a Python expression';
}
