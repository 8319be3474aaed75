import { EXPORT_OPTIONS, EXPORT_OPTION_MAP } from '../../formats/exports/options';
import type { ExportsFile } from '../../rules/exports/types';
import type { CompletionEntry } from '../completion';
import { exportOptionMarkdown } from './hover';

const SNIPPET = 2;

function optionCompletions(): CompletionEntry[] {
  return EXPORT_OPTIONS.filter((o) => !o.aliasOf).map((o) => ({
    label: o.name,
    kind: 10,
    detail: o.form === 'flag' ? (o.isDefault ? 'default' : undefined) : `${o.name}=…`,
    documentation: { kind: 'markdown', value: exportOptionMarkdown(o) },
    insertText: o.form === 'value' ? `${o.name}=$1` : o.name,
    insertTextFormat: o.form === 'value' ? SNIPPET : undefined,
    // The options a diskless root needs come first.
    sortText: `${['rw', 'sync', 'no_root_squash', 'no_subtree_check'].includes(o.name) ? '0' : '1'}${o.name}`,
  }));
}

/**
 * Completion inside an option list: option names after `(`, `,` or a line's `-`, and the values of
 * enumerable options after `=` (`sec=` flavours, each after a `:` too; `fsid=0`/`root`).
 */
export function completeExports(file: ExportsFile, offset: number): CompletionEntry[] {
  const lineStart = file.text.lastIndexOf('\n', offset - 1) + 1;
  const before = file.text.slice(lineStart, offset).replace(/#.*/, '');
  const open = before.lastIndexOf('(');
  const inList = open >= 0 && before.indexOf(')', open) < 0 && !/\s/.test(before.slice(open));
  const dash = /(^|\s)-([^\s]*)$/.exec(before);
  const list = inList ? before.slice(open + 1) : dash ? dash[2] : undefined;
  if (list === undefined) return [];
  const current = list.slice(list.lastIndexOf(',') + 1);
  const eq = current.indexOf('=');
  if (eq < 0) return optionCompletions();
  const spec = EXPORT_OPTION_MAP.get(current.slice(0, eq));
  return (spec?.values ?? []).map((v) => ({ label: v, kind: 12 as const }));
}
