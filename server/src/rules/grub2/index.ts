import type { Finding } from '../../core/finding';
import { checkEntryCommandLine } from './boot-rules';
import { checkDefault, checkLoaderOrder, checkUnknownCommands, checkXenWithoutDom0 } from './entry-rules';
import { checkGrub2Syntax, checkNoCommands } from './syntax-rules';
import type { Grub2File, Grub2FileCheck, Grub2SetCheck } from './types';

export { GRUB2_RULES } from './catalogue';
export { isGrub2File } from './types';
export type { Grub2File } from './types';

/** The kernel command line of every entry, checked where it stands in the file. */
const checkGrub2CommandLines: Grub2FileCheck = (file) =>
  file.model.entries.flatMap((e) => checkEntryCommandLine(file.uri, e.entry));

/** Checks that read one grub.cfg. */
export const GRUB2_FILE_CHECKS: readonly Grub2FileCheck[] = [
  checkGrub2Syntax,
  checkNoCommands,
  checkLoaderOrder,
  checkXenWithoutDom0,
  checkUnknownCommands,
  checkDefault,
  checkGrub2CommandLines,
];

/** Checks across grub.cfg files: none yet (cross-file NFS checks read the `BootEntry`s). */
export const GRUB2_SET_CHECKS: readonly Grub2SetCheck[] = [];

/** Runs every single-file check on one grub.cfg. */
export function checkGrub2File(file: Grub2File): Finding[] {
  return GRUB2_FILE_CHECKS.flatMap((check) => check(file));
}

/** Runs every set check on all grub.cfg files of the workspace. */
export function checkGrub2Set(files: readonly Grub2File[]): Finding[] {
  return GRUB2_SET_CHECKS.flatMap((check) => check(files));
}
