import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { prng } from '../test/fuzz/prng';

/**
 * Generates the benchmark site of issue 6, deterministically (a seeded PRNG, no clock): one dom0 host whose
 * root is `dom0/`, with 2,000 xl domain configs (NFS roots through `extra`, vif MACs in 00:16:3e), a
 * dhcpd.conf of 20,000 host blocks in 8 subnets with dynamic ranges, an /etc/exports of 2,000 lines, 50 real
 * kernel .configs (the Debian 6.1 config of the fixtures, a few symbols varied), and a few GRUB legacy,
 * GRUB 2 and PXELINUX menus. Usage: `node out/bench/generate-site.js DIR [SEED]` (DIR must not exist or be
 * empty; never the repository).
 */

export interface SiteSizes {
  readonly domains: number;
  readonly dhcpHosts: number;
  readonly exportLines: number;
  readonly kconfigs: number;
}

export const DEFAULT_SIZES: SiteSizes = { domains: 2000, dhcpHosts: 20000, exportLines: 2000, kconfigs: 50 };

/** The generated site: where it is and which file is which (paths absolute). */
export interface GeneratedSite {
  readonly root: string;
  readonly dhcpdConf: string;
  readonly exports: string;
  readonly domains: readonly string[];
  readonly kconfigs: readonly string[];
  readonly menus: readonly string[];
  readonly topology: string;
}

const SERVER = '10.0.0.1';
const SUBNETS = 8;

const hex = (n: number): string => n.toString(16).padStart(2, '0');
const pad = (n: number, w: number): string => String(n).padStart(w, '0');

/** Host i's MAC (Xen's OUI) and its fixed address in subnet 10.(i % 8).0.0/16. */
export function macOf(i: number): string {
  return `00:16:3e:${hex((i >> 16) & 0xff)}:${hex((i >> 8) & 0xff)}:${hex(i & 0xff)}`;
}
export function addressOf(i: number): string {
  const k = i % SUBNETS;
  const j = Math.floor(i / SUBNETS);
  return `10.${k}.${Math.floor(j / 250)}.${(j % 250) + 2}`;
}
const kernelVersion = (k: number): string => `6.1.0-k${pad(k, 2)}`;
const domName = (i: number): string => `dom${pad(i, 4)}`;

function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

function domainConfig(i: number, sizes: SiteSizes, rnd: () => number): string {
  const name = domName(i);
  const memory = [256, 512, 1024, 2048][Math.floor(rnd() * 4)];
  const vcpus = 1 + Math.floor(rnd() * 4);
  const kernel = kernelVersion(i % sizes.kconfigs);
  const vers = rnd() < 0.5 ? 3 : 4;
  const lines = [
    `# ${name}: a PV guest whose root file system is /export/${name} on dom0 (${SERVER}).`,
    `name = "${name}"`,
    `type = "pv"`,
    `kernel = "/boot/vmlinuz-${kernel}"`,
    `memory = ${memory}`,
    `vcpus = ${vcpus}`,
    `vif = [ 'mac=${macOf(i)},bridge=xenbr0' ]`,
    `root = "/dev/nfs"`,
    `extra = "nfsroot=${SERVER}:/export/${name},vers=${vers} ip=dhcp console=hvc0"`,
    `on_crash = "restart"`,
  ];
  if (rnd() < 0.3) lines.push(`disk = [ ]`, `on_reboot = "restart"`);
  return lines.join('\n') + '\n';
}

function dhcpdConf(sizes: SiteSizes, rnd: () => number): string {
  const out: string[] = [
    '# dhcpd.conf of the benchmark site: dom0 hands out addresses and boot files.',
    'default-lease-time 600;',
    'max-lease-time 7200;',
    'authoritative;',
    'ddns-update-style none;',
    'option domain-name "bench.example";',
    `option domain-name-servers ${SERVER};`,
    '',
  ];
  for (let k = 0; k < SUBNETS; k++) {
    out.push(
      `subnet 10.${k}.0.0 netmask 255.255.0.0 {`,
      `  option routers 10.${k}.0.1;`,
      `  range 10.${k}.250.1 10.${k}.254.254;`,
      `  next-server ${SERVER};`,
      '}',
      '',
    );
  }
  for (let i = 0; i < sizes.dhcpHosts; i++) {
    const name = i < sizes.domains ? domName(i) : `node${pad(i, 5)}`;
    if (rnd() < 0.15) out.push(`# ${name}: rack ${Math.floor(rnd() * 40)}, slot ${Math.floor(rnd() * 42)}`);
    out.push(
      `host ${name} {`,
      `  hardware ethernet ${macOf(i)};`,
      `  fixed-address ${addressOf(i)};`,
      `  next-server ${SERVER};`,
      `  filename "${rnd() < 0.8 ? 'pxelinux.0' : 'pxegrub'}";`,
      `  option root-path "${SERVER}:/export/${name}";`,
      `  option host-name "${name}";`,
      '}',
    );
  }
  return out.join('\n') + '\n';
}

