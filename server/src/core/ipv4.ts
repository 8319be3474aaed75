/** IPv4 addresses as unsigned 32-bit numbers, parsed strictly (four decimal octets, no leading junk). */

/**
 * Parses dotted-quad IPv4 text; undefined if it is not exactly four octets 0–255 of one to three ASCII
 * digits (what `/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/` takes). Read character by character: the
 * checks across files parse tens of thousands of addresses, and the expression's match and strings cost
 * 40 ms of a cold check (issue 6; test/unit/core/ipv4-mac.test.ts compares the two).
 */
export function parseIpv4(text: string): number | undefined {
  return readDottedQuad(text, true);
}

/**
 * Four octets of one to three ASCII digits, each at most 255, separated by dots, read by character codes;
 * with `leadingZeros` false an octet may not start with 0 unless it is 0 (as inet_pton(3) reads them).
 */
export function readDottedQuad(text: string, leadingZeros: boolean): number | undefined {
  let n = 0;
  let at = 0;
  for (let octet = 0; octet < 4; octet++) {
    if (octet > 0 && text.charCodeAt(at++) !== 0x2e) return undefined;
    const start = at;
    let value = 0;
    for (let c = text.charCodeAt(at); c >= 0x30 && c <= 0x39 && at - start < 3; c = text.charCodeAt(++at))
      value = value * 10 + (c - 0x30);
    const digits = at - start;
    if (digits === 0 || value > 255) return undefined;
    if (!leadingZeros && digits > 1 && text.charCodeAt(start) === 0x30) return undefined;
    n = n * 256 + value;
  }
  return at === text.length ? n : undefined;
}

/** Whether the text looks like an attempt at a dotted-quad address (digits and dots only). */
export function looksLikeIpv4(text: string): boolean {
  return /^[\d.]+$/.test(text) && text.includes('.');
}

/** Formats a 32-bit number as dotted-quad text. */
export function formatIpv4(n: number): string {
  return [24, 16, 8, 0].map((s) => (Math.floor(n / 2 ** s) & 255).toString()).join('.');
}

/** The prefix length of a contiguous netmask (255.255.255.0 → 24); undefined if it has holes. */
export function netmaskPrefix(mask: number): number | undefined {
  for (let len = 0; len <= 32; len++) {
    if (prefixMask(len) === mask) return len;
  }
  return undefined;
}

/** The netmask of a prefix length (24 → 0xffffff00), as an unsigned number. */
export function prefixMask(len: number): number {
  if (len <= 0) return 0;
  if (len >= 32) return 0xffffffff;
  return (0xffffffff - (2 ** (32 - len) - 1)) >>> 0;
}

/** Whether two addresses share the network of `mask`. */
export function sameSubnet(a: number, b: number, mask: number): boolean {
  return (a & mask) >>> 0 === (b & mask) >>> 0;
}

/** An IPv4 network: base address and prefix length. */
export interface Ipv4Network {
  readonly base: number;
  readonly prefix: number;
}

/** Whether `addr` lies inside `net`. */
export function networkContains(net: Ipv4Network, addr: number): boolean {
  return sameSubnet(net.base, addr, prefixMask(net.prefix));
}
