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
    while (i < text.length && (inQuote || !isSpace(text.charCodeAt(i)))) {
      if (text.charCodeAt(i) === 34) inQuote = !inQuote;
      i++;
    }
    const word = text.slice(start, i);
    if (word === '--') break;
    params.push(toParam(word, start, i));
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

function toParam(word: string, start: number, end: number): KernelParam {
  const eq = word.indexOf('=');
  if (eq < 0) return { name: unquote(word), value: undefined, start, end, valueStart: undefined };
  const rawValue = word.slice(eq + 1);
  const quoted = rawValue.charCodeAt(0) === 34;
  const value = unquote(rawValue);
  return {
    name: word.charCodeAt(0) === 34 ? word.slice(1, eq) : word.slice(0, eq),
    value,
    start,
    end,
    valueStart: start + eq + 1 + (quoted ? 1 : 0),
  };
}

function unquote(s: string): string {
  const from = s.charCodeAt(0) === 34 ? 1 : 0;
  const to = s.length > from && s.charCodeAt(s.length - 1) === 34 ? s.length - 1 : s.length;
  return from === 0 && to === s.length ? s : s.slice(from, to);
}

/** The last occurrence of a parameter: the kernel's early parameters take the last value given. */
export function lastParam(params: readonly KernelParam[], name: string): KernelParam | undefined {
  for (let i = params.length - 1; i >= 0; i--) if (params[i].name === name) return params[i];
  return undefined;
}
