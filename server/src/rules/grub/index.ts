import type { Finding } from '../../core/finding';
import { checkEntryCommandLines, checkModuleOrder, checkPlaintextPasswords } from './entry-rules';
import {
  checkCommandsOutsideEntries,
  checkDefaultRange,
  checkEmptyEntries,
  checkMenuCommandsInEntries,
} from './menu-rules';
import { checkGrubMissingFiles } from './missing-file';
import type { GrubFileExists } from './missing-file';
import { checkDeprecatedCommands, checkGrubSyntax, checkUnknownCommands } from './syntax-rules';
import type { GrubFile, GrubFileCheck } from './types';

export { GRUB_RULES } from './catalogue';
export { checkGrubMissingFiles, grubPathReferences } from './missing-file';
export type { GrubFileExists, GrubPathReference } from './missing-file';
export { isGrubFile } from './types';
export type { GrubFile } from './types';

/** Checks that read one GRUB legacy menu. */
export const GRUB_FILE_CHECKS: readonly GrubFileCheck[] = [
  checkGrubSyntax,
  checkUnknownCommands,
  checkDeprecatedCommands,
  checkDefaultRange,
  checkEmptyEntries,
  checkCommandsOutsideEntries,
  checkMenuCommandsInEntries,
  checkModuleOrder,
  checkPlaintextPasswords,
  checkEntryCommandLines,
];

/** Runs every single-file check on one menu, the `cmdline/*` rules on each entry's Linux command line included. */
export function checkGrubFile(file: GrubFile): Finding[] {
  return GRUB_FILE_CHECKS.flatMap((check) => check(file));
}

/**
 * Runs the set checks on all menus: `grub/missing-file` when the workspace gives an existence callback
 * (without one nothing can be said about files, and nothing is reported).
 */
export function checkGrubSet(files: readonly GrubFile[], exists?: GrubFileExists): Finding[] {
  return exists ? checkGrubMissingFiles(files, exists) : [];
}
