/** Ethernet MAC addresses: six colon-separated hexadecimal octets. */

/** Xen's own organisationally unique identifier: guests get MACs in 00:16:3e:xx:xx:xx (xl-network-configuration(5)). */
export const XEN_OUI = '00:16:3e';

/** Normalises a well-formed MAC to lower case with two digits per octet; undefined if malformed. */
export function normaliseMac(text: string): string | undefined {
  if (isNormalMac(text)) return text;
  const parts = text.split(':');
  if (parts.length !== 6) return undefined;
  if (!parts.every((p) => /^[0-9a-fA-F]{1,2}$/.test(p))) return undefined;
  return parts.map((p) => p.padStart(2, '0').toLowerCase()).join(':');
}

/** Whether a MAC is already normalised (most are): no split, regular expressions or join per vif (issue 6). */
export function isNormalMac(text: string): boolean {
  if (text.length !== 17) return false;
  for (let i = 0; i < 17; i++) {
    const c = text.charCodeAt(i);
    if (i % 3 === 2 ? c !== 0x3a : !((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66))) return false;
  }
  return true;
}

/**
 * What xl makes of a vif `mac=` value: it reads octet after octet and keeps those it could parse,
 * zero-filling the rest (xl-network-configuration(5); seen with Xen 4.17's xl: `00:11:22:33:44:zz` becomes
 * `00:11:22:33:44:00`, a bad first octet gives no MAC). Returns the octets kept and the index of the first bad one.
 */
export function xlMacPrefix(text: string): { kept: string[]; firstBad: number | undefined } {
  const parts = text.split(':');
  if (isNormalMac(text)) return { kept: parts, firstBad: undefined };
  const kept: string[] = [];
  for (let i = 0; i < 6; i++) {
    const p = parts[i];
    if (p === undefined || !/^[0-9a-fA-F]{1,2}$/.test(p)) return { kept, firstBad: i };
    kept.push(p.padStart(2, '0').toLowerCase());
  }
  return { kept, firstBad: parts.length > 6 ? 6 : undefined };
}

/** Whether a normalised MAC has the multicast bit set (no NIC may use it). */
export function isMulticastMac(mac: string): boolean {
  return (parseInt(mac.slice(0, 2), 16) & 1) === 1;
}
