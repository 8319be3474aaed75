import type { Finding, FixSpec } from '../../core/finding';
import { parseIpv4 } from '../../core/ipv4';
import { nearest } from '../../core/text-distance';
import { argumentsFit } from '../../formats/grub/arguments';
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

/** The command `cmd` was meant to be, among those that accept its arguments as they stand. */
function suggestion(cmd: GrubCommand): string | undefined {
  const fits = (name: string): boolean => {
    const spec = GRUB_COMMAND_MAP.get(name);
    return spec !== undefined && argumentsFit(cmd, spec);
  };
  const equivalent = GRUB2_EQUIVALENTS[cmd.name.text];
  if (equivalent !== undefined) return fits(equivalent) ? equivalent : undefined;
  return nearest(cmd.name.text, [...GRUB_COMMAND_MAP.keys()].filter(fits));
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
      const to = suggestion(cmd);
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
      // Only an address GRUB reads: 'ifconfig --server=' refuses anything else (arguments.ts).
      cmd.spec?.name === 'tftpserver' && address && parseIpv4(address.text) !== undefined
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
