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
    while (i < text.length && /\s/.test(text[i])) i++;
    if (i >= text.length) break;
    const start = i;
    let inQuote = false;
    while (i < text.length && (inQuote || !/\s/.test(text[i]))) {
      if (text[i] === '"') inQuote = !inQuote;
      i++;
    }
    const word = text.slice(start, i);
    if (word === '--') break;
    params.push(toParam(word, start, i));
  }
  return params;
}

function toParam(word: string, start: number, end: number): KernelParam {
  const eq = word.indexOf('=');
  if (eq < 0) return { name: unquote(word), value: undefined, start, end, valueStart: undefined };
  const rawValue = word.slice(eq + 1);
  const quoted = rawValue.startsWith('"');
  const value = unquote(rawValue);
  return {
    name: word.slice(0, eq).replace(/^"/, ''),
    value,
    start,
    end,
    valueStart: start + eq + 1 + (quoted ? 1 : 0),
  };
}

function unquote(s: string): string {
  return s.replace(/^"/, '').replace(/"$/, '');
}

/** The last occurrence of a parameter: the kernel's early parameters take the last value given. */
export function lastParam(params: readonly KernelParam[], name: string): KernelParam | undefined {
  for (let i = params.length - 1; i >= 0; i--) if (params[i].name === name) return params[i];
  return undefined;
}
