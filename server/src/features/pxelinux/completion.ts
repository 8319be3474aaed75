import { KERNEL_PARAMS } from '../../formats/cmdline/params';
import { PXE_KEYWORDS, PXE_MENU_KEYWORDS } from '../../formats/pxelinux/keywords';
import type { PxelinuxFile } from '../../rules/pxelinux/types';
import type { CompletionEntry } from '../completion';
import { XEN_PARAMS_FOR_COMPLETION } from '../grub2/boot-hover';
import { pxeKeywordMarkdown } from './hover';

function keywordCompletions(menu: boolean): CompletionEntry[] {
  return (menu ? PXE_MENU_KEYWORDS : PXE_KEYWORDS).map((k) => ({
    label: k.name.toUpperCase(),
    kind: 10,
    documentation: { kind: 'markdown', value: pxeKeywordMarkdown(k, menu) },
    sortText: `${['label', 'kernel', 'append', 'initrd', 'default'].includes(k.name) ? '0' : '1'}${k.name}`,
  }));
}

function paramCompletions(specs: readonly { name: string; doc: string }[]): CompletionEntry[] {
  return specs.map((s) => ({
    label: s.name,
    kind: 5,
    documentation: { kind: 'markdown', value: s.doc },
    insertText: `${s.name}=`,
  }));
}

/**
 * Completion in a PXELINUX file: keywords at the start of a line, MENU sub-keywords after MENU, label names
 * after DEFAULT/ONTIMEOUT, kernel parameters in APPEND (Xen options before the first `---` of mboot.c32).
 */
export function completePxelinux(file: PxelinuxFile, offset: number): CompletionEntry[] {
  const lineStart = file.text.lastIndexOf('\n', offset - 1) + 1;
  const before = file.text.slice(lineStart, offset);
  if (/^\s*\w*$/.test(before)) return keywordCompletions(false);
  if (/^\s*menu\s+\w*$/i.test(before)) return keywordCompletions(true);
  if (/^\s*(default|ontimeout)\s+\S*$/i.test(before)) {
    return file.ast.labels.flatMap((l) => (l.name ? [{ label: l.name.text, kind: 12 as const }] : []));
  }
  const append = /^\s*append\s+(.*)$/i.exec(before);
  if (!append || !/(^|\s)[\w.-]*$/.test(append[1])) return [];
  const entry = file.model.entries.find(
    (e) => e.appendLine && e.appendLine.span.start >= lineStart && e.appendLine.span.start < offset,
  );
  const xenPart = entry?.mboot && !/(^|\s)---(\s|$)/.test(append[1]) && /\s/.test(append[1]);
  return paramCompletions(xenPart ? XEN_PARAMS_FOR_COMPLETION : KERNEL_PARAMS);
}
