import type { Severity } from '../core/severity';
import { DHCP_RULES } from './dhcp/catalogue';
import { EXPORTS_RULES } from './exports/catalogue';
import { GRUB_RULES } from './grub/catalogue';
import { KCONFIG_RULES } from './kconfig/catalogue';
import { GRUB2_RULES } from './grub2/catalogue';
import { PXELINUX_RULES } from './pxelinux/catalogue';
import { NET_RULES } from './site/net-catalogue';
import { KERNEL_RULES } from './site/kernel-catalogue';
import { NFS_RULES } from './site/nfs-catalogue';

/** A rule's entry in the catalogue: the stable ID, its default severity and a one-line summary. */
export interface RuleInfo {
  readonly id: string;
  readonly severity: Severity;
  readonly summary: string;
}

const E: Severity = 'error';
const W: Severity = 'warning';
const I: Severity = 'information';

/** The rules of Xen domain configs and of kernel command lines (and the workspace's own). */
const XEN_AND_CMDLINE_RULES: readonly RuleInfo[] = [
  { id: 'xen/syntax', severity: E, summary: 'Xen domain config that xl cannot parse' },
  { id: 'xen/typographic-quote', severity: E, summary: 'a string delimited by typographic quotes (’ ‘ “ ”)' },
  { id: 'xen/unknown-option', severity: W, summary: 'a key neither xl nor xm knows' },
  { id: 'xen/type', severity: E, summary: 'a value of the wrong type' },
  { id: 'xen/invalid-value', severity: E, summary: 'a value outside the allowed set or form' },
  { id: 'xen/python-code', severity: I, summary: 'Python code in an xm config: not evaluated, not analysed' },
  { id: 'xen/name-whitespace', severity: W, summary: '`name` with leading or trailing white space' },
  { id: 'xen/vif', severity: E, summary: 'a malformed MAC or an unknown key in a vif spec' },
  { id: 'xen/xm-only-option', severity: W, summary: 'an xm-only key that xl ignores silently' },
  { id: 'xen/cmdline-overrides', severity: W, summary: '`cmdline` set together with `root` or `extra`' },
  {
    id: 'xen/nfs-incomplete',
    severity: E,
    summary: 'an NFS root with no way for the kernel to learn the server',
  },
  { id: 'xen/ip-and-dhcp', severity: W, summary: 'a static `ip` together with `dhcp = "dhcp"`' },
  { id: 'xen/ramdisk-nfsroot', severity: I, summary: 'a ramdisk together with kernel-level nfsroot' },
  { id: 'xen/duplicate-name', severity: E, summary: 'two domain configs with the same name' },
  { id: 'xen/duplicate-mac', severity: E, summary: 'two vifs with the same MAC' },
  { id: 'cmdline/ip', severity: E, summary: 'a malformed `ip=` kernel parameter' },
  { id: 'cmdline/nfsroot', severity: E, summary: 'a malformed `nfsroot=` kernel parameter' },
  { id: 'cmdline/nfsroot-without-nfs-root', severity: W, summary: '`nfsroot=` without `root=/dev/nfs`' },
  { id: 'cmdline/nfsroot-hostname', severity: E, summary: '`nfsroot=` names the server by host name' },
  { id: 'cmdline/gateway-off-subnet', severity: W, summary: 'a gateway outside the client subnet' },
  { id: 'workspace/file-skipped', severity: W, summary: 'a file that is binary or too large to analyse' },
  {
    id: 'workspace/time-budget',
    severity: W,
    summary: 'work on a file that took longer than its time budget',
  },
];

/**
 * Every rule this version implements. IDs are a contract (shared RULES.md): they are the diagnostic
 * `code`, the key users write to change a severity, and the name of the documentation page
 * `docs/rules/<id>.md`. Never rename one. Each format keeps its rules in rules/<format>/catalogue.ts.
 */
export const RULES: readonly RuleInfo[] = [
  ...XEN_AND_CMDLINE_RULES,
  ...EXPORTS_RULES,
  ...DHCP_RULES,
  ...GRUB_RULES,
  ...GRUB2_RULES,
  ...PXELINUX_RULES,
  ...KCONFIG_RULES,
  ...NET_RULES,
  ...KERNEL_RULES,
  ...NFS_RULES,
];

/** The catalogue indexed by ID. */
export const RULE_MAP: ReadonlyMap<string, RuleInfo> = new Map(RULES.map((r) => [r.id, r]));
