import type { DhcpHost, DhcpModel } from './model';

/**
 * Hosts by one key (name, MAC or fixed address), each list in declaration order, and the keys that more
 * than one host holds. A site's file has tens of thousands of hosts and usually no shared key, so the
 * duplicate checks read `repeated()` and never walk the hosts (issue 6).
 */
export class HostGroups<K> {
  /** The host holding a key, or the hosts when more than one does (a list per key was 60,000 arrays). */
  private readonly lists = new Map<K, DhcpHost | DhcpHost[]>();
  private readonly shared = new Set<K>();

  /** The hosts holding `key`, in declaration order. */
  get(key: K): readonly DhcpHost[] | undefined {
    const hosts = this.lists.get(key);
    return hosts === undefined || Array.isArray(hosts) ? hosts : [hosts];
  }

  /** The keys held by two hosts or more. */
  repeated(): ReadonlySet<K> {
    return this.shared;
  }

  keys(): IterableIterator<K> {
    return this.lists.keys();
  }

  get size(): number {
    return this.lists.size;
  }

  /** Adds a host declared after every host added so far (a host listing a key twice is added once). */
  append(key: K, host: DhcpHost): void {
    const held = this.lists.get(key);
    if (!held) this.lists.set(key, host);
    else if (!Array.isArray(held)) {
      if (held === host) return;
      this.lists.set(key, [held, host]);
      this.shared.add(key);
    } else if (held[held.length - 1] !== host) {
      held.push(host);
      this.shared.add(key);
    }
  }

  /** Adds a host at its place among the others (by where its declaration starts). */
  insert(key: K, host: DhcpHost): void {
    const held = this.lists.get(key);
    if (!held) return void this.lists.set(key, host);
    const list = Array.isArray(held) ? held : [held];
    if (list.includes(host)) return;
    this.lists.set(key, list);
    const start = host.statement.span.start;
    let at = list.length;
    while (at > 0 && list[at - 1].statement.span.start > start) at--;
    list.splice(at, 0, host);
    this.shared.add(key);
  }

  remove(key: K, host: DhcpHost): void {
    const held = this.lists.get(key);
    if (held === host) {
      this.lists.delete(key);
      return;
    }
    const at = Array.isArray(held) ? held.indexOf(host) : -1;
    if (!Array.isArray(held) || at < 0) return;
    held.splice(at, 1);
    if (held.length === 0) this.lists.delete(key);
    else if (held.length === 1) this.lists.set(key, held[0]);
    if (held.length < 2) this.shared.delete(key);
  }
}

/** A model's hosts by name (lower case), by MAC and by fixed address. */
export interface HostIndex {
  readonly byName: HostGroups<string>;
  readonly byMac: HostGroups<string>;
  readonly byAddress: HostGroups<number>;
}

/** The name a host is known by: dhcpd compares host names without regard to case. */
function hostKey(host: DhcpHost): string {
  return host.name.text.toLowerCase();
}

type Place = <K>(groups: HostGroups<K>, key: K, host: DhcpHost) => void;

function place(index: HostIndex, host: DhcpHost, put: Place): void {
  put(index.byName, hostKey(host), host);
  if (host.mac) put(index.byMac, host.mac, host);
  for (const a of host.fixedAddresses) if (a.value !== undefined) put(index.byAddress, a.value, host);
}

const append: Place = (groups, key, host) => groups.append(key, host);
const insert: Place = (groups, key, host) => groups.insert(key, host);
const remove: Place = (groups, key, host) => groups.remove(key, host);

// A model does not change once built, so its index hangs off it (built on first use); a reparse carries it
// over to the next version's model (`carryHostIndex`).
const indexes = new WeakMap<DhcpModel, HostIndex>();

/** The host index of a model, built on first use. */
export function hostIndexOf(model: DhcpModel): HostIndex {
  const cached = indexes.get(model);
  if (cached) return cached;
  const index: HostIndex = { byName: new HostGroups(), byMac: new HostGroups(), byAddress: new HostGroups() };
  // Indexed: built once by a command-line check, in code not optimised yet (see model.ts `children`).
  for (let i = 0; i < model.hosts.length; i++) place(index, model.hosts[i], append);
  indexes.set(model, index);
  return index;
}

/**
 * Hands the index of `previous` (if it has one) to `next`, the model of the file's next version, updated
 * for the hosts the edit removed and added: the cost of an edit, not of the file. `previous` is taken over.
 */
export function carryHostIndex(
  previous: DhcpModel,
  next: DhcpModel,
  removed: readonly DhcpHost[],
  added: readonly DhcpHost[],
): void {
  const index = indexes.get(previous);
  if (!index) return;
  indexes.delete(previous);
  for (const h of removed) place(index, h, remove);
  for (const h of added) place(index, h, insert);
  indexes.set(next, index);
}
