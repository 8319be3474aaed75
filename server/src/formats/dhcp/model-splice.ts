import type { DhcpConfAst, DhcpStatement } from './ast';
import { buildDhcpModel, ModelBuilder, readScopeValues } from './model';
import type { DhcpHost, DhcpModel, ScopedValue } from './model';
import { carryHostIndex } from './host-index';
import { spliceOf } from './reparse';

/**
 * The model of a reparsed dhcpd.conf from the model of its previous version: the hosts, subnets and ranges
 * of the statements the reparse kept are kept (their statements moved with the tree), those of the region
 * it read again are built anew, and the global scope's values are read again; the host index is carried
 * over (host-index.ts). `previous` is taken over.
 * Equal to `buildDhcpModel` (test/unit/formats/dhcp/reparse.test.ts).
 */
export function rebuildDhcpModel(ast: DhcpConfAst, previous: DhcpModel): DhcpModel {
  const splice = spliceOf(ast);
  if (!splice) return buildDhcpModel(ast);
  // The global scope is kept (every kept scope has it as its root) and its values read again: the region may
  // set or drop a global parameter. The previous model is taken over, like the tree.
  const values = previous.global.values as Map<string, ScopedValue>;
  values.clear();
  readScopeValues(ast.statements, values);
  const b = new ModelBuilder();
  b.children(splice.added, previous.global);
  const removed = new Set<DhcpStatement>();
  collect(splice.removed, removed);
  const keep = <T extends { readonly statement: DhcpStatement }>(
    old: readonly T[],
    added: T[],
    dropped: T[] = [],
  ): T[] => {
    const head: T[] = [];
    const tail: T[] = [];
    for (const e of old) {
      if (removed.has(e.statement)) dropped.push(e);
      else (e.statement.span.start < splice.start ? head : tail).push(e);
    }
    return [...head, ...added, ...tail];
  };
  const droppedHosts: DhcpHost[] = [];
  const model: DhcpModel = {
    global: previous.global,
    hosts: keep(previous.hosts, b.hosts, droppedHosts),
    subnets: keep(previous.subnets, b.subnets),
    ranges: keep(previous.ranges, b.ranges),
  };
  carryHostIndex(previous, model, droppedHosts, b.hosts);
  return model;
}

/** Every statement of `list` and of its bodies. */
function collect(list: readonly DhcpStatement[], into: Set<DhcpStatement>): void {
  for (const s of list) {
    into.add(s);
    if (s.body) collect(s.body, into);
  }
}
