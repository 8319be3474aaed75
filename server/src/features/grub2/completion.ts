import { KERNEL_PARAMS } from '../../formats/cmdline/params';
import { GRUB2_COMMANDS } from '../../formats/grub2/commands';
import type { Grub2File } from '../../rules/grub2/types';
import type { CompletionEntry } from '../completion';
import { XEN_PARAMS_FOR_COMPLETION } from './boot-hover';

const KERNEL_LOADERS = /^\s*(linux|linux16|linuxefi|module2|module|xen_module)\s+\S+\s+(.*\s)?[\w.-]*$/;
const XEN_LOADERS = /^\s*(multiboot2|multiboot|xen_hypervisor)\s+\S+\s+(.*\s)?[\w.-]*$/;

function commandCompletions(file: Grub2File): CompletionEntry[] {
  const commands: CompletionEntry[] = GRUB2_COMMANDS.map((c) => ({
    label: c.name,
    kind: 10,
    detail: c.synopsis,
    documentation: { kind: 'markdown', value: c.doc },
    sortText: `${c.boot ? '0' : '1'}${c.name}`,
  }));
  const functions: CompletionEntry[] = [...file.model.functions].map((f) => ({
    label: f,
    kind: 10,
    detail: 'function defined in this file',
    sortText: `2${f}`,
  }));
  return [...commands, ...functions];
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
 * Completion in a grub.cfg: commands where a command starts, kernel parameters after the kernel path of
 * `linux`/`module2`, Xen options after the hypervisor path of `multiboot2`.
 */
export function completeGrub2(file: Grub2File, offset: number): CompletionEntry[] {
  const lineStart = file.text.lastIndexOf('\n', offset - 1) + 1;
  const before = file.text.slice(lineStart, offset);
  if (/^\s*[\w.[-]*$/.test(before) || /[;{]\s*[\w.-]*$/.test(before)) return commandCompletions(file);
  if (XEN_LOADERS.test(before)) return paramCompletions(XEN_PARAMS_FOR_COMPLETION);
  if (KERNEL_LOADERS.test(before)) return paramCompletions(KERNEL_PARAMS);
  return [];
}
