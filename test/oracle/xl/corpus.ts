import { prng } from '../../fuzz/prng';
import type { Rng } from '../../fuzz/prng';
/**
 * The corpus of the xl differential test: hand-written xl domain configs that Xen 4.17's xl accepts,
 * the seed how-to's xm config, xm-style Python files, edge cases whose verdict only the oracle knows,
 * and systematic mutations of every valid config. Deterministic: the only randomness is a seeded PRNG.
 */

/** The kinds of mutation applied to every valid config. */
export type MutationKind =
  | 'drop-equals'
  | 'drop-rbracket'
  | 'drop-lbracket'
  | 'drop-open-quote'
  | 'drop-close-quote'
  | 'drop-list-comma'
  | 'double-list-comma'
  | 'drop-semicolon'
  | 'stray-rparen'
  | 'stray-percent'
  | 'stray-minus'
  | 'stray-dot'
  | 'uppercase-key'
  | 'typographic-quote'
  | 'split-string'
  | 'crlf'
  | 'append-float'
  | 'key-without-value'
  | 'two-statements-one-line';

/** Where a corpus case comes from. */
export type CaseOrigin = 'valid' | 'seed' | 'xm-python' | 'edge' | 'mutant';

/** One file of the corpus. Valid cases carry nothing but their name, text and origin. */
export interface CorpusCase {
  /** Unique, kebab-case; a mutant is named `<valid case>~<mutation>`. */
  readonly name: string;
  readonly text: string;
  readonly origin: CaseOrigin;
  /** For a mutant: what was changed, in a few words. */
  readonly mutation?: { readonly kind: MutationKind; readonly of: string; readonly detail: string };
}

/** A seeded PRNG (mulberry32, the fuzzer's): floats in [0, 1). */
export const createRng = prng;

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)];
}

