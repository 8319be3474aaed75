import { netmaskPrefix } from '../../core/ipv4';
import { hostIndexOf } from './host-index';
import { ScopeValues, StatementValue } from './scope-values';
import type { ScopedValue } from './scope-values';
import type { AddressValue, DhcpConfAst, DhcpStatement, DhcpStatementKind, Word } from './ast';
import { macOf, optionNameOf } from './lazy-statement';

/**
 * The model other rules read from a dhcpd.conf: hosts, subnets, dynamic ranges, and the parameters in
 * force for a client. Scopes nest as dhcpd.conf(5) describes ("scope" of parameters): a host's own
 * statements, then its enclosing groups, then the subnet (and shared-network, pool) its address falls in,
 * then the global scope; within one scope the last statement wins.
 */

export type { ScopedValue } from './scope-values';

/** A scope: the global one or a declaration's body. */
export interface DhcpScope {
  readonly kind: DhcpStatementKind | 'global';
  readonly statement?: DhcpStatement;
  readonly parent?: DhcpScope;
  readonly values: ReadonlyMap<string, ScopedValue>;
}

/** A `host` declaration. */
export interface DhcpHost {
  readonly name: Word;
  readonly statement: DhcpStatement;
  readonly scope: DhcpScope;
  /** The normalised `hardware ethernet` address, and its statement. */
  readonly mac?: string;
  readonly hardware?: DhcpStatement;
  readonly fixedAddresses: readonly AddressValue[];
  readonly fixedAddress?: DhcpStatement;
}

/** A `subnet` declaration. */
export interface DhcpSubnet {
  readonly statement: DhcpStatement;
  readonly network: number;
  readonly mask: number;
  readonly prefix: number | undefined;
  readonly scope: DhcpScope;
  readonly ranges: readonly DhcpRange[];
}

/** A dynamic `range`, with the subnet it is declared in (through a pool or directly). */
export interface DhcpRange {
  readonly statement: DhcpStatement;
  readonly low: number;
  readonly high: number;
  readonly scope: DhcpScope;
  /** The subnet or shared-network the range belongs to. */
  readonly network: DhcpScope | undefined;
}

/** The model of one file. */
export interface DhcpModel {
  readonly global: DhcpScope;
  readonly hosts: readonly DhcpHost[];
  readonly subnets: readonly DhcpSubnet[];
  readonly ranges: readonly DhcpRange[];
}

/** The key under which a statement sets a value in its scope, if it sets one. */
export function valueKey(s: DhcpStatement): string | undefined {
  if (s.kind === 'parameter' && s.parameter) return s.parameter;
  if (s.kind !== 'option') return undefined;
  const option = optionNameOf(s);
  return option && optionKey(option.space, option.name);
}

/**
 * The keys of options, one string each: a 20,000-host file sets `option host-name` 20,000 times, and a key
 * made afresh each time was a string kept by every host's scope. Spaces and names come from the option
 * table (a handful of strings), so the cache stays small; a file declaring options adds its own.
 */
const OPTION_KEYS = new Map<string, Map<string, string>>();

function optionKey(space: string, name: string): string {
  let names = OPTION_KEYS.get(space);
  // Options written in a thousand spellings must not grow the cache without end: past its size, made afresh.
  if (!names && OPTION_KEYS.size < 256) OPTION_KEYS.set(space, (names = new Map()));
  let key = names?.get(name);
  if (key === undefined) {
    key = `option ${(space.toLowerCase() === 'dhcp' ? name : `${space}.${name}`).toLowerCase()}`;
    if (names && names.size < 4096) names.set(name, key);
  }
  return key;
}

/** The values a scope's own statements set, the last one of a key winning. */
export function readScopeValues(body: readonly DhcpStatement[], values: Map<string, ScopedValue>): void {
  for (let i = 0; i < body.length; i++) {
    const s = body[i];
    const key = valueKey(s);
    if (key) values.set(key, new StatementValue(key, s));
  }
}

/** The values a declaration's body sets (see `ScopeValues`). */
function bodyValues(body: readonly DhcpStatement[]): ScopeValues {
  const values = new ScopeValues();
  for (let i = 0; i < body.length; i++) {
    const s = body[i];
    const key = valueKey(s);
    if (key) values.put(key, s);
  }
  return values;
}

