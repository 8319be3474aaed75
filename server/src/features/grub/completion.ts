import { IP_FIELDS, KERNEL_PARAMS } from '../../formats/cmdline/params';
import type { GrubCommand } from '../../formats/grub/ast';
import { GRUB_COMMANDS } from '../../formats/grub/options';
import type { SubOptionSpec } from '../../formats/option-spec';
import { XEN_HYPERVISOR_PARAMS } from '../../formats/xen/xen-params';
import type { GrubFile } from '../../rules/grub/types';
import type { CompletionEntry } from '../completion';
import { commandMarkdown } from './hover';
import { commandLineKind, commandLineStart, entryOf } from './locate';

/** Commands valid where the cursor is: menu commands before the first `title`, entry commands after it. */
function commandCompletions(file: GrubFile, offset: number): CompletionEntry[] {
  const inEntry = file.ast.entries.some((e) => e.title.span.start < offset);
  return GRUB_COMMANDS.filter(
    (c) => (inEntry ? c.scope !== 'menu' : c.scope !== 'entry') && !c.deprecated,
  ).map((c) => ({
    label: c.name,
    kind: 10,
    detail: c.syntax,
    documentation: { kind: 'markdown', value: commandMarkdown(c) },
    // Boot commands first: they are what this extension is for.
    sortText: `${c.scope === 'entry' || c.scope === 'title' ? '0' : '1'}${c.name}`,
  }));
}

function paramCompletions(specs: readonly SubOptionSpec[], suffix: string): CompletionEntry[] {
  return specs
    .filter((s) => !s.deprecated)
    .map((s) => ({
      label: s.name,
      kind: 5,
      documentation: { kind: 'markdown', value: s.doc },
      insertText: `${s.name}${suffix}`,
    }));
}

/** The command whose logical line the cursor is on or just after (still on the same physical line). */
function currentCommand(file: GrubFile, offset: number): GrubCommand | undefined {
  const before = file.ast.commands.filter((c) => c.name.span.start < offset);
  const c = before[before.length - 1];
  if (!c) return undefined;
  return offset <= c.line.span.end || /^[ \t]*$/.test(file.text.slice(c.line.span.end, offset))
    ? c
    : undefined;
}

/** Completion inside a command's arguments: Xen options, kernel parameters, entry numbers. */
function argumentCompletions(
  file: GrubFile,
  cmd: GrubCommand,
  offset: number,
  word: string,
): CompletionEntry[] {
  const entry = entryOf(file, cmd);
  const kind = commandLineKind(cmd, entry);
  const index = cmd.args.filter((a) => a.span.end < offset).length;
  if (kind && index >= commandLineStart(cmd)) {
    if (kind === 'xen') return paramCompletions(XEN_HYPERVISOR_PARAMS, '');
    const autoconf = IP_FIELDS[6]?.values;
    if (autoconf && /^ip=(([^\s:]*:){6})?[a-z]*$/.test(word)) {
      return autoconf.map((v) => ({ label: v, kind: 12 }));
    }
    return /^[a-z_.]*$/.test(word) ? paramCompletions(KERNEL_PARAMS, '=') : [];
  }
  if ((cmd.spec?.name === 'default' || cmd.spec?.name === 'fallback') && /^\d*$/.test(word)) {
    return file.ast.entries.flatMap((e) =>
      e.number === undefined ? [] : [{ label: String(e.number), kind: 12 as const, detail: e.name.text }],
    );
  }
  return [];
}

/** Completion at an offset of a GRUB legacy menu. */
export function completeGrub(file: GrubFile, offset: number): CompletionEntry[] {
  const lineStart = file.text.lastIndexOf('\n', offset - 1) + 1;
  const before = file.text.slice(lineStart, offset);
  const continued = file.text
    .slice(0, lineStart)
    .replace(/\r?\n$/, '')
    .endsWith('\\');
  if (!continued && /^\s*[A-Za-z0-9_]*$/.test(before)) return commandCompletions(file, offset);
  const cmd = currentCommand(file, offset);
  if (!cmd) return [];
  return argumentCompletions(file, cmd, offset, lastWord(before));
}

/** The non-blank run that ends `before` (a backward scan: `/\S*$/` backtracks quadratically on a long line). */
function lastWord(before: string): string {
  let from = before.length;
  while (from > 0 && !/\s/.test(before[from - 1])) from--;
  return before.slice(from);
}
