import type { Finding } from '../../core/finding';
import type { GrubCommand, GrubEntry } from '../../formats/grub/ast';
import { kernelKind } from '../../formats/grub/model';
import type { KernelKind } from '../../formats/grub/model';
import { checkCommandLine } from '../cmdline/cmdline-rules';
import type { GrubFile } from './types';

const ERROR_20 = '"Error 20: Multiboot kernel must be loaded before modules"';
const ERROR_19 = '"Error 19: Linux kernel must be loaded before initrd"';

/** What is loaded so far in an entry: nothing, or the kind of image. */
type Loaded = KernelKind | undefined;

function moduleProblem(loaded: Loaded, cmd: GrubCommand): string | undefined {
  if (loaded === undefined) return `'${cmd.name.text}' before any 'kernel': GRUB stops with ${ERROR_20}`;
  if (loaded === 'bsd' || loaded === 'chainloader') {
    return `'${cmd.name.text}' needs a Multiboot kernel such as Xen before it: GRUB stops with ${ERROR_20}`;
  }
  return undefined;
}

function initrdProblem(loaded: Loaded): string | undefined {
  if (loaded === undefined) return `'initrd' before any 'kernel': GRUB stops with ${ERROR_19}`;
  if (loaded === 'xen') {
    return `'initrd' after the Xen hypervisor: GRUB stops with ${ERROR_19}; under Xen the initrd is a second 'module'`;
  }
  if (loaded === 'multiboot' || loaded === 'bsd' || loaded === 'chainloader') {
    return `'initrd' needs a Linux kernel before it: GRUB stops with ${ERROR_19}`;
  }
  return undefined;
}

function entryModuleFindings(file: GrubFile, entry: GrubEntry): Finding[] {
  const findings: Finding[] = [];
  let loaded: Loaded;
  for (const cmd of entry.commands) {
    const name = cmd.spec?.name;
    if (name === 'kernel')
      loaded = kernelKind(
        cmd,
        cmd.args.find((a) => !a.text.startsWith('--')),
      );
    else if (name === 'chainloader') loaded = 'chainloader';
    const problem =
      name === 'module' || name === 'modulenounzip'
        ? moduleProblem(loaded, cmd)
        : name === 'initrd'
          ? initrdProblem(loaded)
          : undefined;
    if (!problem) continue;
    const fixes =
      name === 'initrd' && loaded === 'xen'
        ? [
            {
              title: "Change to 'module'",
              edits: [{ uri: file.uri, span: cmd.name.span, newText: 'module' }],
              preferred: true,
            },
          ]
        : undefined;
    findings.push({
      ruleId: 'grub/module-before-kernel',
      uri: file.uri,
      span: cmd.name.span,
      message: problem,
      fixes,
    });
  }
  return findings;
}

/**
 * `grub/module-before-kernel`: `module` needs a Multiboot kernel loaded before it in the entry, `initrd` a
 * Linux kernel (stage2/builtins.c `module_func`, `initrd_func`). A kernel whose kind its name does not tell
 * is given the benefit of the doubt.
 */
export function checkModuleOrder(file: GrubFile): Finding[] {
  return file.ast.entries.flatMap((e) => entryModuleFindings(file, e));
}

/** `grub/plaintext-password`: without `--md5` the password stands in clear text in the menu file. */
export function checkPlaintextPasswords(file: GrubFile): Finding[] {
  return file.ast.commands
    .filter((c) => c.spec?.name === 'password' && c.args[0]?.text !== '--md5')
    .map((c) => ({
      ruleId: 'grub/plaintext-password',
      uri: file.uri,
      span: c.args[0]?.span ?? c.name.span,
      message:
        'a plain-text password: anyone who can read this file (menus are often world-readable, and pxegrub ' +
        'menus are served by TFTP to any client) can read it; use `password --md5` with a hash from grub-md5-crypt',
    }));
}

/** Every `cmdline/*` rule on the Linux command line of each entry (the dom0 `module` line under Xen). */
export function checkEntryCommandLines(file: GrubFile): Finding[] {
  return file.entries.flatMap((e) =>
    e.commandLine && e.boot ? checkCommandLine({ uri: file.uri, boot: e.boot, map: e.commandLine.map }) : [],
  );
}
