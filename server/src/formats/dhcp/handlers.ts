import type { DhcpStatement } from './ast';
import { addressOf, wordOf } from './head-reader';
import type { HeadReader } from './head-reader';
import { tokenSpan } from './lexer';
import { readExpression, readOptionStatement, renameFits } from './option-statement';
import { SERVER_PARAMETERS } from './options';
import { suggestFitting } from './suggest';
import { Atom, Comma, Equals, StringLiteral } from './tokens';
import { checkAddressToken, readValues } from './value-format';

/**
 * The statements and declarations of dhcpd.conf(5) other than `option`, one handler each: what follows the
 * keyword, how the statement ends, and where it may stand. Messages paraphrase dhcpd's own
 * (server/confpars.c, common/parse.c), whose verdicts were checked with `dhcpd -t` 4.4.3.
 */

/** What a handler returns: the statement's kind-specific fields. */
export type HandlerResult = Omit<DhcpStatement, 'span' | 'keyword' | 'words' | 'body' | 'bodySpan'>;

/** One keyword's handler. `ends`: a `{ … }` body, a `;`, or either. `contexts`: where it may stand. */
export interface StatementHandler {
  readonly ends: 'block' | 'semicolon' | 'either';
  /** The enclosing declarations it may stand in (`root` for the top level); undefined: anywhere. */
  readonly contexts?: readonly string[];
  /** dhcpd's complaint when it stands elsewhere. */
  readonly misplaced?: string;
  read(r: HeadReader): HandlerResult;
}

const NETWORK_CONTAINERS = ['root', 'shared-network', 'group'];

function readAddress(r: HeadReader): ReturnType<typeof addressOf> | undefined {
  const t = r.peek();
  const problem = checkAddressToken(t);
  if (problem || !t || !/^[0-9.]+$/.test(t.image)) {
    r.fail(
      t,
      problem?.message ?? `expected an IPv4 address but found '${t?.image}'`,
      problem?.kind ?? 'syntax',
    );
    return undefined;
  }
  r.next();
  return addressOf(t);
}

const subnet: StatementHandler = {
  ends: 'block',
  contexts: NETWORK_CONTAINERS,
  misplaced:
    'subnet declarations are not allowed here: only at the top level, in a shared-network or a group',
  read(r) {
    const network = readAddress(r);
    if (!network) return { kind: 'subnet' };
    if (!r.expectWord('netmask')) return { kind: 'subnet', addresses: [network] };
    const mask = readAddress(r);
    if (!mask) return { kind: 'subnet', addresses: [network] };
    if (
      network.value !== undefined &&
      mask.value !== undefined &&
      (network.value & mask.value) >>> 0 !== network.value
    ) {
      r.state.issues.push({
        span: { start: network.span.start, end: mask.span.end },
        message: `${network.text} is not a network number under netmask ${mask.text}: host bits are set (dhcpd: bad subnet number/mask combination)`,
        kind: 'invalid-address',
      });
    }
    return { kind: 'subnet', addresses: [network, mask] };
  },
};

function named(
  kind: 'shared-network' | 'class' | 'key' | 'zone',
  what: string,
  quotedOk: boolean,
): (r: HeadReader) => HandlerResult {
  return (r) => {
    const name = r.expectName(what, quotedOk);
    if (!name) return { kind };
    if (kind === 'class') r.state.classes.add(wordOf(name).text.toLowerCase());
    if (kind === 'key') r.state.keys.add(wordOf(name).text.toLowerCase());
    return { kind, name: wordOf(name) };
  };
}

const host: StatementHandler = {
  ends: 'block',
  contexts: ['root', 'shared-network', 'subnet', 'group', 'pool'],
  misplaced: 'host declarations are not allowed here (not inside a host or a class)',
  read(r) {
    const t = r.peek();
    if (t?.tokenType !== Atom) {
      r.fail(
        t,
        `expected a host name${t ? ` but found '${t.image}'` : ''}${t?.tokenType === StringLiteral ? ': dhcpd does not accept a quoted one' : ''}`,
      );
      return { kind: 'host' };
    }
    r.next();
    return { kind: 'host', name: wordOf(t) };
  },
};

const range: StatementHandler = {
  ends: 'semicolon',
  contexts: ['subnet', 'pool'],
  misplaced: 'range declarations are allowed only in a subnet or a pool',
  read(r) {
    const dynamicBootp = r.isWord('dynamic-bootp');
    if (dynamicBootp) r.next();
    const low = readAddress(r);
    if (!low) return { kind: 'range', dynamicBootp };
    const high = r.atEnd() ? undefined : readAddress(r);
    return { kind: 'range', dynamicBootp, addresses: high ? [low, high] : [low] };
  },
};

/** dhcpd's hardware types (common/parse.c `parse_hardware_param`). */
export const HARDWARE_TYPES = ['ethernet', 'token-ring', 'fddi', 'infiniband'];

/** A MAC written the way the model keeps it. */
export const CANONICAL_MAC = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/;

