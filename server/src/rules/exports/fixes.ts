import type { FixSpec, TextEditSpec } from '../../core/finding';
import type { ExportClient, ExportOption, OptionList } from '../../formats/exports/ast';
import type { ExportsFile } from './types';

/**
 * Edits on option lists shared by the exports quick fixes: removing one option with its comma, and adding
 * an option to a client (inside its parentheses, or a new `(…)` after a client that has none).
 */

/** The edit that removes `option` and one comma next to it from `list`. */
export function removeOptionEdit(file: ExportsFile, list: OptionList, option: ExportOption): TextEditSpec {
  const text = file.text;
  let { start, end } = option.span;
  if (text[end] === ',') end++;
  else if (text[start - 1] === ',' && start - 1 > list.open.start) start--;
  return { uri: file.uri, span: { start, end }, newText: '' };
}

/** A fix that removes one option. */
export function removeOptionFix(
  file: ExportsFile,
  list: OptionList,
  option: ExportOption,
  title: string,
  preferred?: boolean,
): FixSpec {
  return { title, edits: [removeOptionEdit(file, list, option)], preferred };
}

/** A fix that adds `name` to a client's options; undefined where no clean edit exists (unclosed list). */
export function addOptionFix(file: ExportsFile, client: ExportClient, name: string): FixSpec | undefined {
  const title = `Add '${name}'`;
  const list = client.options;
  if (!list) {
    if (!client.host) return undefined;
    const at = client.host.span.end;
    return { title, edits: [{ uri: file.uri, span: { start: at, end: at }, newText: `(${name})` }] };
  }
  if (!list.close) return undefined;
  const at = list.close.start;
  const inside = file.text.slice(list.open.end, at).trim();
  const newText = inside === '' || inside.endsWith(',') ? name : `,${name}`;
  return { title, edits: [{ uri: file.uri, span: { start: at, end: at }, newText }] };
}