function cfg(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

/**
 * The `/etc/xen/domu1` config of seed how-to 000, verbatim (its typographic quote in `hostname='domu1’`
 * and the en dash in a comment included). The test checks it against `shared/seeds/000_*.txt`.
 */
export const SEED_000_DOMU1 = cfg(
  '# -*- mode: python; -*-',
  '#=========================================',
  "# Python configuration setup for 'xm create'.",
  "# This script sets the parameters used when a domain is created using 'xm create'.",
  '# You use a separate script for each domain you want to create, or',
  '# you can set the parameters for the domain on the xm command line.',
  '#=========================================',
  '# Kernel image file.',
  '#kernel = "/boot/vmlinuz-3.0.4"',
  'kernel = "/home/giorgos/xen/domains/domu1/vmlinux-3.0.4-domu"',
  '# Optional ramdisk \u2013 In order for the domU guest to mount its root',
  '# filesystem via NFS correctly, make sure to disable this option.',
  '#ramdisk = "/home/giorgos/xen/domains/domu1/initrd.img-3.0.4-domu"',
  '# Initial memory allocation (in megabytes) for the new domain',
  'memory = 128',
  '# A name for your domain. All domains must have different names.',
  'name = "domu1 "',
  '# Define network interfaces.',
  "vif = [ '','bridge=br0' ]",
  '# Set ip.',
  "ip='192.168.2.2'",
  '# Set netmask.',
  "netmask='255.255.255.0'",
  '# Set default gateway.',
  "gateway='192.168.2.1'",
  '# Set the hostname.',
  "hostname='domu1\u2019",
  '# Set root device for nfs.',
  "root ='/dev/nfs'",
  '# The nfs server.',
  "nfs_server ='192.168.2.1'",
  '# Root directory on the nfs server.',
  "nfs_root ='/export/domu1'",
  '# Sets runlevel 4.',
  'extra = "4"',
  "on_poweroff = 'destroy'",
  "on_reboot = 'restart'",
  "on_crash = 'restart'",
);

const K = '/boot/vmlinuz-6.1.0-13-amd64';
const I = '/boot/initrd.img-6.1.0-13-amd64';

/** Hand-written configs that xl 4.17 accepts (the test checks that it does). */
const HAND_WRITTEN: readonly (readonly [string, string])[] = [
  [
    'pv-minimal-nfs',
    cfg(
      'name = "nfs1"',
      `kernel = "${K}"`,
      'memory = 256',
      'root = "/dev/nfs"',
      'extra = "nfsroot=192.168.2.1:/export/nfs1,vers=3 ip=dhcp"',
    ),
  ],
  [
    'pv-static-ip',
    cfg(
      "name = 'nfs2'",
      `kernel = '${K}'`,
      'memory = 512',
      'vcpus = 2',
      "vif = [ 'mac=00:16:3e:00:00:02,bridge=br0' ]",
      "root = '/dev/nfs'",
      "extra = 'nfsroot=192.168.2.1:/export/nfs2 ip=192.168.2.10:192.168.2.1:192.168.2.1:255.255.255.0:nfs2:eth0:off'",
    ),
  ],
  [
    'pv-cmdline-only',
    cfg(
      'name = "web1"',
      `kernel = "${K}"`,
      'memory = 384',
      'cmdline = "root=/dev/nfs nfsroot=10.0.0.1:/srv/nfs/web1 ip=dhcp console=hvc0"',
      'vif = [ "mac=00:16:3e:0a:00:01, bridge=xenbr0" ]',
    ),
  ],
  [
    'pv-cmdline-hides-root-extra',
    cfg(
      'name = "web2"',
      `kernel = "${K}"`,
      'memory = 384',
      'root = "/dev/xvda1"',
      'extra = "ro quiet"',
      'cmdline = "root=/dev/nfs nfsroot=10.0.0.1:/srv/nfs/web2,tcp ip=dhcp"',
    ),
  ],
  [
    'pvh-cmdline',
    cfg(
      'type = "pvh"',
      'name = "pvh1"',
      `kernel = "${K}"`,
      'memory = 1024',
      'vcpus = 4',
      'cmdline = "root=/dev/nfs nfsroot=10.0.0.1:/srv/nfs/pvh1 ip=dhcp console=hvc0"',
      "vif = [ 'mac=00:16:3e:10:20:30,bridge=br0' ]",
    ),
  ],
  [
    'semicolon-separators',
    cfg(
      'name = "semi"; memory = 128; vcpus = 1',
      `kernel = '${K}'; root = '/dev/nfs';`,
      "extra = 'ip=dhcp'; on_crash = 'destroy'",
    ),
  ],
  [
    'comments-everywhere',
    cfg(
      '# A diskless guest.',
      'name = "comm" # the domain name',
      '',
      `kernel = "${K}"   # a Debian kernel`,
      '#memory = 64',
      'memory = 128',
      'vif = [',
      '  # the first interface',
      "  'mac=00:16:3e:00:00:05,bridge=br0', # on the LAN bridge",
      ']',
      'root = "/dev/nfs" # no disk at all',
      'extra = "ip=dhcp" #',
    ),
  ],
  [
    'plus-equals-string',
    cfg(
      'name = "pe1"',
      `kernel = "${K}"`,
      'memory = 256',
      'root = "/dev/nfs"',
      'extra = "ip=dhcp"',
      'extra += " nfsroot=10.1.1.1:/nfs/pe1"',
      "extra += ' console=hvc0'",
    ),
  ],
  [
    'plus-equals-list',
    cfg(
      'name = "pe2"',
      `kernel = "${K}"`,
      'memory = 256',
      "vif = [ 'mac=00:16:3e:00:01:01,bridge=br0' ]",
      "vif += [ 'mac=00:16:3e:00:01:02,bridge=br1' ]",
      'root = "/dev/nfs"',
    ),
  ],
  [
    'plus-equals-without-base',
    cfg('name = "pe3"', `kernel = "${K}"`, 'memory = 256', 'extra += "root=/dev/nfs ip=dhcp"'),
  ],
  [
    'trailing-commas',
    cfg(
      'name = "tc1"',
      `kernel = "${K}"`,
      'memory = 256',
      "vif = [ 'bridge=br0', ]",
      "disk = [ 'phy:/dev/vg0/tc1-swap,xvda1,w', ]",
      'root = "/dev/nfs"',
      'extra = "nfsroot=192.168.2.1:/export/tc1"',
    ),
  ],
  [
    'nested-lists',
    cfg(
      'name = "nest"',
      `kernel = "${K}"`,
      'memory = 256',
      "site_notes = [ ['rack', 'r12'], ['nfs', ['192.168.2.1', '/export/nest']], ]",
      'root = "/dev/nfs"',
    ),
  ],
  [
    'hex-and-octal-numbers',
    cfg(
      'name = "nums"',
      `kernel = "${K}"`,
      'memory = 0x100',
      'maxmem = 0x200',
      'vcpus = 02',
      'maxvcpus = 04',
      'root = "/dev/nfs"',
      'extra = "ip=dhcp"',
    ),
  ],
  [
    'double-quote-escapes',
    cfg(
      'name = "esc1"',
      `kernel = "${K}"`,
      'memory = 256',
      'extra = "ip=dhcp init=/bin/sh -c \\"mount -a\\""',
      'root = "/dev/nfs"',
    ),
  ],
  [
    'single-quote-escapes',
    cfg("name = 'esc2'", `kernel = '${K}'`, 'memory = 256', "extra = 'ip=dhcp it\\'s'", "root = '/dev/nfs'"),
  ],
  [
    'backslash-and-tab-escapes',
    cfg(
      'name = "esc3"',
      `kernel = "${K}"`,
      'memory = 256',
      'root = "/dev/nfs"',
      'extra = "ip=dhcp path=C:\\\\boot\\tx"',
    ),
  ],
  [
    'quotes-inside-other-quotes',
    cfg(
      'name = "q1"',
      `kernel = "${K}"`,
      'memory = 256',
      'root = "/dev/nfs"',
      'extra = \'init="/sbin/init" ip=dhcp\'',
      'description = "it\'s a diskless guest"',
    ),
  ],
  [
    'repeated-keys-last-wins',
    cfg(
      'name = "rep0"',
      'name = "rep1"',
      `kernel = "/boot/vmlinuz-old"`,
      `kernel = "${K}"`,
      'memory = 128',
      'memory = 256',
      'root = "/dev/xvda1"',
      'extra = "ro"',
      'root = "/dev/nfs"',
      'extra = "ip=dhcp nfsroot=192.168.2.1:/export/rep1"',
    ),
  ],
  [
    'repeated-cmdline-after-plus-equals',
    cfg(
      'name = "rep2"',
      `kernel = "${K}"`,
      'memory = 128',
      'cmdline = "root=/dev/xvda1"',
      'cmdline += " ro"',
      'cmdline = "root=/dev/nfs ip=dhcp"',
    ),
  ],
  [
    'on-actions',
    cfg(
      'name = "act"',
      `kernel = "${K}"`,
      'memory = 256',
      "on_poweroff = 'destroy'",
      "on_reboot = 'restart'",
      "on_crash = 'coredump-restart'",
      "on_watchdog = 'rename-restart'",
      'root = "/dev/nfs"',
    ),
  ],
  [
    'multi-vif-multiline',
    cfg(
      'name = "router"',
      `kernel = "${K}"`,
      'memory = 512',
      'vif = [',
      "    'mac=00:16:3e:01:00:01,bridge=br0,vifname=router-lan',",
      "    'mac=00:16:3e:01:00:02,bridge=br1,model=rtl8139',",
      '    "bridge=br2,ip=10.9.9.1"',
      ']',
      'root = "/dev/nfs"',
      'extra = "ip=:::::eth0:dhcp"',
    ),
  ],
  [
    'disk-list-swap',
    cfg(
      'name = "dsk1"',
      `kernel = "${K}"`,
      'memory = 256',
      "disk = [ 'phy:/dev/vg0/dsk1-swap,xvda1,w', 'file:/srv/xen/dsk1-scratch.img,xvdb,w' ]",
      'root = "/dev/nfs"',
      'extra = "ip=dhcp"',
    ),
  ],
  [
    'disk-key-value-spec',
    cfg(
      'name = "dsk2"',
      `kernel = "${K}"`,
      'memory = 256',
      "disk = [ 'format=raw, vdev=xvda, access=rw, target=/dev/vg0/dsk2' ]",
      'root = "/dev/nfs"',
    ),
  ],
  [
    'ramdisk-initramfs-nfs',
    cfg(
      'name = "initrd1"',
      `kernel = "${K}"`,
      `ramdisk = "${I}"`,
      'memory = 512',
      'root = "/dev/nfs"',
      'extra = "boot=nfs nfsroot=auto ip=dhcp"',
    ),
  ],
  ['no-command-line', cfg('name = "bare"', `kernel = "${K}"`, 'memory = 128')],
  ['root-only', cfg('name = "rooto"', `kernel = "${K}"`, 'memory = 128', 'root = "/dev/nfs"')],
  [
    'extra-only',
    cfg('name = "extrao"', `kernel = "${K}"`, 'memory = 128', 'extra = "root=/dev/nfs ip=dhcp"'),
  ],
  [
    'empty-extra',
    cfg('name = "emptyx"', `kernel = "${K}"`, 'memory = 128', 'root = "/dev/nfs"', "extra = ''"),
  ],
  [
    'empty-lists',
    cfg('name = "emptyl"', `kernel = "${K}"`, 'memory = 128', 'disk = []', 'vif = [ ]', 'root = "/dev/nfs"'),
  ],
  [
    'seed-ported-to-xl',
    cfg(
      'kernel = "/home/giorgos/xen/domains/domu1/vmlinux-3.0.4-domu"',
      'memory = 128',
      'name = "domu1"',
      "vif = [ '','bridge=br0' ]",
      "root = '/dev/nfs'",
      "extra = 'nfsroot=192.168.2.1:/export/domu1 ip=192.168.2.2:192.168.2.1:192.168.2.1:255.255.255.0:domu1:eth0:off 4'",
      "on_poweroff = 'destroy'",
      "on_reboot = 'restart'",
      "on_crash = 'restart'",
    ),
  ],
  [
    'xm-nfs-keys-under-xl',
    cfg(
      'name = "xmkeys"',
      `kernel = "${K}"`,
      'memory = 128',
      "root = '/dev/nfs'",
      "nfs_server = '192.168.2.1'",
      "nfs_root = '/export/xmkeys'",
      "ip = '192.168.2.3'",
      "netmask = '255.255.255.0'",
      "gateway = '192.168.2.1'",
      "hostname = 'xmkeys'",
      "dhcp = 'off'",
      'extra = "4"',
    ),
  ],
  ['no-final-newline', `name = "nonl"\nkernel = "${K}"\nmemory = 128\nroot = "/dev/nfs"`],
  [
    'tabs-and-blank-lines',
    cfg('', '\tname\t=\t"tabs"', '', '', `kernel="${K}"`, '   memory=128', '', '\troot =\t"/dev/nfs"', ''),
  ],
  [
    'one-line-long-list',
    cfg(
      'name = "onel"',
      `kernel = "${K}"`,
      'memory = 128',
      "vif = ['mac=00:16:3e:aa:00:01,bridge=br0','mac=00:16:3e:aa:00:02,bridge=br1','bridge=br2']",
      'extra = "root=/dev/nfs ip=dhcp"',
    ),
  ],
  [
    'cpu-and-misc-keys',
    cfg(
      'name = "misc"',
      `kernel = "${K}"`,
      'memory = 256',
      'vcpus = 2',
      'cpus = "0-3"',
      'localtime = 0',
      'uuid = "3b4c2a7e-9d1f-4a60-8c5b-0e2f1d3c4b5a"',
      'root = "/dev/nfs"',
      'extra = "ip=dhcp"',
    ),
  ],
  [
    'comment-after-semicolon',
    cfg(
      'name = "cas"; # the name',
      `kernel = "${K}"; memory = 128 # both`,
      'root = "/dev/nfs"; extra = "ip=dhcp";',
    ),
  ],
  [
    'hash-and-semicolon-inside-strings',
    cfg(
      'name = "hash"',
      `kernel = "${K}"`,
      'memory = 128',
      'root = "/dev/nfs"',
      'extra = "nfsroot=192.168.2.1:/export/hash#1 note=a;b"',
    ),
  ],
  [
    'cmdline-plus-equals',
    cfg(
      'type = "pvh"',
      'name = "cpe"',
      `kernel = "${K}"`,
      'memory = 512',
      'cmdline = "root=/dev/nfs"',
      'cmdline += " nfsroot=10.0.0.1:/srv/cpe"',
      "cmdline += ' ip=dhcp'",
    ),
  ],
  [
    'dotted-and-digit-keys',
    cfg('name = "dots"', `kernel = "${K}"`, 'memory = 128', 'site.rack2 = "r2"', 'root = "/dev/nfs"'),
  ],
  [
    'numbers-in-lists',
    cfg(
      'name = "nlist"',
      `kernel = "${K}"`,
      'memory = 128',
      'site_ports = [ 2049, 0x6f, 0755, ]',
      'root = "/dev/nfs"',
    ),
  ],
];

/** The seed config with its typographic quote replaced: xl then accepts it (and ignores the xm keys). */
const SEED_FIXED = SEED_000_DOMU1.replace("hostname='domu1\u2019", "hostname='domu1'");

/** A config composed by the PRNG from the same building blocks, for variety. */
function composeConfig(rng: Rng, index: number): [string, string] {
  const q = pick(rng, ["'", '"']);
  const s = (v: string): string => `${q}${v}${q}`;
  const sep = pick(rng, ['\n', '\n', '; ']);
  const hex = (n: number): string => n.toString(16).padStart(2, '0');
  const mac = (): string =>
    `00:16:3e:${hex(index)}:${hex(Math.floor(rng() * 256))}:${hex(Math.floor(rng() * 256))}`;
  const memory = pick(rng, [128, 256, 512]);
  const parts: string[] = [
    `name = ${s(`gen${index}`)}`,
    `kernel = ${s(K)}`,
    `memory = ${pick(rng, [String(memory), `0x${memory.toString(16)}`, `0${memory.toString(8)}`])}`,
  ];
  if (rng() < 0.5) parts.push(`vcpus = ${pick(rng, ['1', '2', '0x4'])}`);
  const vifCount = Math.floor(rng() * 3);
  if (vifCount > 0) {
    const items = Array.from({ length: vifCount }, () => s(`mac=${mac()},bridge=br${Math.floor(rng() * 3)}`));
    parts.push(`vif = [ ${items.join(', ')}${rng() < 0.5 ? ',' : ''} ]`);
  }
  const server = `10.${index}.0.1`;
  const style = pick(rng, ['root+extra', 'cmdline', 'extra+=', 'cmdline-hides']);
  if (style === 'root+extra') {
    parts.push(`root = ${s('/dev/nfs')}`, `extra = ${s(`nfsroot=${server}:/srv/gen${index} ip=dhcp`)}`);
  } else if (style === 'cmdline') {
    parts.push(`cmdline = ${s(`root=/dev/nfs nfsroot=${server}:/srv/gen${index} ip=dhcp`)}`);
  } else if (style === 'extra+=') {
    parts.push(
      `root = ${s('/dev/nfs')}`,
      `extra = ${s('ip=dhcp')}`,
      `extra += ${s(` nfsroot=${server}:/srv/gen${index}`)}`,
    );
  } else {
    parts.push(`root = ${s('/dev/sda1')}`, `cmdline = ${s(`root=/dev/nfs nfsroot=${server}:/x`)}`);
  }
  if (rng() < 0.5) parts.push(`on_crash = ${s(pick(rng, ['destroy', 'restart', 'preserve']))}`);
  if (rng() < 0.3) parts.splice(1, 0, `# generated config ${index}`);
  const text = parts.reduce((acc, p, i) => {
    if (i === 0) return p;
    return acc + (p.startsWith('#') || parts[i - 1].startsWith('#') ? '\n' : sep) + p;
  }, '');
  return [`generated-${index}`, `${text}\n`];
}

/** xm configs (Python, run by `xm create`): xl rejects them. */
const XM_PYTHON: readonly (readonly [string, string])[] = [
  [
    'xm-import-os',
    cfg(
      'import os, re',
      'arch = os.uname()[4]',
      'kernel = "/boot/vmlinuz-2.6.18-xen"',
      'memory = 128',
      'name = "xmimport"',
      "root = '/dev/nfs'",
      "nfs_server = '192.168.2.1'",
      "nfs_root = '/export/xmimport'",
    ),
  ],
  [
    'xm-def-block',
    cfg(
      'def vif_for(n):',
      "    return 'mac=00:16:3e:00:00:%02x,bridge=br0' % n",
      '',
      'name = "xmdef"',
      'kernel = "/boot/vmlinuz-2.6.18-xen"',
      'memory = 128',
      'vif = [ vif_for(7) ]',
      "root = '/dev/nfs'",
    ),
  ],
  [
    'xm-if-else',
    cfg(
      'vmid = 2',
      'if vmid == 1:',
      '    memory = 256',
      'else:',
      '    memory = 128',
      'name = "xmif"',
      'kernel = "/boot/vmlinuz-2.6.18-xen"',
      "root = '/dev/nfs'",
    ),
  ],
  [
    'xm-percent-format',
    cfg(
      'vmid = 3',
      'name = "VM%d" % vmid',
      'kernel = "/boot/vmlinuz-2.6.18-xen"',
      'memory = 128',
      "vif = [ 'mac=00:16:3e:00:00:%02x, bridge=xenbr0' % vmid ]",
      "root = '/dev/nfs'",
      "nfs_server = '192.168.2.1'",
      "nfs_root = '/export/vm%d' % vmid",
      "ip = '192.168.2.%d' % (10 + vmid)",
    ),
  ],
  [
    'xm-dhcp-nfs',
    cfg(
      '# xm create config, no Python beyond assignments',
      'kernel = "/boot/vmlinuz-2.6.18-xen"',
      'memory = 128',
      'name = "xmdhcp"',
      "vif = [ 'mac=00:16:3e:00:00:21' ]",
      "dhcp = 'dhcp'",
      "root = '/dev/nfs'",
      "nfs_server = '192.168.2.1'",
      "nfs_root = '/export/xmdhcp'",
    ),
  ],
  [
    'xm-triple-quoted-and-float',
    cfg(
      'name = "xmtq"',
      'kernel = "/boot/vmlinuz-2.6.18-xen"',
      'memory = 128',
      'extra = """ip=dhcp"""',
      'cpu_weight = 1.5',
    ),
  ],
];

const H = cfg('name = "edge"', `kernel = "${K}"`, 'memory = 128');

/** Cases whose verdict only the oracle knows; no expectation is written here. */
const EDGE: readonly (readonly [string, string])[] = [
  ['edge-extra-is-a-number', `${H}extra = 4\n`],
  ['edge-root-is-a-hex-number', `${H}root = 0x10\nextra = "ip=dhcp"\n`],
  ['edge-empty-cmdline', `${H}root = "/dev/nfs"\ncmdline = ""\n`],
  ['edge-extra-is-a-list', `${H}root = "/dev/nfs"\nextra = [ "ip=dhcp" ]\n`],
  ['edge-plus-equals-type-mismatch', `${H}extra = "ip=dhcp"\nextra += [ "quiet" ]\n`],
  ['edge-hex-escape', `${H}extra = "ip=dhcp \\x41"\n`],
  ['edge-octal-escape', `${H}extra = "ip=dhcp \\101 x"\n`],
  ['edge-unknown-escape', `${H}extra = "ip=dhcp \\q"\n`],
  ['edge-newline-escape', `${H}extra = "ip=dhcp\\nquiet"\n`],
  ['edge-c-control-escapes', `${H}extra = "ip=dhcp \\a\\b\\f\\v"\n`],
  ['edge-short-octal-escape', `${H}extra = "ip=dhcp \\7"\n`],
  ['edge-plus-equals-number-to-string', `${H}extra = "ip=dhcp quiet="\nextra += 1\n`],
  ['edge-plus-equals-string-to-list', `${H}vif = [ 'bridge=br0' ]\nvif += 'bridge=br1'\n`],
  ['edge-key-starts-with-underscore', `${H}_private = 1\n`],
  ['edge-key-mixed-case', `${H}on_Crash = "destroy"\n`],
  ['edge-number-with-exponent', `${H}maxmem = 1e3\n`],
  ['edge-number-bad-octal', `${H}maxmem = 08\n`],
  ['edge-typographic-quote-inside-string', `${H}extra = "it\u2019s ip=dhcp"\n`],
  ['edge-crlf-only-on-comment-lines', `# domU\r\n# NFS root\r\n${H}root = "/dev/nfs"\n`],
  ['edge-literal-cr-inside-string', `${H}extra = "ip=dhcp\rquiet"\n`],
  ['edge-empty-file', ''],
  ['edge-only-comments', '# nothing here\n#name = "x"\n'],
  ['edge-lone-semicolons', `${H};\n;;\n`],
  ['edge-value-without-key', `${H}= "x"\n`],
  ['edge-backslash-line-continuation', `${H}extra = "ip=dhcp" \\\n  "quiet"\n`],
  ['edge-literal-tab-in-string', `${H}extra = "ip=dhcp\tquiet"\n`],
  ['edge-list-without-commas-multiline', `${H}vif = [\n 'bridge=br0'\n 'bridge=br1'\n]\n`],
  ['edge-string-concatenation', `${H}extra = "ip=dhcp" "quiet"\n`],
];

/** Positions in a valid xl config that the mutations use. */
interface Scan {
  readonly equals: number[];
  readonly lbrackets: number[];
  readonly rbrackets: number[];
  readonly listCommas: number[];
  readonly semicolons: number[];
  readonly strings: { start: number; end: number }[];
  readonly keys: { start: number; end: number }[];
  readonly valueStarts: number[];
  /** `\n` at bracket depth 0 that end a line holding a statement and no comment. */
  readonly cleanLineEnds: number[];
}

/** A small lexer for xl configs known to be valid (strings, comments, brackets, keys). */
function scan(text: string): Scan {
  const r: Scan = {
    equals: [],
    lbrackets: [],
    rbrackets: [],
    listCommas: [],
    semicolons: [],
    strings: [],
    keys: [],
    valueStarts: [],
    cleanLineEnds: [],
  };
  let depth = 0;
  let statementStart = true;
  let lineHasStatement = false;
  let lineHasComment = false;
  const skipBlanks = (j: number): number => {
    while (text[j] === ' ' || text[j] === '\t') j++;
    return j;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '#') {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
      lineHasComment = true;
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== c && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      r.strings.push({ start: i, end: j });
      i = j;
      statementStart = false;
    } else if (c === '[') {
      depth++;
      r.lbrackets.push(i);
    } else if (c === ']') {
      depth--;
      r.rbrackets.push(i);
    } else if (c === ',' && depth > 0) {
      r.listCommas.push(i);
    } else if (c === '=') {
      if (text[i - 1] !== '+') r.equals.push(i);
      r.valueStarts.push(skipBlanks(i + 1));
    } else if (c === ';' && depth === 0) {
      r.semicolons.push(i);
      statementStart = true;
    } else if (c === '\n') {
      if (depth === 0) {
        if (lineHasStatement && !lineHasComment) r.cleanLineEnds.push(i);
        lineHasStatement = false;
        lineHasComment = false;
        statementStart = true;
      }
    } else if (/[a-z]/.test(c) && statementStart && depth === 0) {
      let j = i;
      while (j < text.length && /[._0-9a-z]/.test(text[j])) j++;
      r.keys.push({ start: i, end: j });
      lineHasStatement = true;
      statementStart = false;
      i = j - 1;
    } else if (c !== ' ' && c !== '\t') {
      statementStart = false;
    }
  }
  return r;
}

