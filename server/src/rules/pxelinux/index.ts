import type { Finding } from '../../core/finding';
import { checkEntryCommandLine } from '../grub2/boot-rules';
import {
  checkDefaultLabel,
  checkMacFilename,
  checkPxeSyntax,
  checkUnknownKeywords,
  checkXenWithoutDom0,
} from './pxelinux-rules';
import type { PxelinuxFile, PxelinuxFileCheck, PxelinuxSetCheck } from './types';

export { PXELINUX_RULES } from './catalogue';
export { isPxelinuxFile } from './types';
export type { PxelinuxFile } from './types';

/** The Linux command line of every label, checked where it stands in APPEND. */
const checkPxeCommandLines: PxelinuxFileCheck = (file) =>
  file.model.entries.flatMap((e) => checkEntryCommandLine(file.uri, e.entry));

/** Checks that read one PXELINUX file. */
export const PXELINUX_FILE_CHECKS: readonly PxelinuxFileCheck[] = [
  checkPxeSyntax,
  checkUnknownKeywords,
  checkDefaultLabel,
  checkMacFilename,
  checkXenWithoutDom0,
  checkPxeCommandLines,
];

/** Checks across PXELINUX files: none yet (cross-file NFS checks read the `BootEntry`s). */
export const PXELINUX_SET_CHECKS: readonly PxelinuxSetCheck[] = [];

/** Runs every single-file check on one PXELINUX file. */
export function checkPxelinuxFile(file: PxelinuxFile): Finding[] {
  return PXELINUX_FILE_CHECKS.flatMap((check) => check(file));
}

/** Runs every set check on all PXELINUX files of the workspace. */
export function checkPxelinuxSet(files: readonly PxelinuxFile[]): Finding[] {
  return PXELINUX_SET_CHECKS.flatMap((check) => check(files));
}
