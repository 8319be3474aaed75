import { formatIpv4 } from '../../core/ipv4';

/**
 * What a file name under `pxelinux.cfg/` says about the machine that reads it (syslinux doc/pxelinux.txt):
 * PXELINUX asks the TFTP server, in order, for the client UUID, `01-` and the MAC address in lower-case hex
 * with dashes (01 is the ARP type of Ethernet), the client IPv4 address in upper-case hex with one digit
 * dropped at a time (`C0A80201`, `C0A8020`, … `C`), and finally `default`.
 */

/** The machine (or machines) a pxelinux.cfg file name stands for. */
export type PxelinuxMachine =
  | { readonly kind: 'default' }
  | { readonly kind: 'mac'; readonly mac: string }
  | {
      readonly kind: 'ip';
      readonly hex: string;
      readonly first: string;
      readonly last: string;
      readonly prefix: number;
    }
  | { readonly kind: 'uuid'; readonly uuid: string }
  | { readonly kind: 'bad-mac'; readonly reason: string }
  | { readonly kind: 'other' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function macName(base: string): PxelinuxMachine {
  const octets = base.slice(3).split('-');
  if (octets.length !== 6 || !octets.every((o) => /^[0-9a-fA-F]{2}$/.test(o))) {
    return {
      kind: 'bad-mac',
      reason: 'after `01-` PXELINUX expects six two-digit hexadecimal octets separated by dashes',
    };
  }
  if (/[A-F]/.test(base)) {
    return {
      kind: 'bad-mac',
      reason:
        'PXELINUX asks for the MAC in lower case, so on a case-sensitive TFTP server this name never matches',
    };
  }
  return { kind: 'mac', mac: octets.join(':') };
}

/**
 * Whether a name is `01-` and a MAC in lower-case hex with dashes, by character codes: what most files under
 * pxelinux.cfg/ are named, and what `macName` accepts (issue 6).
 */
function isMacName(name: string): boolean {
  if (name.length !== 20 || !name.startsWith('01-')) return false;
  for (let i = 3; i < 20; i++) {
    const c = name.charCodeAt(i);
    if (i % 3 === 2 ? c !== 0x2d : !((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66))) return false;
  }
  return true;
}

/** What a pxelinux.cfg file name (its base name) says about the machine it is for. */
export function machineOfPxelinuxName(basename: string): PxelinuxMachine {
  if (isMacName(basename)) {
    // Its six octets, each after a `-` (slices: `replaceAll` cost a tenth of reading a small file).
    const o = (i: number): string => basename.slice(i, i + 2);
    return { kind: 'mac', mac: `${o(3)}:${o(6)}:${o(9)}:${o(12)}:${o(15)}:${o(18)}` };
  }
  return machineByPatterns(basename);
}

/** The same, by the patterns alone (the reference `isMacName` is tested against). */
export function machineByPatterns(basename: string): PxelinuxMachine {
  if (basename === 'default') return { kind: 'default' };
  if (UUID.test(basename)) return { kind: 'uuid', uuid: basename };
  if (/^01-/.test(basename) || /^([0-9a-fA-F]{2}[-:]){5}[0-9a-fA-F]{2}$/.test(basename)) {
    return /^01-/.test(basename)
      ? macName(basename)
      : {
          kind: 'bad-mac',
          reason: 'a MAC address file name needs the `01-` prefix (the ARP type of Ethernet) and dashes',
        };
  }
  if (/^[0-9A-F]{1,8}$/.test(basename)) {
    const bits = basename.length * 4;
    const base = parseInt(basename.padEnd(8, '0'), 16);
    const last = base + 2 ** (32 - bits) - 1;
    return { kind: 'ip', hex: basename, first: formatIpv4(base), last: formatIpv4(last), prefix: bits };
  }
  return { kind: 'other' };
}

/** A sentence that says which machine(s) read the file. */
export function describeMachine(m: PxelinuxMachine): string {
  switch (m.kind) {
    case 'default':
      return 'every machine that has no file of its own (PXELINUX tries `default` last)';
    case 'mac':
      return `the machine with MAC address ${m.mac}`;
    case 'ip':
      return m.prefix === 32
        ? `the machine with IP address ${m.first}`
        : `machines with IP addresses ${m.first} to ${m.last} (${m.first}/${m.prefix}) that have no more specific file`;
    case 'uuid':
      return `the machine with system UUID ${m.uuid}`;
    case 'bad-mac':
      return `no machine: ${m.reason}`;
    case 'other':
      return 'no machine by name: PXELINUX asks only for UUIDs, `01-<mac>`, hexadecimal IP prefixes and `default` (a file read through CONFIG or INCLUDE)';
  }
}
