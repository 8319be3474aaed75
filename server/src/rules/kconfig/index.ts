import type { Finding } from '../../core/finding';
import { checkUnmetDependencies } from './dependency-rules';
import { checkDuplicateSymbols } from './duplicate-rules';
import { checkKconfigSyntax } from './syntax-rules';
import type { KconfigFile, KconfigFileCheck, KconfigSetCheck } from './types';
import { checkKconfigValues } from './value-rules';

export { KCONFIG_RULES } from './catalogue';
export { isKconfigFile } from './types';
export type { KconfigFile } from './types';

/** Checks that read one `.config`. */
export const KCONFIG_FILE_CHECKS: readonly KconfigFileCheck[] = [
  checkKconfigSyntax,
  checkKconfigValues,
  checkDuplicateSymbols,
  checkUnmetDependencies,
];

/** Checks across the `.config` files of the workspace: none yet (the `kernel/*` rules will join them to kernels). */
export const KCONFIG_SET_CHECKS: readonly KconfigSetCheck[] = [];

/** Runs every single-file check on one `.config`. */
export function checkKconfigFile(file: KconfigFile): Finding[] {
  return KCONFIG_FILE_CHECKS.flatMap((check) => check(file));
}

/** Runs every set check on all `.config` files of the workspace. */
export function checkKconfigSet(files: readonly KconfigFile[]): Finding[] {
  return KCONFIG_SET_CHECKS.flatMap((check) => check(files));
}
