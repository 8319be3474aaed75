/**
 * The keys of a vif spec string (`vif = [ 'mac=…,bridge=…' ]`) as xl reads them: xl-network-configuration(5)
 * for Xen 4.17 and xl's parser (tools/xl/xl_parse.c `parse_nic_config`). xl prints "unrecognized argument"
 * for any other key and carries on.
 */

import type { SubOptionSpec } from '../option-spec';

const SRC_NET = 'xl-network-configuration(5)';
const SRC_NIC_PARSER = 'tools/xl/xl_parse.c parse_nic_config (not in xl-network-configuration(5))';

/** The keys xl-network-configuration(5) documents, with the deprecated ones xl still accepts. */
const DOCUMENTED_VIF_KEYS: readonly SubOptionSpec[] = [
  {
    name: 'mac',
    doc:
      'Guest-side MAC address, six colon-separated hex octets. Without it xl draws a random address in the ' +
      'Xen OUI `00:16:3e` at every start, which no DHCP `host` entry or PXELINUX `01-<mac>` file can ' +
      'match. On a malformed value xl prints an error and keeps only the octets it managed to read.',
    source: SRC_NET,
  },
  {
    name: 'bridge',
    doc:
      'Host bridge the interface is attached to; default `xenbr0`. For an NFS root it must reach the DHCP ' +
      'and NFS servers.',
    source: SRC_NET,
  },
  {
    name: 'gatewaydev',
    doc:
      'For the `vif-route` hotplug script: the host interface, with an address, on the network the guest ' +
      'uses.',
    source: SRC_NET,
  },
  {
    name: 'netdev',
    doc: 'Old spelling of `gatewaydev`; xl still takes it but prints a deprecation notice.',
    source: SRC_NET,
    deprecated: 'use `gatewaydev`',
  },
  {
    name: 'type',
    doc:
      'HVM only: `ioemu` (default) gives an emulated NIC the guest may swap for a PV one; `vif` gives only ' +
      'the PV device. xl rejects other values.',
    source: SRC_NET,
    values: ['ioemu', 'vif'],
  },
  {
    name: 'model',
    doc: 'HVM with `type=ioemu`: the emulated NIC, `rtl8139` by default, or e.g. `e1000`.',
    source: SRC_NET,
  },
  {
    name: 'vifname',
    doc: 'Name of the backend interface in the host; default `vif<domid>.<devid>` (HVM taps add `-emu`).',
    source: SRC_NET,
  },
  {
    name: 'script',
    doc:
      'Hotplug script that wires the backend up (e.g. adds it to the bridge); default ' +
      '`/etc/xen/scripts/vif-bridge`.',
    source: SRC_NET,
  },
  {
    name: 'ip',
    doc:
      'An address handed to the hotplug script, which may use it e.g. for anti-spoofing rules. It does not ' +
      'give the guest an address: that comes from the kernel `ip=` parameter or DHCP.',
    source: SRC_NET,
  },
  {
    name: 'backend',
    doc:
      'Domain (name or ID) that serves the backend; default dom0. Another domain must be set up as a ' +
      'driver domain.',
    source: SRC_NET,
  },
  {
    name: 'rate',
    doc:
      'Outgoing bandwidth limit, e.g. `10Mb/s` or `1MB/s@20ms` (credit renewed every interval, 50ms by ' +
      'default); unlimited by default.',
    source: SRC_NET,
  },
  {
    name: 'devid',
    doc: 'Fixed device index instead of the lowest free one; rarely needed.',
    source: SRC_NET,
  },
  {
    name: 'mtu',
    doc: 'MTU of the interface; 1500 by default, or the MTU of the bridge it joins.',
    source: SRC_NET,
  },
  {
    name: 'trusted',
    doc: 'A bare flag (no `=`): advise the guest frontend that the backend may be trusted.',
    source: SRC_NET,
  },
  {
    name: 'untrusted',
    doc: 'A bare flag (no `=`): advise the guest frontend to protect itself from the backend.',
    source: SRC_NET,
  },
  {
    name: 'forwarddev',
    doc:
      'COLO fault tolerance: the host device that forwards the replicated traffic. Not needed for a normal ' +
      'boot.',
    source: SRC_NIC_PARSER,
  },
  {
    name: 'accel',
    doc: 'Network accelerator plug-in of xm days; xl says it is not supported and ignores it.',
    source: SRC_NIC_PARSER,
    deprecated: 'remove it; xl ignores it',
  },
];

/** The COLO (replicated fault-tolerant guest) plumbing keys xl's parser also accepts. */
const COLO_KEY_NAMES: readonly string[] = [
  'colo_sock_mirror_id',
  'colo_sock_mirror_ip',
  'colo_sock_mirror_port',
  'colo_sock_compare_sec_in_id',
  'colo_sock_compare_sec_in_ip',
  'colo_sock_compare_sec_in_port',
  'colo_sock_redirector0_id',
  'colo_sock_redirector0_ip',
  'colo_sock_redirector0_port',
  'colo_sock_redirector1_id',
  'colo_sock_redirector1_ip',
  'colo_sock_redirector1_port',
  'colo_sock_redirector2_id',
  'colo_sock_redirector2_ip',
  'colo_sock_redirector2_port',
  'colo_sock_compare_pri_in_id',
  'colo_sock_compare_pri_in_ip',
  'colo_sock_compare_pri_in_port',
  'colo_sock_compare_notify_id',
  'colo_sock_compare_notify_ip',
  'colo_sock_compare_notify_port',
  'colo_filter_mirror_queue',
  'colo_filter_mirror_outdev',
  'colo_filter_redirector0_queue',
  'colo_filter_redirector0_indev',
  'colo_filter_redirector0_outdev',
  'colo_filter_redirector1_queue',
  'colo_filter_redirector1_indev',
  'colo_filter_redirector1_outdev',
  'colo_compare_pri_in',
  'colo_compare_sec_in',
  'colo_compare_out',
  'colo_compare_notify_dev',
  'colo_sock_sec_redirector0_id',
  'colo_sock_sec_redirector0_ip',
  'colo_sock_sec_redirector0_port',
  'colo_sock_sec_redirector1_id',
  'colo_sock_sec_redirector1_ip',
  'colo_sock_sec_redirector1_port',
  'colo_filter_sec_redirector0_queue',
  'colo_filter_sec_redirector0_indev',
  'colo_filter_sec_redirector0_outdev',
  'colo_filter_sec_redirector1_queue',
  'colo_filter_sec_redirector1_indev',
  'colo_filter_sec_redirector1_outdev',
  'colo_filter_sec_rewriter0_queue',
  'colo_checkpoint_host',
  'colo_checkpoint_port',
];

const COLO_KEYS: readonly SubOptionSpec[] = COLO_KEY_NAMES.map((name) => ({
  name,
  doc:
    'COLO fault tolerance: one of the socket, filter and checkpoint settings of a replicated guest NIC. ' +
    'Only meaningful for a COLO-replicated guest; not used by a normal boot.',
  source: SRC_NIC_PARSER,
}));

/** Every key xl accepts in a vif spec string, the documented ones first. */
export const VIF_KEYS: readonly SubOptionSpec[] = [...DOCUMENTED_VIF_KEYS, ...COLO_KEYS];

/** `VIF_KEYS` by key name. */
export const VIF_KEY_MAP: ReadonlyMap<string, SubOptionSpec> = new Map(VIF_KEYS.map((k) => [k.name, k]));