const hardware: StatementHandler = {
  ends: 'semicolon',
  contexts: ['host'],
  misplaced: 'a hardware address is allowed only in a host declaration',
  read(r) {
    const type = r.next();
    if (!type || !HARDWARE_TYPES.includes(type.image.toLowerCase())) {
      const guess = type ? suggestFitting(type.image, HARDWARE_TYPES, renameFits(r, type)) : undefined;
      r.fail(
        type,
        `expected a hardware type (${HARDWARE_TYPES.join(', ')})`,
        'syntax',
        guess && type ? { title: `Change to '${guess}'`, span: tokenSpan(type), newText: guess } : undefined,
      );
      return { kind: 'hardware', hardware: { type: type && wordOf(type), address: undefined } };
    }
    const address = r.peek();
    if (address?.tokenType !== Atom) {
      r.fail(address, 'expected a hardware address (hexadecimal octets separated by colons)');
      return { kind: 'hardware', hardware: { type: wordOf(type), address: undefined } };
    }
    r.next();
    // The common case, six two-digit octets in lower case, is already normal: no split and join.
    if (CANONICAL_MAC.test(address.image))
      return { kind: 'hardware', hardware: { type: r.wordAt(1), address: r.wordAt(2), mac: address.image } };
    const octets = address.image.split(':');
    const bad = octets.find((o) => !/^[0-9a-fA-F]{1,2}$/.test(o));
    if (bad !== undefined) {
      r.fail(
        address,
        `'${address.image}' is not a hardware address: '${bad}' is not one or two hexadecimal digits`,
        'invalid-mac',
      );
      return { kind: 'hardware', hardware: { type: wordOf(type), address: wordOf(address) } };
    }
    const mac = octets.map((o) => o.padStart(2, '0').toLowerCase()).join(':');
    return { kind: 'hardware', hardware: { type: wordOf(type), address: wordOf(address), mac } };
  },
};

const fixedAddress: StatementHandler = {
  ends: 'semicolon',
  contexts: ['host'],
  misplaced: 'fixed-address is allowed only in a host declaration',
  read(r) {
    const addresses = [];
    for (;;) {
      const t = r.peek();
      const problem = checkAddressToken(t);
      if (problem || !t) {
        r.fail(problem?.token ?? t, problem?.message ?? 'expected an address', problem?.kind);
        break;
      }
      r.next();
      addresses.push(addressOf(t));
      if (r.peek()?.tokenType !== Comma) break;
      r.next();
    }
    return { kind: 'fixed-address', addresses: addresses.slice() };
  },
};

/** `allow`/`deny`/`ignore` keywords (dhcpd.conf(5) "REFERENCE: ALLOW AND DENY"). */
const ACCESS_WORDS = [
  'unknown-clients',
  'known-clients',
  'bootp',
  'booting',
  'duplicates',
  'declines',
  'client-updates',
  'leasequery',
];
const POOL_ACCESS = [
  'known clients',
  'unknown clients',
  'all clients',
  'dynamic bootp clients',
  'authenticated clients',
  'unauthenticated clients',
];

const access: StatementHandler = {
  ends: 'semicolon',
  read(r) {
    if (r.isWord('members') && r.isWord('of', 1)) {
      r.pos += 2;
      const name = r.expectName('a class name', true);
      if (name && !r.state.classes.has(wordOf(name).text.toLowerCase()))
        r.fail(name, `no class named '${wordOf(name).text}' is declared before this (dhcpd: no such class)`);
      return { kind: 'other' };
    }
    if (r.isWord('after')) {
      r.pos = r.tokens.length;
      return { kind: 'other' };
    }
    const words = r
      .rest()
      .map((t) => t.image.toLowerCase())
      .join(' ');
    const two = r
      .rest()
      .slice(0, 3)
      .map((t) => t.image.toLowerCase());
    const phrase = POOL_ACCESS.find(
      (p) => words.startsWith(p) && (words.length === p.length || words[p.length] === ' '),
    );
    if (phrase) r.pos += phrase.split(' ').length;
    else if (two[0] && ACCESS_WORDS.includes(two[0])) r.next();
    else {
      const t = r.peek();
      const guess = t ? suggestFitting(t.image, ACCESS_WORDS, renameFits(r, t)) : undefined;
      r.fail(
        t,
        `expected what to ${r.keyword.image.toLowerCase()}: ${ACCESS_WORDS.join(', ')}, members of "class", …`,
        'syntax',
        guess && t ? { title: `Change to '${guess}'`, span: tokenSpan(t), newText: guess } : undefined,
      );
    }
    return { kind: 'other' };
  },
};

/** Server parameters (`next-server`, `filename`, `default-lease-time`, …): values by their format. */
export const parameter: StatementHandler = {
  ends: 'semicolon',
  read(r) {
    const name = r.keyword.image.toLowerCase();
    const spec = SERVER_PARAMETERS.get(name);
    if (r.peek()?.tokenType === Equals) {
      r.next();
      readExpression(r);
      return { kind: 'parameter', parameter: name, values: [] };
    }
    const start = r.pos;
    const read = readValues(spec?.format ?? 'X', r.tokens, r.state.enums, start);
    if (read.problem) r.fail(read.problem.token, read.problem.message, read.problem.kind);
    r.pos = start + read.consumed;
    return { kind: 'parameter', parameter: name, values: r.valuesFrom(start) };
  },
};

export { subnet, host, range, hardware, fixedAddress, access, named };
export { readOptionStatement };
