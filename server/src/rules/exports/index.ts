import type { Finding } from '../../core/finding';
import {
  checkInvalidClients,
  checkMissingDefaults,
  checkSpaceBeforeOptions,
  checkWorldExports,
} from './client-rules';
import { checkDuplicates } from './duplicate-rules';
import { checkConflictingOptions, checkOptionNames } from './option-rules';
import { checkExportsSyntax, checkRelativePaths } from './syntax-rules';
import type { ExportsFile, ExportsFileCheck, ExportsSetCheck } from './types';

export { EXPORTS_RULES } from './catalogue';
export { isExportsFile } from './types';
export type { ExportsFile } from './types';

/** Checks that read one exports file. */
export const EXPORTS_FILE_CHECKS: readonly ExportsFileCheck[] = [
  checkExportsSyntax,
  checkRelativePaths,
  checkOptionNames,
  checkConflictingOptions,
  checkInvalidClients,
  checkSpaceBeforeOptions,
  checkWorldExports,
  checkMissingDefaults,
];

/**
 * Checks across the exports files of each server (`exports` with its `exports.d/*.exports`): duplicates
 * and competing NFSv4 roots, within one file too, so that each occurrence is reported once.
 */
export const EXPORTS_SET_CHECKS: readonly ExportsSetCheck[] = [checkDuplicates];

/** Runs every single-file check on one exports file. */
export function checkExportsFile(file: ExportsFile): Finding[] {
  const findings: Finding[] = [];
  for (const check of EXPORTS_FILE_CHECKS) for (const f of check(file)) findings.push(f);
  return findings;
}

/** Runs every set check on all exports files of the workspace. */
export function checkExportsSet(files: readonly ExportsFile[]): Finding[] {
  return EXPORTS_SET_CHECKS.flatMap((check) => check(files));
}
