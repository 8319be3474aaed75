import type { IToken } from 'chevrotain';
import { parseIpv4 } from '../../core/ipv4';
import type { DhcpIssueKind } from './ast';
import { Atom, Comma, StringLiteral } from './tokens';

/**
 * Reads an option's or parameter's values by dhcpd's format letters (see options.ts), as dhcpd's
 * `parse_option_token` does (common/parse.c): records of items separated by spaces, arrays of records or of
 * the last item separated by commas. Behaviour checked against `dhcpd -t` 4.4.3.
 */

/** A problem with a value: where, what, and which rule it belongs to. */
export interface ValueProblem {
  readonly token: IToken | undefined;
  readonly message: string;
  readonly kind: DhcpIssueKind;
}

/** The outcome: how many tokens the values took, and the first problem. */
export interface ValueRead {
  readonly consumed: number;
  readonly problem: ValueProblem | undefined;
}

interface FormatItem {
  readonly code: string;
  /** For `E` and `N`: the space or enumeration name. */
  readonly arg?: string;
  readonly optional: boolean;
}

/** Splits a format string into its items and its array kind. */
export function parseFormat(format: string): ParsedFormat {
  let parsed = PARSED_FORMATS.get(format);
  if (!parsed) {
    parsed = parseFormatOnce(format);
    // Declared options bring their own formats: a file of many thousands must not grow the cache for ever.
    if (PARSED_FORMATS.size >= 1000) PARSED_FORMATS.clear();
    PARSED_FORMATS.set(format, parsed);
  }
  return parsed;
}

/** A format's items and array shape. */
export interface ParsedFormat {
  readonly items: readonly FormatItem[];
  readonly array: 'none' | 'record' | 'last';
}

/** Formats come from the option tables and the file's declarations: a few hundred distinct strings at most. */
const PARSED_FORMATS = new Map<string, ParsedFormat>();

function parseFormatOnce(format: string): ParsedFormat {
  const items: FormatItem[] = [];
  let array: 'none' | 'record' | 'last' = 'none';
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c === 'A') array = 'record';
    else if (c === 'a') array = 'last';
    else if (c === 'o' && items.length > 0)
      items[items.length - 1] = { ...items[items.length - 1], optional: true };
    else if (c === 'c' || c === 'e') continue;
    else if (c === 'E' || c === 'N') {
      const end = format.indexOf('.', i + 1);
      const stop = end < 0 ? format.length : end;
      items.push({ code: c, arg: format.slice(i + 1, stop), optional: false });
      i = stop;
    } else items.push({ code: c, optional: false });
  }
  return { items, array };
}

const HOST_NAME = /^[A-Za-z0-9_]([A-Za-z0-9_-]*)(\.[A-Za-z0-9_-]+)*\.?$/;
const HEX_BYTES = /^[0-9a-fA-F]{1,2}(:[0-9a-fA-F]{1,2})*$/;
const RANGES: Readonly<Record<string, readonly [number, number]>> = {
  B: [0, 255],
  S: [0, 65535],
  L: [0, 4294967295],
  T: [0, 4294967295],
  b: [-128, 255],
  s: [-32768, 65535],
  l: [-2147483648, 4294967295],
};

/** dhcpd's numbers: decimal, or hex with `0x`; a leading `-` is taken (common/parse.c `parse_numeric`). */
export function parseDhcpNumber(text: string): number | undefined {
  const m = /^(-?)(0x[0-9a-fA-F]+|[0-9]+)$/.exec(text);
  if (!m) return undefined;
  const n = m[2].startsWith('0x') ? parseInt(m[2].slice(2), 16) : parseInt(m[2], 10);
  return m[1] ? -n : n;
}

/** Checks an address-or-host-name token (format `I`): a dotted quad with octets ≤ 255, or a host name. */
export function checkAddressToken(t: IToken | undefined): ValueProblem | undefined {
  if (!t || t.tokenType !== Atom) {
    return {
      token: t,
      message: `expected an IP address or host name${t ? ` but found '${t.image}'` : ''}`,
      kind: 'syntax',
    };
  }
  if (/^[0-9.]+$/.test(t.image)) {
    if (parseIpv4(t.image) !== undefined) return undefined;
    const octets = t.image.split('.');
    const big = octets.find((o) => Number(o) > 255);
    const message = big
      ? `'${t.image}' is not an IPv4 address: ${big} is more than 255`
      : `'${t.image}' is not an IPv4 address: it needs four numbers separated by dots`;
    return { token: t, message, kind: 'invalid-address' };
  }
  if (HOST_NAME.test(t.image)) return undefined;
  return {
    token: t,
    message: `'${t.image}' is neither an IPv4 address nor a host name`,
    kind: 'invalid-address',
  };
}

/** What was expected and what was found instead: made only when a value is wrong. */
function expected(t: IToken | undefined, what: string): ValueProblem {
  return { token: t, message: `${what}${t ? ` but found '${t.image}'` : ''}`, kind: 'syntax' };
}

