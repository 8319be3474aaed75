// A whole site shared by the navigation and boot-chain tests: one host without a topology file (so every
// exports file may serve any server), xl domains with a static address, DHCP, and a MAC DHCP does not know,
// a GRUB legacy menu that DHCP's option-150 names, and the .config of the guests' kernel.

/** The kernel .config every guest kernel needs for a kernel-level NFS root over DHCP and NFSv3. */
export const GOOD_CONFIG = `#
# Automatically generated file; DO NOT EDIT.
# Linux/x86 6.1.0 Kernel Configuration
#
CONFIG_NET=y
CONFIG_INET=y
CONFIG_IP_PNP=y
CONFIG_IP_PNP_DHCP=y
CONFIG_XEN=y
CONFIG_XEN_NETDEV_FRONTEND=y
CONFIG_NETWORK_FILESYSTEMS=y
CONFIG_NFS_FS=y
CONFIG_NFS_V3=y
CONFIG_ROOT_NFS=y
`;

/** The site as `=== path` sections (test/unit/helpers/site.ts). */
export const SITE = `=== etc/xen/web1.cfg
name = "web1"
kernel = "/boot/vmlinuz-6.1.0-nfsroot"
vif = [ 'mac=00:16:3e:2a:00:10,bridge=xenbr0' ]
root = "/dev/nfs"
extra = "nfsroot=192.168.2.1:/export/web1,vers=3 ip=192.168.2.10:192.168.2.1:192.168.2.1:255.255.255.0:web1:eth0:off"
=== etc/xen/db1.cfg
name = "db1"
kernel = "/boot/vmlinuz-6.1.0-nfsroot"
vif = [ 'mac=00:16:3e:2a:00:11' ]
extra = "root=/dev/nfs nfsroot=192.168.2.1:/export/guests/db1 ip=dhcp"
=== etc/xen/lost.cfg
name = "lost"
kernel = "/boot/vmlinuz-5.10.0"
vif = [ 'mac=00:16:3e:2a:00:99' ]
extra = "root=/dev/nfs nfsroot=192.168.2.1:/srv/lost ip=dhcp"
=== etc/exports
/export/web1    192.168.2.10(rw,sync,no_root_squash,no_subtree_check)
/export/guests  192.168.2.0/24(rw,sync,no_subtree_check)
=== etc/dhcp/dhcpd.conf
option option-150 code 150 = text;
subnet 192.168.2.0 netmask 255.255.255.0 {
  range 192.168.2.100 192.168.2.200;
  next-server 192.168.2.1;
}
host web1 {
  hardware ethernet 00:16:3e:2a:00:10;
  fixed-address 192.168.2.10;
}
host db1 {
  hardware ethernet 00:16:3e:2a:00:11;
  fixed-address 192.168.2.11;
  option option-150 "/grub/menu.lst";
}
=== srv/tftp/grub/menu.lst
default 0
title dom0 (Xen, NFS root)
kernel /xen.gz dom0_mem=1024M
module /vmlinuz-6.1.0-dom0 root=/dev/nfs nfsroot=192.168.2.1:/export/dom0 ip=dhcp
=== boot/config-6.1.0-nfsroot
${GOOD_CONFIG}`;