/** The ranges of a body without any (shared: never added to). */
const NO_RANGES: readonly DhcpRange[] = Object.freeze([]);

/** Builds a model's scopes, hosts, subnets and ranges in file order. */
export class ModelBuilder {
  readonly hosts: DhcpHost[] = [];
  readonly subnets: DhcpSubnet[] = [];
  readonly ranges: DhcpRange[] = [];

  scope(
    kind: DhcpScope['kind'],
    statement: DhcpStatement | undefined,
    parent: DhcpScope | undefined,
    body: readonly DhcpStatement[],
  ): DhcpScope {
    // The global scope's values are a `Map`: a reparse reads them again in place (model-splice.ts).
    let values: ReadonlyMap<string, ScopedValue>;
    if (kind === 'global') {
      const global = new Map<string, ScopedValue>();
      readScopeValues(body, global);
      values = global;
    } else values = bodyValues(body);
    const scope: DhcpScope = { kind, statement, parent, values };
    const ranges = this.children(body, scope);
    if (kind === 'subnet' && statement) this.subnet(statement, scope, ranges);
    return scope;
  }

  /** The declarations and ranges of `body` under `scope`; returns the ranges that belong to it. */
  children(body: readonly DhcpStatement[], scope: DhcpScope): readonly DhcpRange[] {
    // Made on the first range: most bodies (a host's) have none, and a 20,000-host file has 20,000 bodies.
    let ranges: DhcpRange[] | undefined;
    // Indexed loops here and above: the model is built once by a command-line check, in code V8 has not
    // optimised yet, where `for … of` made an iterator result per statement (about 4 MB for 20,000 hosts).
    for (let i = 0; i < body.length; i++) {
      const s = body[i];
      if (s.kind === 'range') (ranges ??= []).push(...this.range(s, scope));
      else if (s.body && s.kind !== 'if' && s.kind !== 'elsif' && s.kind !== 'else' && s.kind !== 'on') {
        const child = this.scope(s.kind, s, scope, s.body);
        if (s.kind === 'host') this.host(s, child);
        if (s.kind === 'pool') (ranges ??= []).push(...this.ranges.filter((r) => r.scope === child));
      }
    }
    return ranges ?? NO_RANGES;
  }

  private range(s: DhcpStatement, scope: DhcpScope): DhcpRange[] {
    const [low, high] = s.addresses ?? [];
    if (low?.value === undefined) return [];
    const h = high?.value ?? low.value;
    let network: DhcpScope | undefined = scope;
    while (network && network.kind !== 'subnet' && network.kind !== 'shared-network')
      network = network.parent;
    const r: DhcpRange = {
      statement: s,
      low: Math.min(low.value, h),
      high: Math.max(low.value, h),
      scope,
      network,
    };
    this.ranges.push(r);
    return [r];
  }

  private host(s: DhcpStatement, scope: DhcpScope): void {
    if (!s.name) return;
    const body = s.body ?? [];
    const hardware = body.find((c) => c.kind === 'hardware');
    const fixed = body.find((c) => c.kind === 'fixed-address');
    this.hosts.push({
      name: s.name,
      statement: s,
      scope,
      mac: hardware && macOf(hardware),
      hardware,
      fixedAddresses: fixed?.addresses ?? [],
      fixedAddress: fixed,
    });
  }

  private subnet(s: DhcpStatement, scope: DhcpScope, ranges: readonly DhcpRange[]): void {
    const [network, mask] = s.addresses ?? [];
    if (network?.value === undefined || mask?.value === undefined) return;
    this.subnets.push({
      statement: s,
      network: network.value,
      mask: mask.value,
      prefix: netmaskPrefix(mask.value),
      scope,
      ranges,
    });
  }
}

/** Builds the model of a parsed dhcpd.conf. */
export function buildDhcpModel(ast: DhcpConfAst): DhcpModel {
  const b = new ModelBuilder();
  const global = b.scope('global', undefined, undefined, ast.statements);
  return { global, hosts: b.hosts, subnets: b.subnets, ranges: b.ranges };
}

/** Whether a subnet covers an address. */
export function subnetContains(s: DhcpSubnet, address: number): boolean {
  return (address & s.mask) >>> 0 === s.network;
}

