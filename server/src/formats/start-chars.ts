/**
 * Chevrotain picks the token types to try by the first character of the input ("first char" optimisation)
 * only when it can tell every pattern's first characters; it cannot for a complement class such as
 * `[^\s]`. Such catch-all tokens list them with `start_chars_hint: startCharsExcept(/\s/)`.
 */

/** Every UTF-16 code unit that `excluded` does not match. */
export function startCharsExcept(excluded: RegExp): number[] {
  // Copied in runs between the excluded code units: a loop over 65,536 of them runs cold at start-up.
  const all = everyCodeUnitNumber();
  const runs: number[][] = [];
  let from = 0;
  for (const c of [...excludedCodeUnits(excluded)].sort((a, b) => a - b)) {
    runs.push(all.slice(from, c));
    from = c + 1;
  }
  runs.push(all.slice(from));
  return ([] as number[]).concat(...runs);
}

let allCodeUnitNumbers: readonly number[] | undefined;

/** The numbers 0 to 0xffff. */
function everyCodeUnitNumber(): readonly number[] {
  if (allCodeUnitNumbers === undefined) {
    const numbers: number[] = [];
    for (let c = 0; c <= 0xffff; c++) numbers.push(c);
    allCodeUnitNumbers = numbers;
  }
  return allCodeUnitNumbers;
}

/** A character class (`[ \t\n]`, `[\s(),#]`) or one escape (`\n`): it matches one code unit or none. */
const ONE_CHARACTER = /^(?:\[(?:[^\]\\]|\\.)*\]|\\[A-Za-z0-9])$/;

/**
 * The code units `excluded` matches. A one-character pattern without flags is run once over a string of
 * every code unit, where it finds what it would find in each alone (tested one by one, 65,536 tests took
 * ~8 ms per catch-all token at start-up: issue 6); any other pattern is tested one code unit at a time.
 */
function excludedCodeUnits(excluded: RegExp): Set<number> {
  const codes = new Set<number>();
  if (excluded.flags === '' && ONE_CHARACTER.test(excluded.source)) {
    for (const m of everyCodeUnit().matchAll(new RegExp(excluded.source, 'g'))) codes.add(m.index as number);
    return codes;
  }
  for (let c = 0; c <= 0xffff; c++) if (excluded.test(String.fromCharCode(c))) codes.add(c);
  return codes;
}

let allCodeUnits: string | undefined;

/** The string of the code units 0 to 0xffff, in order. */
function everyCodeUnit(): string {
  if (allCodeUnits === undefined) {
    const numbers = everyCodeUnitNumber();
    const parts: string[] = [];
    for (let start = 0; start <= 0xffff; start += 0x1000)
      parts.push(String.fromCharCode(...numbers.slice(start, start + 0x1000)));
    allCodeUnits = parts.join('');
  }
  return allCodeUnits;
}
