import { looksLikeIpv4, netmaskPrefix, parseIpv4 } from '../../core/ipv4';

/**
 * The kernel's `ip=` parameter (net/ipv4/ipconfig.c `ip_auto_config_setup`, Documentation/admin-guide/nfs/nfsroot.rst):
 * `ip=<client-ip>:<server-ip>:<gw-ip>:<netmask>:<hostname>:<device>:<autoconf>:<dns0-ip>:<dns1-ip>:<ntp0-ip>`,
 * or one autoconf word alone (`ip=dhcp`). Empty fields are skipped by the kernel and keep their defaults.
 */

/** Autoconfiguration protocols the kernel knows; `off`/`none` mean static configuration. */
export const AUTOCONF_WORDS = ['off', 'none', 'on', 'any', 'dhcp', 'bootp', 'rarp', 'both'] as const;

/** The field names of `ip=`, in order. */
export const IP_FIELD_NAMES = [
  'client-ip',
  'server-ip',
  'gw-ip',
  'netmask',
  'hostname',
  'device',
  'autoconf',
  'dns0-ip',
  'dns1-ip',
  'ntp0-ip',
] as const;

/** One field of `ip=`, with offsets relative to the value's start. */
export interface IpField {
  readonly index: number;
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** A problem in one field, with offsets relative to the value's start. */
export interface IpFieldProblem {
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

/** What the kernel makes of an `ip=` value. */
export interface IpConfig {
  readonly fields: readonly IpField[];
  /** Set when the kernel disables IP autoconfiguration entirely (`ip=off`, or no address and autoconf off). */
  readonly disabled: boolean;
  readonly client?: string;
  readonly server?: string;
  readonly gateway?: string;
  readonly netmask?: string;
  readonly hostname?: string;
  readonly device?: string;
  /** The autoconf word as written, lower case; undefined when absent. */
  readonly autoconf?: string;
  /** Whether the kernel will run DHCP/BOOTP/RARP: an autoconf protocol is named, or no client address is given. */
  readonly usesAutoconf: boolean;
  readonly problems: readonly IpFieldProblem[];
}

const ADDRESS_FIELDS = new Set([0, 1, 2, 3, 7, 8, 9]);

/** Parses an `ip=` value; never throws. */
export function parseIpParam(value: string): IpConfig {
  const word = value.toLowerCase();
  if ((AUTOCONF_WORDS as readonly string[]).includes(word)) {
    const off = word === 'off' || word === 'none';
    const fields = [{ index: 6, text: value, start: 0, end: value.length }];
    return { fields, disabled: off, autoconf: word, usesAutoconf: !off, problems: [] };
  }
  const fields: IpField[] = [];
  let start = 0;
  value.split(':').forEach((text, index) => {
    fields.push({ index, text, start, end: start + text.length });
    start += text.length + 1;
  });
  const problems = fields.flatMap(fieldProblems);
  if (fields.length > IP_FIELD_NAMES.length) {
    const extra = fields[IP_FIELD_NAMES.length];
    problems.push({
      start: extra.start - 1,
      end: value.length,
      message: 'ip= has at most 10 colon-separated fields',
    });
  }
  const get = (i: number): string | undefined => (fields[i]?.text ? fields[i].text : undefined);
  const autoconf = get(6)?.toLowerCase();
  const staticOnly = autoconf === 'off' || autoconf === 'none';
  const client = get(0);
  return {
    fields,
    disabled: staticOnly && client === undefined,
    client,
    server: get(1),
    gateway: get(2),
    netmask: get(3),
    hostname: get(4),
    device: get(5),
    autoconf,
    usesAutoconf: !staticOnly && (autoconf !== undefined || client === undefined),
    problems,
  };
}

function fieldProblems(f: IpField): IpFieldProblem[] {
  if (f.text === '' || f.index >= IP_FIELD_NAMES.length) return [];
  const name = IP_FIELD_NAMES[f.index];
  const at = (message: string): IpFieldProblem[] => [{ start: f.start, end: f.end, message }];
  if (f.index === 6 && !(AUTOCONF_WORDS as readonly string[]).includes(f.text.toLowerCase())) {
    return at(`'${f.text}' is not an autoconf method: use one of ${AUTOCONF_WORDS.join(', ')}`);
  }
  if (!ADDRESS_FIELDS.has(f.index)) return [];
  const addr = parseIpv4(f.text);
  if (addr === undefined) {
    const what = looksLikeIpv4(f.text) ? 'not a valid IPv4 address' : 'not an IPv4 address';
    return at(`${name} '${f.text}' is ${what}`);
  }
  if (f.index === 3 && netmaskPrefix(addr) === undefined) {
    return at(`netmask '${f.text}' is not contiguous (its one-bits must come first)`);
  }
  return [];
}
