/**
 * The Linux kernel command line, split as the kernel splits it (lib/cmdline.c `next_arg`): words separated
 * by spaces, `name=value`, double quotes allowed around a value or a whole word, `--` ends the kernel's part.
 */

/** One `name[=value]` word, with offsets into the command line text. */
export interface KernelParam {
  readonly name: string;
  readonly value: string | undefined;
  /** Start and end of the whole word. */
  readonly start: number;
  readonly end: number;
  /** Where the value starts (after `=` and an opening quote); undefined for a bare word. */
  readonly valueStart: number | undefined;
}

/** Splits a kernel command line into parameters; everything after a lone `--` is for init and skipped. */
export function splitCommandLine(text: string): KernelParam[] {
  const params: KernelParam[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    if (i >= text.length) break;
    const start = i;
    let inQuote = false;
    // The first `=` of the word: the word is read in place, not sliced out first (a string per word, issue 6).
    let eq = -1;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (!inQuote && isSpace(c)) break;
      if (c === QUOTE) inQuote = !inQuote;
      else if (c === EQUALS && eq < 0) eq = i;
      i++;
    }
    if (i - start === 2 && text.charCodeAt(start) === DASH && text.charCodeAt(start + 1) === DASH) break;
    params.push(toParam(text, start, i, eq));
  }
  return params;
}

const QUOTE = 34;
const DASH = 45;
const EQUALS = 61;

/** JavaScript's `\s`, without a regular expression per character. */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** The word `text[start..end)`, whose first `=` is at `eq` (-1 if none). */
function toParam(text: string, start: number, end: number, eq: number): KernelParam {
  if (eq < 0) return { name: unquote(text, start, end), value: undefined, start, end, valueStart: undefined };
  const quoted = eq + 1 < end && text.charCodeAt(eq + 1) === QUOTE;
  return {
    name: text.slice(text.charCodeAt(start) === QUOTE ? start + 1 : start, eq),
    value: unquote(text, eq + 1, end),
    start,
    end,
    valueStart: eq + 1 + (quoted ? 1 : 0),
  };
}

/** `text[from..to)` without a double quote at its start and one at its end. */
function unquote(text: string, from: number, to: number): string {
  const first = from < to && text.charCodeAt(from) === QUOTE ? from + 1 : from;
  const last = to > first && text.charCodeAt(to - 1) === QUOTE ? to - 1 : to;
  return text.slice(first, last);
}

/** The last occurrence of a parameter: the kernel's early parameters take the last value given. */
export function lastParam(params: readonly KernelParam[], name: string): KernelParam | undefined {
  for (let i = params.length - 1; i >= 0; i--) if (params[i].name === name) return params[i];
  return undefined;
}
