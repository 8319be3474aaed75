import { plainRecord, SpanRecord } from '../../core/plain-record';
import type { Writable } from '../../core/plain-record';
import type { Span } from '../../core/text';
import type { ClientSpec } from './clients';
import type { ExportClient, ExportEntry, ExportOption, ExportPath, Located, OptionList } from './ast';
import { EXPORT_OPTIONS } from './options';

/**
 * The tree's nodes, made in one place by both readers of a line (`plain-line.ts` from the text, `parser.ts`
 * from tokens) so that they are the same objects with the same shapes. A large exports file's tree is most
 * of what reading it allocates (issue 6): lists that are empty share one frozen empty array, and the nodes
 * are plain records made by `new` (core/plain-record.ts), which V8 never pretenures.
 */

const OptionRecord = plainRecord(function (
  this: Writable<ExportOption>,
  name: string,
  value: string | undefined,
  span: Span,
  nameSpan: Span,
  valueSpan: Span | undefined,
) {
  this.name = name;
  this.value = value;
  this.span = span;
  this.nameSpan = nameSpan;
  this.valueSpan = valueSpan;
});

const OptionListRecord = plainRecord(function (
  this: Writable<OptionList>,
  span: Span,
  open: Span,
  close: Span | undefined,
  options: readonly ExportOption[],
  emptySlots: readonly Span[],
) {
  this.span = span;
  this.open = open;
  this.close = close;
  this.options = options;
  this.emptySlots = emptySlots;
});

const LocatedRecord = plainRecord(function (this: Writable<Located>, text: string, span: Span) {
  this.text = text;
  this.span = span;
});

/** A client with a host; a detached `(…)` (parser.ts) has one more field and stays a literal. */
const HostClientRecord = plainRecord(function (
  this: Writable<ExportClient>,
  span: Span,
  host: Located,
  spec: ClientSpec,
  options: OptionList | undefined,
  defaults: readonly OptionList[],
) {
  this.kind = 'client';
  this.span = span;
  this.host = host;
  this.spec = spec;
  this.options = options;
  this.defaults = defaults;
});

const EntryRecord = plainRecord(function (
  this: Writable<ExportEntry>,
  span: Span,
  path: ExportPath,
  items: ExportEntry['items'],
  clients: readonly ExportClient[],
  defaults: readonly OptionList[],
) {
  this.span = span;
  this.path = path;
  this.items = items;
  this.clients = clients;
  this.defaults = defaults;
});

const PathRecord = plainRecord(function (this: Writable<ExportPath>, raw: string, value: string, span: Span) {
  this.raw = raw;
  this.value = value;
  this.span = span;
});

/** An exported path as written (`raw`) and as exportfs reads it (`value`). */
export function makePath(raw: string, value: string, span: Span): ExportPath {
  return new PathRecord(raw, value, span);
}

/** The empty list of a line or client without default options, of an option list without empty slots. */
export const NO_ITEMS: readonly never[] = Object.freeze([]);

/** One option from its text and offset: `name`, or `name=value` split at the first `=`. */
export function makeOption(image: string, start: number): ExportOption {
  const end = start + image.length;
  const span = new SpanRecord(start, end);
  const eq = image.indexOf('=');
  if (eq < 0) return new OptionRecord(image, undefined, span, span, undefined);
  return new OptionRecord(
    image.slice(0, eq),
    image.slice(eq + 1),
    span,
    new SpanRecord(start, start + eq),
    new SpanRecord(start + eq + 1, end),
  );
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
        const span = new SpanRecord(start, end);
        return new OptionRecord(name, undefined, span, span, undefined);
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
  const slots = emptySlots.length === 0 ? NO_ITEMS : emptySlots;
  return new OptionListRecord(new SpanRecord(open.start, end), open, close, options, slots);
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
  const host = new LocatedRecord(text, hostSpan);
  return new HostClientRecord(span, host, spec, options, defaults.length === 0 ? NO_ITEMS : defaults);
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
  const span = new SpanRecord(path.span.start, end);
  return new EntryRecord(span, path, items, clients, defaults.length === 0 ? NO_ITEMS : defaults);
}
