import { prng } from '../../fuzz/prng';
import type { Rng } from '../../fuzz/prng';
/**
 * The corpus of the dhcpd differential test: dhcpd.conf files that ISC dhcpd 4.4.3 accepts (PXE/NFS-root
 * sites, seed how-to 001's example, generated large ones) and systematic mutations of each. Deterministic:
 * the only randomness is a seeded PRNG.
 */

/** The kinds of mutation applied to every valid config. */
export type DhcpMutationKind =
  | 'drop-semicolon'
  | 'drop-lbrace'
  | 'drop-rbrace'
  | 'drop-quote'
  | 'bad-octet'
  | 'short-address'
  | 'bad-mac'
  | 'long-mac'
  | 'misspell-keyword'
  | 'duplicate-host'
  | 'undeclared-option'
  | 'range-outside-subnet'
  | 'fixed-address-form'
  | 'stray-semicolon'
  | 'extra-rbrace'
  | 'bad-netmask'
  | 'host-bits-in-subnet'
  | 'bad-hardware-type'
  | 'unquoted-filename'
  | 'wrong-value-type'
  | 'misplaced-statement';

/** One file of the corpus. */
export interface DhcpCorpusCase {
  readonly name: string;
  readonly text: string;
  readonly origin: 'valid' | 'seed' | 'generated' | 'mutant';
  readonly mutation?: { readonly kind: DhcpMutationKind; readonly of: string; readonly detail: string };
}

/** A seeded PRNG (mulberry32, the fuzzer's): floats in [0, 1). */
export const createRng = prng;

const lines = (...l: string[]): string => `${l.join('\n')}\n`;

/** The dhcpd.conf of seed how-to 001 (the `[...]` elisions dropped), as the fixture the unit tests use too. */
export const SEED_001_DHCPD = lines(
  'option space PXE;',
  'option PXE.mtftp-ip               code 1 = ip-address;',
  'option PXE.mtftp-cport            code 2 = unsigned integer 16;',
  'option PXE.mtftp-sport            code 3 = unsigned integer 16;',
  'option PXE.mtftp-tmout            code 4 = unsigned integer 8;',
  'option PXE.mtftp-delay            code 5 = unsigned integer 8;',
  'option PXE.discovery-control      code 6 = unsigned integer 8;',
  'option PXE.discovery-mcast-addr   code 7 = ip-address;',
  '',
  'class "pxeclients"',
  '{',
  '        match if substring (option vendor-class-identifier, 0, 9) = "PXEClient";',
  '        option vendor-class-identifier "PXEClient";',
  '        vendor-option-space PXE;',
  '',
  '        option PXE.mtftp-ip 0.0.0.0;',
  '}',
  '',
  'option option-150 code 150 = text;',
  'option option-128 code 128 = string;',
  'option option-129 code 129 = text;',
  '',
  '## Terminals',
  '',
  'host post01 {',
  '    next-server          192.168.0.100;',
  '    hardware ethernet    00:11:2f:a8:b4:d4;',
  '    fixed-address        192.168.0.101;',
  '    filename             "pxegrub";',
  '    option option-150    "/grub/post01.conf";',
  '}',
);

const PXE_NFS_SITE = lines(
  '# PXE and NFS-root boot for Xen hosts and guests',
  'ddns-update-style none;',
  'authoritative;',
  'default-lease-time 600;',
  'max-lease-time 7200;',
  'log-facility local7;',
  'option domain-name "lab.example.org";',
  'option domain-name-servers 192.168.2.1, 192.168.2.2;',
  '',
  'subnet 192.168.2.0 netmask 255.255.255.0 {',
  '\trange 192.168.2.100 192.168.2.199;',
  '\toption routers 192.168.2.1;',
  '\toption broadcast-address 192.168.2.255;',
  '\tnext-server 192.168.2.1;',
  '\tfilename "pxelinux.0";',
  '}',
  '',
  'group {',
  '  next-server 192.168.2.1;',
  '  filename "pxelinux.0";',
  '  option root-path "192.168.2.1:/srv/nfsroot/default";',
  '  host dom0-a {',
  '    hardware ethernet 00:16:3e:00:00:01;',
  '    fixed-address 192.168.2.10;',
  '    option host-name "dom0-a";',
  '    option root-path "192.168.2.1:/srv/nfsroot/dom0-a";',
  '  }',
  '  host domu1 {',
  '    hardware ethernet 00:16:3e:00:00:02;',
  '    fixed-address 192.168.2.11;',
  '    option host-name "domu1";',
  '  }',
  '}',
);

