import type { Finding, FixSpec } from '../../core/finding';
import { nearest } from '../../core/text-distance';
import type { GrubCommand } from '../../formats/grub/ast';
import { GRUB_COMMAND_MAP } from '../../formats/grub/options';
import type { GrubFile } from './types';

/** `grub/syntax`: the parser's issues (bad numbers, devices, file names, NUL bytes, over-long lines). */
export function checkGrubSyntax(file: GrubFile): Finding[] {
  return file.ast.issues.map((i) => ({
    ruleId: 'grub/syntax',
    uri: file.uri,
    span: i.span,
    message: i.message,
  }));
}

/** GRUB 2 commands people carry over, and what GRUB legacy calls them. */
const GRUB2_EQUIVALENTS: Readonly<Record<string, string>> = {
  linux: 'kernel',
  linux16: 'kernel',
  initrd16: 'initrd',
  multiboot: 'kernel',
  multiboot2: 'kernel',
  module2: 'module',
  menuentry: 'title',
};

function suggestion(name: string): string | undefined {
  return GRUB2_EQUIVALENTS[name] ?? nearest(name, GRUB_COMMAND_MAP.keys());
}

function rename(file: GrubFile, cmd: GrubCommand, to: string): FixSpec {
  return {
    title: `Change to '${to}'`,
    edits: [{ uri: file.uri, span: cmd.name.span, newText: to }],
    preferred: true,
  };
}

/**
 * `grub/unknown-command`: GRUB 0.97 looks a command up by its exact, case-sensitive name and skips a line it
 * does not know without a message (stage2/stage2.c `cmain`): a misspelt `kernal` shows only at boot, as
 * "Error 20" on the next `module` or "Error 19" on the next `initrd`.
 */
export function checkUnknownCommands(file: GrubFile): Finding[] {
  return file.ast.commands
    .filter((c) => c.spec === undefined)
    .map((cmd) => {
      const name = cmd.name.text;
      const to = suggestion(name);
      const hint = to ? `; did you mean '${to}'?` : '';
      return {
        ruleId: 'grub/unknown-command',
        uri: file.uri,
        span: cmd.name.span,
        message: `'${name}' is not a GRUB legacy command: GRUB skips this line without a word${hint}`,
        fixes: to ? [rename(file, cmd, to)] : undefined,
      };
    });
}

/** `grub/deprecated-command`: `tftpserver` (the manual: use `ifconfig --server=`). */
export function checkDeprecatedCommands(file: GrubFile): Finding[] {
  return file.ast.commands.flatMap((cmd): Finding[] => {
    const deprecated = cmd.spec?.deprecated;
    if (!deprecated) return [];
    const address = cmd.args[0];
    const fixes: FixSpec[] =
      cmd.spec?.name === 'tftpserver' && address
        ? [
            {
              title: `Replace with 'ifconfig --server=${address.text}'`,
              edits: [{ uri: file.uri, span: cmd.span, newText: `ifconfig --server=${address.text}` }],
              preferred: true,
            },
          ]
        : [];
    return [
      {
        ruleId: 'grub/deprecated-command',
        uri: file.uri,
        span: cmd.name.span,
        message: `'${cmd.name.text}' is deprecated: ${deprecated}`,
        fixes,
      },
    ];
  });
}