/** The host declarations for a MAC (normalised lower case with two digits per octet). */
export function hostsByMac(model: DhcpModel, mac: string): readonly DhcpHost[] {
  return hostIndexOf(model).byMac.get(mac.toLowerCase()) ?? [];
}

/** The host declarations whose fixed-address is `address`. */
export function hostsByAddress(model: DhcpModel, address: number): readonly DhcpHost[] {
  return hostIndexOf(model).byAddress.get(address) ?? [];
}

/**
 * The subnet declaration that covers an address (the most specific one; of equally specific ones, the first
 * declared). A loop, not filter and sort: it runs for every host of a 20,000-host file.
 */
export function subnetOf(model: DhcpModel, address: number): DhcpSubnet | undefined {
  let best: DhcpSubnet | undefined;
  for (let i = 0; i < model.subnets.length; i++) {
    const s = model.subnets[i];
    if (subnetContains(s, address) && (!best || (s.prefix ?? 0) > (best.prefix ?? 0))) best = s;
  }
  return best;
}

/** Whether a dynamic range holds an address. */
function rangeContains(r: DhcpRange, address: number): boolean {
  return address >= r.low && address <= r.high;
}

/** The dynamic ranges that contain an address. */
export function rangesContaining(model: DhcpModel, address: number): DhcpRange[] {
  return model.ranges.filter((r) => rangeContains(r, address));
}

/** The first dynamic range that contains an address (no list made: see `subnetOf`). */
export function firstRangeContaining(model: DhcpModel, address: number): DhcpRange | undefined {
  return model.ranges.find((r) => rangeContains(r, address));
}

function lookup(scope: DhcpScope | undefined, key: string): ScopedValue | undefined {
  for (let s = scope; s; s = s.parent) {
    const v = s.values.get(key);
    if (v) return v;
  }
  return undefined;
}

/**
 * The value of `key` in force for a client: from the host block (and its groups) if any, else from the
 * pool of the range its address falls in, its subnet, shared-network and the global scope.
 */
export function effectiveValue(
  model: DhcpModel,
  key: string,
  client: { host?: DhcpHost; address?: number },
): ScopedValue | undefined {
  const own = client.host ? lookupBelowGlobal(client.host.scope, key) : undefined;
  if (own) return own;
  const address = client.address ?? client.host?.fixedAddresses.find((a) => a.value !== undefined)?.value;
  if (address !== undefined) {
    const range = firstRangeContaining(model, address);
    const subnet = subnetOf(model, address);
    const fromNetwork = lookupBelowGlobal(range && !client.host ? range.scope : subnet?.scope, key);
    if (fromNetwork) return fromNetwork;
  }
  return lookup(model.global, key);
}

function lookupBelowGlobal(scope: DhcpScope | undefined, key: string): ScopedValue | undefined {
  for (let s = scope; s && s.kind !== 'global'; s = s.parent) {
    const v = s.values.get(key);
    if (v) return v;
  }
  return undefined;
}

/** What DHCP tells a booting client: the parameters a network boot depends on. */
export interface DhcpBootAnswer {
  readonly host: DhcpHost | undefined;
  readonly subnet: DhcpSubnet | undefined;
  readonly ranges: readonly DhcpRange[];
  readonly nextServer: ScopedValue | undefined;
  readonly filename: ScopedValue | undefined;
  readonly rootPath: ScopedValue | undefined;
  /** Any other value by key (`option option-150`, `option tftp-server-address`, …). */
  value(key: string): ScopedValue | undefined;
}

/** The boot answer for a client known by MAC and/or address. */
export function bootAnswer(model: DhcpModel, client: { mac?: string; address?: number }): DhcpBootAnswer {
  const host =
    (client.mac ? hostsByMac(model, client.mac)[0] : undefined) ??
    (client.address !== undefined ? hostsByAddress(model, client.address)[0] : undefined);
  const address = client.address ?? host?.fixedAddresses.find((a) => a.value !== undefined)?.value;
  const value = (key: string): ScopedValue | undefined =>
    effectiveValue(model, key.toLowerCase(), { host, address });
  return {
    host,
    subnet: address !== undefined ? subnetOf(model, address) : undefined,
    ranges: address !== undefined ? rangesContaining(model, address) : [],
    nextServer: value('next-server'),
    filename: value('filename'),
    rootPath: value('option root-path'),
    value,
  };
}
