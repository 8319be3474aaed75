import type { Finding } from '../../core/finding';
import { nearest } from '../../core/text-distance';
import { walkSimpleCommands } from '../../formats/grub2/ast';
import type { SimpleCommand } from '../../formats/grub2/ast';
import { GRUB2_COMMAND_MAP } from '../../formats/grub2/commands';
import { loaderPath } from '../../formats/grub2/model';
import type { Grub2Entry } from '../../formats/grub2/model';
import { entryTitle } from '../../formats/grub2/titles';
import { isAssignmentCommand } from '../../formats/grub2/variables';
import type { Grub2File } from './types';

/** Which kernel loader each module loader needs before it (grub-core/loader/multiboot*.c, xen.c). */
const MODULE_NEEDS: Readonly<Record<string, string>> = {
  module2: 'multiboot2',
  module: 'multiboot',
  xen_module: 'xen_hypervisor',
};
const INITRD_NEEDS: Readonly<Record<string, readonly string[]>> = {
  initrd: ['linux', 'linuxefi'],
  initrd16: ['linux16'],
  initrdefi: ['linuxefi', 'linux'],
};

function entryName(e: Grub2Entry): string {
  return e.entry.title ? `'${e.entry.title.text}'` : 'this entry';
}

/**
 * `grub2/module-before-multiboot` and `grub2/initrd-before-linux`: GRUB refuses a module or an initrd while
 * no matching kernel is loaded ("you need to load the kernel first"), so the entry cannot boot.
 */
export function checkLoaderOrder(file: Grub2File): Finding[] {
  const findings: Finding[] = [];
  for (const e of file.model.entries) {
    const seen = new Set<string>();
    for (const c of e.loaders) {
      const name = c.name.text;
      const needs = MODULE_NEEDS[name];
      if (needs && !seen.has(needs)) {
        findings.push({
          ruleId: 'grub2/module-before-multiboot',
          uri: file.uri,
          span: c.name.span,
          message: `'${name}' in ${entryName(e)} comes before any '${needs}': GRUB refuses it ("you need to load the multiboot kernel first") and the entry cannot boot`,
        });
      }
      const kernels = INITRD_NEEDS[name];
      if (kernels && !kernels.some((k) => seen.has(k))) {
        findings.push({
          ruleId: 'grub2/initrd-before-linux',
          uri: file.uri,
          span: c.name.span,
          message: `'${name}' in ${entryName(e)} comes before '${kernels[0]}': GRUB refuses it ("you need to load the kernel first")`,
        });
      }
      seen.add(name);
    }
  }
  return findings;
}

/** `grub2/xen-without-dom0`: Xen with no module has no dom0 kernel to start and stops ("no dom0 kernel"). */
export function checkXenWithoutDom0(file: Grub2File): Finding[] {
  return file.model.entries.flatMap((e) => {
    const hyper = e.loaders.find((c) => ['multiboot2', 'multiboot', 'xen_hypervisor'].includes(c.name.text));
    const path = hyper ? loaderPath(hyper).path : undefined;
    if (!hyper || !path || !/xen/i.test(path.text) || e.entry.kernel) return [];
    const module =
      hyper.name.text === 'multiboot2'
        ? 'module2'
        : hyper.name.text === 'multiboot'
          ? 'module'
          : 'xen_module';
    return [
      {
        ruleId: 'grub2/xen-without-dom0',
        uri: file.uri,
        span: hyper.name.span,
        message: `${entryName(e)} loads the Xen hypervisor but no dom0 kernel: add '${module} /vmlinuz-… root=…' after this line`,
      },
    ];
  });
}

function isKnownCommand(c: SimpleCommand, functions: ReadonlySet<string>): boolean {
  const name = c.name.text;
  return (
    GRUB2_COMMAND_MAP.has(name) ||
    // `! cmd` inverts a command's status (grub-core/script/execute.c).
    name === '!' ||
    functions.has(name) ||
    isAssignmentCommand(c.name) ||
    c.name.pieces.some((p) => p.kind === 'var') ||
    c.name.quoted
  );
}

/** Command names a misspelt word may be changed to: words only, never `[` (a test, not a spelling). */
const SPELLING_TARGETS = [...GRUB2_COMMAND_MAP.keys()].filter((n) => /^[A-Za-z_][\w-]*$/.test(n));

/**
 * Whether renaming `c` can leave the script as well-formed as it was: not when GRUB's parser already
 * rejects the name where it stands (a command that does not start a new command, after a `}` on the same
 * line), nor when the command owns a `{` that is never closed: the renamed command would carry the same
 * error under its new name.
 */
function renameable(c: SimpleCommand, rejectedAt: ReadonlySet<number>): boolean {
  return !rejectedAt.has(c.name.span.start) && (c.block === undefined || c.block.close !== undefined);
}

/** `grub2/unknown-command`: GRUB prints "can't find command" at boot and goes on without it. */
export function checkUnknownCommands(file: Grub2File): Finding[] {
  const functions = file.model.functions;
  const targets = [...SPELLING_TARGETS, ...functions];
  const rejectedAt = new Set(file.ast.issues.map((i) => i.span.start));
  return walkSimpleCommands(file.ast.commands)
    .filter((c) => !isKnownCommand(c, functions))
    .map((c) => {
      const suggestion = nearest(c.name.text, targets);
      const fix =
        suggestion && renameable(c, rejectedAt)
          ? [
              {
                title: `Change to '${suggestion}'`,
                edits: [{ uri: file.uri, span: c.name.span, newText: suggestion }],
                preferred: true,
              },
            ]
          : undefined;
      return {
        ruleId: 'grub2/unknown-command',
        uri: file.uri,
        span: c.name.span,
        message: `'${c.name.text}' is not a GRUB 2 command${suggestion ? ` (did you mean '${suggestion}'?)` : ''}: GRUB prints "can't find command" and skips it`,
        fixes: fix,
      };
    });
}

/** `grub2/default-out-of-range`: `set default=N` past the last entry, or a title/id no entry has. */
export function checkDefault(file: Grub2File): Finding[] {
  const findings: Finding[] = [];
  for (const c of walkSimpleCommands(file.ast.commands)) {
    if (c.name.text !== 'set') continue;
    for (const a of c.args) {
      const m = /^default=(.*)$/s.exec(a.text);
      if (!m || a.pieces.some((p) => p.kind === 'var') || m[1] === '') continue;
      const problem = defaultProblem(m[1], file.model.topLevel);
      if (problem)
        findings.push({
          ruleId: 'grub2/default-out-of-range',
          uri: file.uri,
          span: a.span,
          message: problem,
        });
    }
  }
  return findings;
}

function defaultProblem(value: string, top: readonly SimpleCommand[]): string | undefined {
  if (/^\d+$/.test(value)) {
    const n = Number(value);
    return n < top.length
      ? undefined
      : `default=${value} but the menu has ${top.length} entr${top.length === 1 ? 'y' : 'ies'} (numbered from 0): GRUB boots entry 0 instead`;
  }
  const first = value.split('>')[0];
  const ids = top.flatMap((c) => {
    const i = c.args.findIndex((a) => a.text === '--id' || a.raw === '$menuentry_id_option');
    const id = i >= 0 ? c.args[i + 1]?.text : undefined;
    return [entryTitle(c.args)?.text, id].filter((x): x is string => x !== undefined);
  });
  if (/^\d+$/.test(first) || ids.includes(first)) return undefined;
  return `default='${value}' names no entry of the menu (by title or id): GRUB boots entry 0 instead`;
}
