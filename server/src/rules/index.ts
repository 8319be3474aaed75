import type { Finding } from '../core/finding';
import { checkCommandLine } from './cmdline/cmdline-rules';
import type { XenFile, XenFileCheck, XenSetCheck } from './types';
import { checkXenBoot } from './xen/boot-rules';
import { checkDuplicateMacs, checkDuplicateNames } from './xen/duplicate-rules';
import { checkXenOptions } from './xen/option-rules';
import { checkXenSyntax } from './xen/syntax-rules';
import { checkXenVifs } from './xen/vif-rules';

/** xm keys whose values xm copied into `ip=`: xen/invalid-value already judges them, once. */
const XM_ADDRESS_KEYS = ['ip', 'nfs_server', 'gateway', 'netmask'];

/** The kernel command line of a domain, checked where it stands in the domain config. */
const checkDomainCommandLine: XenFileCheck = (file) => {
  const findings = checkCommandLine({
    uri: file.uri,
    boot: file.domain.boot,
    map: file.domain.commandLine.map,
  });
  if (file.domain.toolstack !== 'xm') return findings;
  const judged = XM_ADDRESS_KEYS.flatMap((k) => {
    const v = file.domain.settings.get(k)?.value;
    return v ? [v.span] : [];
  });
  const inside = (f: Finding): boolean => judged.some((s) => f.span.start >= s.start && f.span.end <= s.end);
  return findings.filter((f) => !(f.ruleId === 'cmdline/ip' && inside(f)));
};

/** Checks that read one domain config. */
export const XEN_FILE_CHECKS: readonly XenFileCheck[] = [
  checkXenSyntax,
  checkXenOptions,
  checkXenVifs,
  checkXenBoot,
  checkDomainCommandLine,
];

/** Checks across all domain configs. */
export const XEN_SET_CHECKS: readonly XenSetCheck[] = [checkDuplicateNames, checkDuplicateMacs];

/** Runs every single-file check on one domain config. */
export function checkXenFile(file: XenFile): Finding[] {
  // A loop, not flatMap: it runs for each of thousands of small files.
  const findings: Finding[] = [];
  for (const check of XEN_FILE_CHECKS) for (const f of check(file)) findings.push(f);
  return findings;
}

/** Runs every set check on all domain configs. */
export function checkXenSet(files: readonly XenFile[]): Finding[] {
  return XEN_SET_CHECKS.flatMap((check) => check(files));
}
