import { spanContains } from '../../core/text';
import type { ExportClient, ExportEntry, ExportOption, OptionList } from '../../formats/exports/ast';
import type { ExportsFile } from '../../rules/exports/types';

/** What stands at an offset of an exports file. */
export type ExportsLocation =
  | { readonly kind: 'path'; readonly entry: ExportEntry }
  | { readonly kind: 'client'; readonly entry: ExportEntry; readonly client: ExportClient }
  | {
      readonly kind: 'option';
      readonly entry: ExportEntry;
      readonly list: OptionList;
      readonly option: ExportOption;
      readonly client: ExportClient | undefined;
    }
  | { readonly kind: 'none' };

function optionAt(list: OptionList, offset: number): ExportOption | undefined {
  return list.options.find((o) => spanContains(o.span, offset));
}

/** The path, client host or option under the cursor. */
export function locateInExports(file: ExportsFile, offset: number): ExportsLocation {
  const entry = file.ast.entries.find((e) => spanContains(e.span, offset));
  if (!entry) return { kind: 'none' };
  if (spanContains(entry.path.span, offset)) return { kind: 'path', entry };
  for (const item of entry.items) {
    if (!spanContains(item.span, offset)) continue;
    if (item.kind === 'defaults') {
      const option = optionAt(item.options, offset);
      if (option) return { kind: 'option', entry, list: item.options, option, client: undefined };
      continue;
    }
    if (item.host && spanContains(item.host.span, offset)) return { kind: 'client', entry, client: item };
    const option = item.options && optionAt(item.options, offset);
    if (item.options && option) return { kind: 'option', entry, list: item.options, option, client: item };
    if (!item.host) return { kind: 'client', entry, client: item };
  }
  return { kind: 'none' };
}