function exportsFile(sizes: SiteSizes, rnd: () => number): string {
  const out = ['# /etc/exports of dom0: one root file system per guest.'];
  for (let i = 0; i < sizes.exportLines; i++) {
    const name = i < sizes.domains ? domName(i) : `node${pad(i, 5)}`;
    const sync = rnd() < 0.9 ? 'sync' : 'async';
    out.push(`/export/${name}  ${addressOf(i)}(rw,${sync},no_root_squash,no_subtree_check)`);
  }
  return out.join('\n') + '\n';
}

/** The Debian config, with the NFS-root symbols set in most copies and a few other symbols varied. */
function kconfig(template: string, k: number, rnd: () => number): string {
  const nfsRoot = k % 10 !== 9; // every tenth keeps Debian's modules: kernel/* findings
  const set = new Map<string, string>([['CONFIG_LOCALVERSION', `"-k${pad(k, 2)}"`]]);
  if (nfsRoot) {
    for (const s of ['CONFIG_XEN_NETDEV_FRONTEND', 'CONFIG_NFS_FS', 'CONFIG_NFS_V3', 'CONFIG_NFS_V4'])
      set.set(s, 'y');
  }
  const varied = ['CONFIG_HZ_250', 'CONFIG_PREEMPT_VOLUNTARY', 'CONFIG_NR_CPUS'];
  if (rnd() < 0.5) set.set(varied[2], String(64 << Math.floor(rnd() * 4)));
  const lines = template.split('\n').map((line) => {
    const m = /^(CONFIG_[A-Za-z0-9_]+)=/.exec(line) ?? /^# (CONFIG_[A-Za-z0-9_]+) is not set$/.exec(line);
    if (m && set.has(m[1])) return `${m[1]}=${set.get(m[1])}`;
    if (nfsRoot && line === '# CONFIG_IP_PNP is not set')
      return [
        'CONFIG_IP_PNP=y',
        'CONFIG_IP_PNP_DHCP=y',
        '# CONFIG_IP_PNP_BOOTP is not set',
        'CONFIG_ROOT_NFS=y',
      ].join('\n');
    return line;
  });
  return lines.join('\n');
}

function grubLegacyMenu(m: number): string {
  const out = [`# pxegrub menu ${m} of the diskless Xen hosts.`, 'default 0', 'timeout 5', ''];
  for (let e = 0; e < 20; e++) {
    const i = 3000 + m * 20 + e;
    out.push(
      `title Xen 4.17 / Linux 6.1, node${pad(i, 5)}, root on NFS from dom0`,
      'root (nd)',
      'kernel /xen-4.17.gz dom0_mem=1024M,max:1024M loglvl=all',
      `module /vmlinuz-${kernelVersion(e)} root=/dev/nfs nfsroot=${SERVER}:/export/node${pad(i, 5)},vers=3 ip=dhcp console=hvc0`,
      '',
    );
  }
  return out.join('\n');
}

function grub2Menu(m: number): string {
  const out = [
    `# GRUB 2 netboot menu ${m}.`,
    'set default=0',
    'set timeout=5',
    `set nfs_server=${SERVER}`,
    '',
  ];
  for (let e = 0; e < 20; e++) {
    const i = 4000 + m * 20 + e;
    out.push(
      `menuentry 'node${pad(i, 5)}: Xen, NFS root' {`,
      '\tinsmod net',
      '\tmultiboot2 /xen.gz dom0_mem=512M loglvl=all',
      `\tmodule2 /vmlinuz-${kernelVersion(e)} root=/dev/nfs nfsroot=\${nfs_server}:/export/node${pad(i, 5)} ip=dhcp`,
      '}',
      '',
    );
  }
  return out.join('\n');
}

