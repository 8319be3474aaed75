import { spanContains } from '../../core/text';
import { parseFileName } from '../../formats/grub/device';
import type { GrubFile } from '../../rules/grub/types';

/**
 * Go-to-definition on `configfile FILE` (and on the FILE that `password PASSWD FILE` loads): the absolute
 * path the command names, without its device (`configfile (nd)/grub/post01.conf` → `/grub/post01.conf`),
 * when `offset` is on the file name; undefined elsewhere. The caller resolves it against the host's root or
 * its TFTP root.
 */
export function configfileTarget(file: GrubFile, offset: number): string | undefined {
  for (const cmd of file.ast.commands) {
    const name = cmd.spec?.name;
    let word = name === 'configfile' ? cmd.args[0] : undefined;
    if (name === 'password') word = cmd.args[cmd.args[0]?.text === '--md5' ? 2 : 1];
    if (!word || !spanContains(word.span, offset)) continue;
    const f = parseFileName(word.text);
    return f.kind === 'path' ? f.path : undefined;
  }
  return undefined;
}
