/**
 * Chevrotain picks the token types to try by the first character of the input ("first char" optimisation)
 * only when it can tell every pattern's first characters; it cannot for a complement class such as
 * `[^\s]`. Such catch-all tokens list them with `start_chars_hint: startCharsExcept(/\s/)`.
 */

/** Every UTF-16 code unit that `excluded` does not match. */
export function startCharsExcept(excluded: RegExp): number[] {
  const out: number[] = [];
  for (let c = 0; c <= 0xffff; c++) if (!excluded.test(String.fromCharCode(c))) out.push(c);
  return out;
}