const SHARED_NETWORK = lines(
  'shared-network campus {',
  '  option domain-name-servers 10.1.0.1;',
  '  subnet 10.1.0.0 netmask 255.255.0.0 {',
  '    option routers 10.1.0.1;',
  '    pool {',
  '      range 10.1.10.1 10.1.10.200;',
  '      allow unknown-clients;',
  '    }',
  '    pool {',
  '      range dynamic-bootp 10.1.20.1 10.1.20.50;',
  '      deny unknown-clients;',
  '    }',
  '  }',
  '  subnet 10.2.0.0 netmask 255.255.255.0 {',
  '    option routers 10.2.0.1;',
  '    range 10.2.0.10;',
  '  }',
  '}',
  'subnet 172.16.0.0 netmask 255.255.252.0 {',
  '  range 172.16.1.1 172.16.1.100;',
  '  host printer {',
  '    hardware ethernet 08:00:2b:4c:29:32;',
  '    fixed-address 172.16.0.20;',
  '  }',
  '}',
);

const CLASSES_AND_CONDITIONS = lines(
  'option space PXE;',
  'option PXE.mtftp-ip code 1 = ip-address;',
  'option arch code 93 = unsigned integer 16;',
  'option grub-menu code 150 = text;',
  'class "pxeclients" {',
  '  match if substring (option vendor-class-identifier, 0, 9) = "PXEClient";',
  '  next-server 10.0.0.5;',
  '  if option arch = 00:07 {',
  '    filename "efi/grubx64.efi";',
  '  } elsif option arch = 00:09 {',
  '    filename "efi/grubx64.efi";',
  '  } else {',
  '    filename "pxelinux.0";',
  '  }',
  '}',
  'class "fixed" {',
  '  match hardware;',
  '}',
  'subclass "fixed" 1:00:16:3e:aa:bb:cc;',
  'subnet 10.0.0.0 netmask 255.255.255.0 {',
  '  range 10.0.0.100 10.0.0.150;',
  '  on commit {',
  '    set clip = binary-to-ascii(10, 8, ".", leased-address);',
  '    log(info, concat("lease ", clip));',
  '  }',
  '}',
  'host thin1 {',
  '  hardware ethernet 00:16:3e:aa:bb:cc;',
  '  fixed-address thin1.example.org;',
  '  option grub-menu "/grub/thin1.conf";',
  '}',
);

const OPTION_DEFINITIONS = lines(
  'option space vendor-x code width 1 length width 1;',
  'option vendor-x.server code 1 = ip-address;',
  'option vendor-x.flags code 2 = { boolean, unsigned integer 8, text };',
  'option vendor-x.servers code 3 = array of ip-address;',
  'option vendor-x.routes code 4 = array of { ip-address, ip-address };',
  'option classless-routes code 121 = array of unsigned integer 8;',
  'option wpad code 252 = text;',
  'option ms-classless code 249 = string;',
  'option vendor-wrap code 43 = encapsulate vendor-x;',
  'option vendor-x.server 10.9.0.1;',
  'option vendor-x.flags true 3 "ok";',
  'option vendor-x.servers 10.9.0.1, 10.9.0.2;',
  'option wpad "http://wpad.example.org/wpad.dat";',
  'option ms-classless 18:0a:09:00:0a:09:00:01;',
  'option classless-routes 24, 10, 9, 0, 10, 9, 0, 1;',
  'option ntp-servers ntp1.example.org, 10.9.0.3;',
  'option domain-search "example.org", "lab.example.org";',
  'option dhcp-parameter-request-list 1, 3, 6, 15;',
  'option time-offset -3600;',
  'option ip-forwarding off;',
  'option interface-mtu 1500;',
  'subnet 10.9.0.0 netmask 255.255.255.0 {',
  '  range 10.9.0.50 10.9.0.60;',
  '  vendor-option-space vendor-x;',
  '}',
);

