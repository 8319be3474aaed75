import type { Span } from '../../core/text';
import type { ClientSpec } from './clients';
import type { ExportClient, ExportEntry, ExportOption, ExportPath, OptionList } from './ast';
import { EXPORT_OPTIONS } from './options';

/**
 * The tree's nodes, made in one place by both readers of a line (`plain-line.ts` from the text, `parser.ts`
 * from tokens) so that they are the same objects with the same shapes. A large exports file's tree is most
 * of what reading it allocates (issue 6): lists that are empty share one frozen empty array.
 */

/** The empty list of a line or client without default options, of an option list without empty slots. */
export const NO_ITEMS: readonly never[] = Object.freeze([]);

/** One option from its text and offset: `name`, or `name=value` split at the first `=`. */
export function makeOption(image: string, start: number): ExportOption {
  const end = start + image.length;
  const span = { start, end };
  const eq = image.indexOf('=');
  if (eq < 0) return { name: image, value: undefined, span, nameSpan: span, valueSpan: undefined };
  return {
    name: image.slice(0, eq),
    value: image.slice(eq + 1),
    span,
    nameSpan: { start, end: start + eq },
    valueSpan: { start: start + eq + 1, end },
  };
}

/**
 * One option from `text[start..end)`, as `makeOption` makes it from that word: a flag the exports options know
 * (`rw`, `sync`, `no_subtree_check`, …) takes the known name's string rather than a copy of its own, so the
 * flags of a large file allocate no string, and the rules find them by an interned key.
 */
export function makeOptionAt(text: string, start: number, end: number): ExportOption {
  const names = FLAGS_BY_LENGTH[end - start];
  if (names !== undefined)
    for (const name of names)
      if (text.startsWith(name, start)) {
        const span = { start, end };
        return { name, value: undefined, span, nameSpan: span, valueSpan: undefined };
      }
  return makeOption(text.slice(start, end), start);
}

/** The names of the known options, by length (none has a `=`: a word equal to one is a flag as written). */
const FLAGS_BY_LENGTH: (readonly string[] | undefined)[] = flagsByLength();

function flagsByLength(): string[][] {
  const table: string[][] = [];
  for (const o of EXPORT_OPTIONS) (table[o.name.length] ??= []).push(o.name);
  return table;
}

/** An option list from its opening token to its end; `close` is undefined for `-…` or a missing `)`. */
export function makeOptionList(
  open: Span,
  close: Span | undefined,
  end: number,
  options: readonly ExportOption[],
  emptySlots: readonly Span[],
): OptionList {
  return {
    span: { start: open.start, end },
    open,
    close,
    options,
    emptySlots: emptySlots.length === 0 ? NO_ITEMS : emptySlots,
  };
}

/** A client with a host (`host`, `host(opts)`), as written; `text` still holds its quotes. */
export function makeHostClient(
  span: Span,
  text: string,
  hostSpan: Span,
  spec: ClientSpec,
  options: OptionList | undefined,
  defaults: readonly OptionList[],
): ExportClient {
  return {
    kind: 'client',
    span,
    host: { text, span: hostSpan },
    spec,
    options,
    defaults: defaults.length === 0 ? NO_ITEMS : defaults,
  };
}

/** An export line; `items` holds only clients when there are no default lists, and is then `clients` too. */
export function makeEntry(
  path: ExportPath,
  end: number,
  items: readonly ExportEntry['items'][number][],
  defaults: readonly OptionList[],
): ExportEntry {
  const clients =
    defaults.length === 0
      ? (items as readonly ExportClient[])
      : items.filter((i): i is ExportClient => i.kind === 'client');
  return {
    span: { start: path.span.start, end },
    path,
    items,
    clients,
    defaults: defaults.length === 0 ? NO_ITEMS : defaults,
  };
}