const TYPOGRAPHIC: Record<string, readonly [string, string]> = {
  "'": ['\u2018', '\u2019'],
  '"': ['\u201c', '\u201d'],
};

function splice(text: string, at: number, remove: number, insert: string): string {
  return text.slice(0, at) + insert + text.slice(at + remove);
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

type Mutation = (text: string, s: Scan, rng: Rng) => { text: string; detail: string } | undefined;

function dropAt(what: string, positions: (s: Scan) => number[]): Mutation {
  return (text, s, rng) => {
    const all = positions(s);
    if (all.length === 0) return undefined;
    const at = pick(rng, all);
    return { text: splice(text, at, 1, ''), detail: `dropped ${what} on line ${lineOf(text, at)}` };
  };
}

function stray(ch: string): Mutation {
  return (text, s, rng) => {
    const atValue = rng() < 0.5 || s.cleanLineEnds.length === 0;
    const positions = atValue ? s.valueStarts : s.cleanLineEnds;
    if (positions.length === 0) return undefined;
    const at = pick(rng, positions);
    const insert = atValue ? `${ch} ` : ` ${ch}`;
    return { text: splice(text, at, 0, insert), detail: `inserted '${ch}' on line ${lineOf(text, at)}` };
  };
}

/** The mutations, in the order they are applied to each valid config. */
const MUTATIONS: readonly (readonly [MutationKind, Mutation])[] = [
  ['drop-equals', dropAt("'='", (s) => s.equals)],
  ['drop-rbracket', dropAt("']'", (s) => s.rbrackets)],
  ['drop-lbracket', dropAt("'['", (s) => s.lbrackets)],
  ['drop-open-quote', dropAt('an opening quote', (s) => s.strings.map((x) => x.start))],
  ['drop-close-quote', dropAt('a closing quote', (s) => s.strings.map((x) => x.end))],
  ['drop-list-comma', dropAt("a ',' inside a list", (s) => s.listCommas)],
  [
    'double-list-comma',
    (text, s, rng) => {
      if (s.listCommas.length === 0) return undefined;
      const at = pick(rng, s.listCommas);
      return { text: splice(text, at, 0, ','), detail: `doubled a ',' on line ${lineOf(text, at)}` };
    },
  ],
  ['drop-semicolon', dropAt("';'", (s) => s.semicolons)],
  ['stray-rparen', stray(')')],
  ['stray-percent', stray('%')],
  ['stray-minus', stray('-')],
  ['stray-dot', stray('.')],
  [
    'uppercase-key',
    (text, s, rng) => {
      if (s.keys.length === 0) return undefined;
      const k = pick(rng, s.keys);
      const key = text.slice(k.start, k.end);
      return { text: splice(text, k.start, key.length, key.toUpperCase()), detail: `upper-cased '${key}'` };
    },
  ],
  [
    'typographic-quote',
    (text, s, rng) => {
      if (s.strings.length === 0) return undefined;
      const str = pick(rng, s.strings);
      const closing = rng() < 0.5;
      const at = closing ? str.end : str.start;
      const replacement = TYPOGRAPHIC[text[str.start]][closing ? 1 : 0];
      const which = closing ? 'closing' : 'opening';
      return {
        text: splice(text, at, 1, replacement),
        detail: `${which} quote on line ${lineOf(text, at)} made ${replacement}`,
      };
    },
  ],
  [
    'split-string',
    (text, s, rng) => {
      const long = s.strings.filter((x) => x.end - x.start > 4);
      if (long.length === 0) return undefined;
      const str = pick(rng, long);
      let at = str.start + 1 + Math.floor(rng() * (str.end - str.start - 1));
      if (text[at - 1] === '\\') at++;
      if (at >= str.end) at = str.end - 1;
      return {
        text: splice(text, at, 0, '\n'),
        detail: `line break inside the string on line ${lineOf(text, at)}`,
      };
    },
  ],
  [
    'crlf',
    (text) =>
      text.includes('\n') ? { text: text.replace(/\n/g, '\r\n'), detail: 'CRLF line endings' } : undefined,
  ],
  [
    'append-float',
    (text, _s, rng) => {
      const float = pick(rng, ['maxmem = 512.5', 'cpu_weight = 0.5', 'vcpus = 1.0']);
      const sep = text.endsWith('\n') || text === '' ? '' : '\n';
      return { text: `${text}${sep}${float}\n`, detail: `appended '${float}'` };
    },
  ],
  [
    'key-without-value',
    (text, s, rng) => {
      if (s.cleanLineEnds.length === 0) return undefined;
      const at = pick(rng, s.cleanLineEnds);
      const key = pick(rng, ['extra', 'root', 'on_crash', 'vcpus']);
      return {
        text: splice(text, at, 0, `\n${key} =`),
        detail: `'${key} =' with no value after line ${lineOf(text, at)}`,
      };
    },
  ],
  [
    'two-statements-one-line',
    (text, s, rng) => {
      const keyStarts = new Set(s.keys.map((k) => k.start));
      const joinable = s.cleanLineEnds.filter((n) => {
        let j = n + 1;
        while (text[j] === ' ' || text[j] === '\t') j++;
        return keyStarts.has(j);
      });
      if (joinable.length === 0) return undefined;
      const at = pick(rng, joinable);
      return {
        text: splice(text, at, 1, ' '),
        detail: `joined lines ${lineOf(text, at)} and ${lineOf(text, at) + 1}`,
      };
    },
  ],
];

/** Applies every mutation (once, at a PRNG-chosen place) to a valid case; a mutation with no place is skipped. */
export function mutate(base: CorpusCase, rng: Rng): CorpusCase[] {
  const s = scan(base.text);
  const out: CorpusCase[] = [];
  for (const [kind, m] of MUTATIONS) {
    const result = m(base.text, s, rng);
    if (!result || result.text === base.text) continue;
    out.push({
      name: `${base.name}~${kind}`,
      text: result.text,
      origin: 'mutant',
      mutation: { kind, of: base.name, detail: result.detail },
    });
  }
  return out;
}

/** The valid xl configs: hand-written ones, PRNG-composed ones and the seed with its quote fixed. */
export function validXlConfigs(seed = 0x0c0ffee): CorpusCase[] {
  const rng = createRng(seed);
  const composed = Array.from({ length: 8 }, (_, i) => composeConfig(rng, i + 1));
  return [...HAND_WRITTEN, ...composed, ['seed-000-domu1-quote-fixed', SEED_FIXED] as const].map(
    ([name, text]) => ({
      name,
      text,
      origin: 'valid' as const,
    }),
  );
}

/** The whole corpus: valid configs, the seed, xm Python files, edge cases, then the mutants of each valid config. */
export function xlCorpus(seed = 0x0c0ffee): CorpusCase[] {
  const valid = validXlConfigs(seed);
  const rng = createRng(seed ^ 0x5a5a5a5a);
  const named =
    (origin: CaseOrigin) =>
    ([name, text]: readonly [string, string]): CorpusCase => ({ name, text, origin });
  return [
    ...valid,
    { name: 'seed-000-domu1', text: SEED_000_DOMU1, origin: 'seed' },
    ...XM_PYTHON.map(named('xm-python')),
    ...EDGE.map(named('edge')),
    ...valid.flatMap((v) => mutate(v, rng)),
  ];
}
