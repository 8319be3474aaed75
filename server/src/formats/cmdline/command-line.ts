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
    // The word's first `=` (quoted or not), found while reading it: no copy of the word is made (issue 6).
    let eq = -1;
    // One character code each: a `"` toggles quoting (it is no space), a space outside quotes ends the word.
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 34) inQuote = !inQuote;
      else if (c === 61) {
        if (eq < 0) eq = i;
      } else if (!inQuote && isSpace(c)) break;
      i++;
    }
    if (i - start === 2 && text.charCodeAt(start) === 45 && text.charCodeAt(start + 1) === 45) break;
    params.push(toParam(text, start, i, eq));
  }
  return params;
}

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

/** The parameter of the word `[start, end)` of `text`, whose first `=` is at `eq` (-1: none). */
function toParam(text: string, start: number, end: number, eq: number): KernelParam {
  if (eq < 0) return { name: unquote(text, start, end), value: undefined, start, end, valueStart: undefined };
  const quoted = eq + 1 < end && text.charCodeAt(eq + 1) === 34;
  return {
    name: text.charCodeAt(start) === 34 ? text.slice(start + 1, eq) : text.slice(start, eq),
    value: unquote(text, eq + 1, end),
    start,
    end,
    valueStart: eq + 1 + (quoted ? 1 : 0),
  };
}

/** The text of `[from, to)` without a `"` at its start and one at its end. */
function unquote(text: string, from: number, to: number): string {
  const a = from < to && text.charCodeAt(from) === 34 ? from + 1 : from;
  const b = to > a && text.charCodeAt(to - 1) === 34 ? to - 1 : to;
  return text.slice(a, b);
}

/** The last occurrence of a parameter: the kernel's early parameters take the last value given. */
export function lastParam(params: readonly KernelParam[], name: string): KernelParam | undefined {
  for (let i = params.length - 1; i >= 0; i--) if (params[i].name === name) return params[i];
  return undefined;
}
