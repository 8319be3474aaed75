import type { Finding } from '../../core/finding';
import type { Span } from '../../core/text';
import type { GrubCommand } from '../../formats/grub/ast';
import { parseFileName } from '../../formats/grub/device';
import type { GrubFile } from './types';

/** A file a GRUB legacy menu names, as the existence callback receives it. */
export interface GrubPathReference {
  /** The menu that names the file. */
  readonly uri: string;
  /** The command: `configfile`, `kernel`, `module`, `modulenounzip` or `initrd`. */
  readonly command: string;
  /** The absolute path GRUB opens, without its device (`/grub/post01.conf`). */
  readonly path: string;
  /**
   * The device it is read from, without parentheses: the file name's own (`(nd)/xen.gz` → `nd`), else the
   * entry's last `root` before it (`nd` for the TFTP server, `hd0,0` for a disk); undefined when the menu does
   * not say (GRUB then reads the device it booted from).
   */
  readonly device: string | undefined;
  /** The file name in the menu. */
  readonly span: Span;
}

/**
 * Whether a referenced file exists where the site maps it (a host's root, its `tftpRoot` for `(nd)`).
 * The workspace provides it; it returns true whenever it cannot tell, so that only certain misses are reported.
 */
export type GrubFileExists = (path: string, ref: GrubPathReference) => boolean;

const FILE_COMMANDS = new Set(['configfile', 'kernel', 'module', 'modulenounzip', 'initrd']);

function reference(
  file: GrubFile,
  cmd: GrubCommand,
  root: string | undefined,
): GrubPathReference | undefined {
  const word = cmd.args.find((a) => !a.text.startsWith('--'));
  if (!word || !cmd.spec || !FILE_COMMANDS.has(cmd.spec.name)) return undefined;
  const name = parseFileName(word.text);
  if (name.kind !== 'path') return undefined;
  return {
    uri: file.uri,
    command: cmd.spec.name,
    path: name.path,
    device: name.device ?? root,
    span: word.span,
  };
}

/** Every file path a menu's entries load, with the device each is read from. */
export function grubPathReferences(file: GrubFile): GrubPathReference[] {
  const refs: GrubPathReference[] = [];
  for (const entry of file.ast.entries) {
    let root: string | undefined;
    for (const cmd of entry.commands) {
      const name = cmd.spec?.name;
      if (name === 'root' || name === 'rootnoverify') {
        root = /^\(([^)]*)\)/.exec(cmd.args[0]?.text ?? '')?.[1] ?? root;
      }
      const ref = reference(file, cmd, root);
      if (ref) refs.push(ref);
    }
  }
  return refs;
}

/**
 * `grub/missing-file`, a set check: each `configfile`, `kernel`, `module` and `initrd` path that `exists`
 * says is missing. GRUB stops the entry with "Error 15: File not found".
 */
export function checkGrubMissingFiles(files: readonly GrubFile[], exists: GrubFileExists): Finding[] {
  return files.flatMap((file) =>
    grubPathReferences(file)
      .filter((ref) => !exists(ref.path, ref))
      .map((ref) => ({
        ruleId: 'grub/missing-file',
        uri: file.uri,
        span: ref.span,
        message: `'${ref.path}' (${ref.command}) does not exist ${ref.device === 'nd' ? 'on the TFTP server' : 'on its device'} as the site maps it: GRUB stops with "Error 15: File not found"`,
      })),
  );
}
