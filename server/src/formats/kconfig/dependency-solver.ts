import { evaluateKconfigExpr, parseKconfigExpr } from './expression';
import type { KconfigExpr, Tri } from './expression';
import { KCONFIG_SYMBOL_MAP, symbolCondition } from './symbols';

/**
 * Plans the symbols to set to y so that a target symbol is y after `make olddefconfig`: the target, every
 * dependency its Kconfig condition needs (fs/nfs/Kconfig: ROOT_NFS `depends on NFS_FS=y && IP_PNP`), and the
 * table symbols its `select`s force up (NFS_FS selects SUNRPC and LOCKD), so that the file reads the way
 * conf will write it. Only symbols of the table (symbols.ts) are set; any other symbol that stands in the
 * way is reported as unresolved, to be set by hand (make menuconfig).
 */

/** A symbol the plan sets to y, and why. */
export interface PlannedSetting {
  readonly symbol: string;
  readonly reason: string;
}

/** A condition the plan cannot meet by itself. */
export interface UnresolvedDependency {
  readonly symbol: string;
  readonly reason: string;
}

/** The outcome of planning. */
export interface DependencyPlan {
  readonly settings: readonly PlannedSetting[];
  readonly unresolved: readonly UnresolvedDependency[];
}

/** How the planner reads the config: a symbol's value, undefined when unknown (a fragment). */
export type TriLookup = (name: string) => Tri | undefined;

const PARSED = new Map<string, KconfigExpr>();

/** A table expression, parsed once. */
export function tableExpr(text: string): KconfigExpr {
  let e = PARSED.get(text);
  if (!e) {
    e = parseKconfigExpr(text);
    PARSED.set(text, e);
  }
  return e;
}

/** Plans the settings that make every target y, in one consistent group. */
export function planSymbols(targets: readonly PlannedSetting[], lookup: TriLookup): DependencyPlan {
  const planned = new Map<string, string>();
  const settings: PlannedSetting[] = [];
  const unresolved: UnresolvedDependency[] = [];
  const current: TriLookup = (name) => (planned.has(name) ? 2 : lookup(name));
  const holds = (e: KconfigExpr): boolean => evaluateKconfigExpr(e, current).hi === 2;

  const ensure = (symbol: string, reason: string): void => {
    if (planned.has(symbol) || current(symbol) === 2) return;
    const spec = KCONFIG_SYMBOL_MAP.get(symbol);
    if (!spec || (spec.type !== 'bool' && spec.type !== 'tristate') || spec.gone) {
      if (!unresolved.some((u) => u.symbol === symbol)) unresolved.push({ symbol, reason });
      return;
    }
    planned.set(symbol, reason);
    settings.push({ symbol, reason });
    const condition = symbolCondition(spec);
    if (condition) satisfy(tableExpr(condition), `${symbol} depends on it`);
    for (const select of spec.selects ?? []) {
      const [target, guard] = select.split(/\s+if\s+/);
      if (!KCONFIG_SYMBOL_MAP.has(target)) continue; // conf computes selected helper symbols itself
      if (guard && !holds(tableExpr(guard))) continue;
      // A select only raises what the file says is lower; conf fills in what it does not mention.
      if (current(target) === undefined) continue;
      ensure(target, `${symbol} selects it`);
    }
  };

  const satisfy = (e: KconfigExpr, reason: string): void => {
    if (holds(e)) return;
    switch (e.kind) {
      case 'symbol':
        return ensure(e.name, reason);
      case 'compare':
        if (e.op === '=' && e.value === 'y') return ensure(e.name, reason);
        unresolved.push({ symbol: e.name, reason: `${reason} (needs ${e.name}${e.op}${e.value})` });
        return;
      case 'and':
        satisfy(e.left, reason);
        return satisfy(e.right, reason);
      case 'or':
        // The first alternative is the common one in the table's expressions (X86_64, PCI, …).
        return satisfy(e.left, reason);
      case 'not':
      case 'const':
        unresolved.push({ symbol: describe(e), reason });
        return;
    }
  };

  for (const t of targets) ensure(t.symbol, t.reason);
  return { settings, unresolved };
}

function describe(e: KconfigExpr): string {
  if (e.kind === 'not' && e.expr.kind === 'symbol') return `!${e.expr.name}`;
  return e.kind === 'const' ? ['n', 'm', 'y'][e.value] : 'expression';
}