function checkItem(
  item: FormatItem,
  t: IToken | undefined,
  enums: ReadonlyMap<string, readonly string[]>,
): ValueProblem | undefined {
  const isAtom = t?.tokenType === Atom;
  switch (item.code) {
    case 'I':
      return checkAddressToken(t);
    case '6':
      return isAtom && /^[0-9a-fA-F:.]+$/.test(t.image) && t.image.includes(':')
        ? undefined
        : expected(t, `expected an IPv6 address`);
    case 't':
      return t?.tokenType === StringLiteral || (isAtom && /^[A-Za-z_][A-Za-z0-9_-]*$/.test(t.image))
        ? undefined
        : expected(t, `expected a quoted string`);
    case 'X':
    case 'E':
      return t?.tokenType === StringLiteral || (isAtom && HEX_BYTES.test(t.image))
        ? undefined
        : expected(t, 'expected a quoted string or colon-separated hex bytes');
    case 'd':
    case 'U':
      return isAtom && HOST_NAME.test(t.image) ? undefined : expected(t, `expected a name`);
    case 'D':
      return t?.tokenType === StringLiteral ? undefined : expected(t, `expected a quoted domain name`);
    case 'f':
      return isAtom && /^(true|false|on|off|ignore)$/i.test(t.image)
        ? undefined
        : expected(t, `expected true, false, on or off`);
    case 'N': {
      const values = enums.get(item.arg ?? '') ?? [];
      return isAtom && values.includes(t.image.toLowerCase())
        ? undefined
        : expected(t, `expected one of ${values.join(', ')}`);
    }
    default:
      return checkNumber(item.code, t);
  }
}

function checkNumber(code: string, t: IToken | undefined): ValueProblem | undefined {
  const range = RANGES[code];
  if (!range) return undefined;
  if (code === 'T' && t?.image.toLowerCase() === 'infinite') return undefined;
  const n = t?.tokenType === Atom ? parseDhcpNumber(t.image) : undefined;
  if (n === undefined)
    return { token: t, message: `expected a number${t ? ` but found '${t.image}'` : ''}`, kind: 'syntax' };
  if (Math.abs(n) > range[1])
    return { token: t, message: `${t?.image} is more than ${range[1]}`, kind: 'syntax' };
  return undefined;
}

/**
 * Reads values of `format` from the start of `tokens`. `enums` holds the enumerations `N` items name.
 * Stops at the first problem or after the last value; the caller checks what follows.
 */
export function readValues(
  format: string,
  tokens: readonly IToken[],
  enums: ReadonlyMap<string, readonly string[]>,
  start = 0,
): ValueRead {
  const { items, array } = parseFormat(format);
  // A cursor object rather than closures: this runs for every option and parameter of a large file.
  const r = new ValueCursor(tokens, enums, start);
  let problem: ValueProblem | undefined;
  if (array === 'record') problem = r.repeat(items, 0);
  else {
    const last = array === 'last' ? items.length - 1 : items.length;
    for (let k = 0; k < last && !problem; k++) problem = r.item(items[k]);
    if (!problem && array === 'last') problem = r.repeat(items, items.length - 1);
    if (!problem && array === 'none' && format.startsWith('D'))
      problem = listMore(tokens, r.i, (n) => (r.i = n));
  }
  return { consumed: r.i - start, problem };
}

/**
 * Whether `readValues` would read the one token `t` as the whole value of `format` without a problem, when
 * the format has a single item (then that item's check is the whole answer, whatever its array kind);
 * undefined for other formats. Spares the quick reader (quick-reader.ts) a cursor per statement.
 */
export function fitsOneItem(
  format: string,
  t: IToken,
  enums: ReadonlyMap<string, readonly string[]>,
): boolean | undefined {
  const { items } = parseFormat(format);
  return items.length === 1 ? checkItem(items[0], t, enums) === undefined : undefined;
}

/** Where `readValues` is in the tokens. */
class ValueCursor {
  constructor(
    readonly tokens: readonly IToken[],
    readonly enums: ReadonlyMap<string, readonly string[]>,
    public i: number,
  ) {}

  /** Checks the next token against one item; takes it when it fits. */
  item(it: FormatItem): ValueProblem | undefined {
    if (it.optional && this.i >= this.tokens.length) return undefined;
    const p = checkItem(it, this.tokens[this.i], this.enums);
    if (!p) this.i++;
    return p;
  }

  /** The items from `from` on, again after each comma. */
  repeat(items: readonly FormatItem[], from: number): ValueProblem | undefined {
    for (;;) {
      for (let k = from; k < items.length; k++) {
        const p = this.item(items[k]);
        if (p) return p;
      }
      if (this.tokens[this.i]?.tokenType !== Comma) return undefined;
      this.i++;
    }
  }
}

/** Domain lists (`D`): more quoted names after commas. */
function listMore(
  tokens: readonly IToken[],
  start: number,
  set: (n: number) => void,
): ValueProblem | undefined {
  let i = start;
  while (tokens[i]?.tokenType === Comma) {
    if (tokens[i + 1]?.tokenType !== StringLiteral) {
      set(i + 1);
      return {
        token: tokens[i + 1],
        message: 'expected a quoted domain name after the comma',
        kind: 'syntax',
      };
    }
    i += 2;
  }
  set(i);
  return undefined;
}
