import type { Finding } from '../../core/finding';
import { configurations } from './configuration';
import { checkDuplicates } from './duplicate-rules';
import { checkFixedAddresses, checkIncludes, checkNextServer } from './host-rules';
import { checkRanges } from './network-rules';
import { checkDhcpIssues, checkDhcpOddities } from './syntax-rules';
import type { DhcpFile, DhcpFileCheck } from './types';

/** Checks that read one dhcpd.conf alone. */
export const DHCP_FILE_CHECKS: readonly DhcpFileCheck[] = [checkDhcpIssues, checkDhcpOddities, checkRanges];

/** Runs every single-file check on one dhcpd.conf (or included file). */
export function checkDhcpFile(file: DhcpFile): Finding[] {
  return DHCP_FILE_CHECKS.flatMap((check) => check(file));
}

/**
 * Runs the checks between hosts on every configuration of the workspace: a dhcpd.conf together with the
 * files it includes (a file nobody includes is its own configuration). Duplicates, fixed addresses against
 * ranges and subnets, and next-server in scope are judged per configuration, so two DHCP servers' files in
 * one workspace are not compared. `dhcp/include-not-found` looks for each include among the files given.
 */
export function checkDhcpSet(files: readonly DhcpFile[]): Finding[] {
  const findings = configurations(files).flatMap((config) => [
    ...checkDuplicates(config),
    ...checkFixedAddresses(config),
    ...checkNextServer(config),
  ]);
  return [
    ...findings,
    ...checkIncludes(
      files,
      files.map((f) => f.path),
    ),
  ];
}

export { isDhcpFile } from './types';
export type { DhcpFile } from './types';