function pxelinuxConfig(i: number): string {
  return [
    `# node${pad(i, 5)}, a diskless machine known by its MAC.`,
    'DEFAULT linux',
    'PROMPT 0',
    '',
    'LABEL linux',
    `  KERNEL vmlinuz-${kernelVersion(i % 50)}`,
    `  APPEND root=/dev/nfs nfsroot=${SERVER}:/export/node${pad(i, 5)},vers=3 ip=dhcp rw`,
    '',
  ].join('\n');
}

/** Writes the site into `dir` (created; must be empty). */
export function generateSite(
  dir: string,
  repoRoot: string,
  seed = 6,
  sizes: SiteSizes = DEFAULT_SIZES,
): GeneratedSite {
  const root = path.resolve(dir);
  if (path.relative(path.resolve(repoRoot), root).split(path.sep)[0] !== '..')
    throw new Error(`refusing to generate inside the repository: ${root}`);
  fs.mkdirSync(root, { recursive: true });
  if (fs.readdirSync(root).length > 0) throw new Error(`not empty: ${root}`);
  const rnd = prng(seed);
  const dom0 = path.join(root, 'dom0');
  const topology = path.join(root, 'xen-nfs-boot.json');
  write(
    topology,
    JSON.stringify(
      {
        toolstack: 'xl',
        hosts: [{ name: 'dom0', addresses: [SERVER], root: 'dom0', tftpRoot: 'dom0/srv/tftp' }],
      },
      null,
      2,
    ) + '\n',
  );
  const domains: string[] = [];
  for (let i = 0; i < sizes.domains; i++) {
    const file = path.join(dom0, 'etc', 'xen', `${domName(i)}.cfg`);
    write(file, domainConfig(i, sizes, rnd));
    domains.push(file);
  }
  const dhcpd = path.join(dom0, 'etc', 'dhcp', 'dhcpd.conf');
  write(dhcpd, dhcpdConf(sizes, rnd));
  const exportsPath = path.join(dom0, 'etc', 'exports');
  write(exportsPath, exportsFile(sizes, rnd));
  const templateFile = path.join(repoRoot, 'test', 'fixtures', 'kconfig-debian', 'config-6.1.192-amd64.gz');
  const template = zlib.gunzipSync(fs.readFileSync(templateFile)).toString('utf8');
  const kconfigs: string[] = [];
  for (let k = 0; k < sizes.kconfigs; k++) {
    const file = path.join(dom0, 'boot', `config-${kernelVersion(k)}`);
    write(file, kconfig(template, k, rnd));
    kconfigs.push(file);
  }
  const menus: string[] = [];
  const tftp = path.join(dom0, 'srv', 'tftp');
  for (let m = 0; m < 3; m++) {
    const file = path.join(tftp, 'grub', m === 0 ? 'menu.lst' : `menu-${m}.lst`);
    write(file, grubLegacyMenu(m));
    menus.push(file);
  }
  for (let m = 0; m < 3; m++) {
    const file = path.join(m === 0 ? dom0 : path.join(dom0, `alt${m}`), 'boot', 'grub', 'grub.cfg');
    write(file, grub2Menu(m));
    menus.push(file);
  }
  for (let p = 0; p < 5; p++) {
    const i = 5000 + p;
    const file = path.join(tftp, 'pxelinux.cfg', `01-${macOf(i).replace(/:/g, '-')}`);
    write(file, pxelinuxConfig(i));
    menus.push(file);
  }
  return { root, dhcpdConf: dhcpd, exports: exportsPath, domains, kconfigs, menus, topology };
}

if (require.main === module) {
  const [dir, seed] = process.argv.slice(2);
  if (!dir) {
    process.stderr.write('usage: node out/bench/generate-site.js DIR [SEED]\n');
    process.exit(2);
  }
  const site = generateSite(dir, path.resolve(__dirname, '..', '..'), seed ? Number(seed) : undefined);
  process.stdout.write(`${site.root}\n`);
}