const KEYS_AND_FAILOVER = lines(
  'key ddns-key {',
  '  algorithm hmac-md5;',
  '  secret "c2VjcmV0LWtleS1mb3ItZGRucw==";',
  '}',
  'zone lab.example.org. {',
  '  primary 127.0.0.1;',
  '  key ddns-key;',
  '}',
  'failover peer "dhcp-failover" {',
  '  primary;',
  '  address 10.5.0.1;',
  '  port 647;',
  '  peer address 10.5.0.2;',
  '  peer port 647;',
  '  max-response-delay 60;',
  '  max-unacked-updates 10;',
  '  mclt 3600;',
  '  split 128;',
  '  load balance max seconds 3;',
  '}',
  'subnet 10.5.0.0 netmask 255.255.255.0 {',
  '  pool {',
  '    failover peer "dhcp-failover";',
  '    range 10.5.0.100 10.5.0.200;',
  '  }',
  '}',
);

const CRLF_AND_TABS = PXE_NFS_SITE.replace(/\n/g, '\r\n');

/** A generated site: `hosts` host blocks in `subnets` subnets, with groups and ranges. */
export function generatedSite(rng: Rng, subnets: number, hosts: number): string {
  const out: string[] = ['authoritative;', 'default-lease-time 3600;', 'next-server 10.200.0.1;'];
  for (let s = 0; s < subnets; s++) {
    out.push(
      `subnet 10.${100 + s}.0.0 netmask 255.255.255.0 {`,
      `  range 10.${100 + s}.0.200 10.${100 + s}.0.250;`,
    );
    out.push(`  option routers 10.${100 + s}.0.1;`, '}');
  }
  out.push('group {', '  filename "pxelinux.0";');
  for (let h = 0; h < hosts; h++) {
    const s = Math.floor(rng() * subnets);
    const mac = [0x00, 0x16, 0x3e, h >> 8, h & 255, Math.floor(rng() * 256)]
      .map((b) => b.toString(16).padStart(2, '0'))
      .join(':');
    out.push(
      `  host node${h} {`,
      `    hardware ethernet ${mac};`,
      `    fixed-address 10.${100 + s}.0.${(h % 190) + 2};`,
    );
    if (rng() < 0.3) out.push(`    option root-path "10.200.0.1:/srv/nfsroot/node${h}";`);
    out.push('  }');
  }
  out.push('}');
  return lines(...out);
}

/** The valid files of the corpus. */
export function validCases(): DhcpCorpusCase[] {
  const rng = createRng(20240501);
  return [
    { name: 'seed-001', text: SEED_001_DHCPD, origin: 'seed' },
    { name: 'pxe-nfs-site', text: PXE_NFS_SITE, origin: 'valid' },
    { name: 'shared-network', text: SHARED_NETWORK, origin: 'valid' },
    { name: 'classes-and-conditions', text: CLASSES_AND_CONDITIONS, origin: 'valid' },
    { name: 'option-definitions', text: OPTION_DEFINITIONS, origin: 'valid' },
    { name: 'keys-and-failover', text: KEYS_AND_FAILOVER, origin: 'valid' },
    { name: 'crlf-and-tabs', text: CRLF_AND_TABS, origin: 'valid' },
    { name: 'generated-small', text: generatedSite(rng, 3, 40), origin: 'generated' },
    { name: 'generated-large', text: generatedSite(rng, 20, 1500), origin: 'generated' },
  ];
}
