import type { Severity } from '../../core/severity';
import type { RuleInfo } from '../catalogue';

const E: Severity = 'error';
const I: Severity = 'information';

/** The `kernel/*` rules: a kernel against its `.config` (shared RULES.md, "Across files"). */
export const KERNEL_RULES: readonly RuleInfo[] = [
  {
    id: 'kernel/config-not-found',
    severity: I,
    summary: 'no `.config` for this kernel is in the workspace (how to map one)',
  },
  { id: 'kernel/root-nfs-disabled', severity: E, summary: '`ROOT_NFS` is not `y`' },
  {
    id: 'kernel/nfs-not-builtin',
    severity: E,
    summary: '`NFS_FS` is not `y` (a module cannot mount the root)',
  },
  {
    id: 'kernel/ip-autoconfig-disabled',
    severity: E,
    summary:
      '`IP_PNP`, or the protocol the command line asks for (`IP_PNP_DHCP`, `_BOOTP`, `_RARP`), is not `y`',
  },
  {
    id: 'kernel/nfs-version-unavailable',
    severity: E,
    summary: 'the NFS version asked for (`vers=`), or every version, is not built in',
  },
  {
    id: 'kernel/netfront-not-builtin',
    severity: E,
    summary: 'a domU boots from NFS without an initrd but `XEN_NETDEV_FRONTEND` is not `y`',
  },
];
