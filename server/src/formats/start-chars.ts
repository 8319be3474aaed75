/**
 * Chevrotain picks the token types to try by the first character of the input ("first char" optimisation)
 * only when it can tell every pattern's first characters; it cannot for a complement class such as
 * `[^\s]`. Such catch-all tokens list them with `start_chars_hint: startCharsExcept(/\s/)`.
 *
 * Chevrotain files a hint's characters under an index: its own code below 256, else one index for each run
 * of 255 codes (chevrotain 10.5 lib/src/scan/lexer.js, `charCodeToOptimizedIndex` and
 * `initCharCodeToOptimizedIndexMap`). A token is a candidate for every character of an index one of its hint
 * characters falls in, so one character per index gives the lexer exactly what all of them give. The whole
 * list was some 65,500 numbers per catch-all token (0.5 MB each, eight of them, kept for the life of the
 * server: issue 6); this one is at most 511.
 */

/** The index under which Chevrotain files a first character. */
function chevrotainIndex(code: number): number {
  return code > 255 ? 255 + Math.floor(code / 255) : code;
}

/** For each index Chevrotain files first characters under, one UTF-16 code unit of it that `excluded` does not match. */
export function startCharsExcept(excluded: RegExp): number[] {
  const out: number[] = [];
  let last = -1;
  for (let c = 0; c <= 0xffff; c++) {
    const index = chevrotainIndex(c);
    if (index !== last && !excluded.test(String.fromCharCode(c))) {
      out.push(c);
      last = index;
    }
  }
  return out;
}
