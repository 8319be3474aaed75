import type { Span } from '../../core/text';
import type { KconfigAst, KconfigEntry } from './ast';
import type { KconfigComments } from './comments';
import { planSymbols } from './dependency-solver';
import type { KconfigEntries } from './entries';
import type { PlannedSetting, TriLookup, UnresolvedDependency } from './dependency-solver';
import type { Tri } from './expression';
import { KCONFIG_SYMBOLS } from './symbols';

/**
 * The facts of a kernel `.config` that rules in other formats use: each symbol's value with its line, the
 * kernel version from the header, and what an NFS root still needs (`nfsRootRequirements`), with the lines
 * that would give it a consistent group of settings.
 */

/** A symbol's state: a tristate letter, another value (number, string), or a value conf cannot read. */
export type KconfigState = 'y' | 'm' | 'n' | 'value' | 'invalid';

/** The value a `.config` gives one symbol: its last line wins (confdata.c: "override: reassigning"). */
export interface KconfigSymbolValue {
  readonly name: string;
  readonly state: KconfigState;
  /** The value as written (`y`, `"text"`, `0x10`); `n` for `# CONFIG_X is not set`. */
  readonly text: string;
  /** The line that decides the value. */
  readonly entry: KconfigEntry;
  /** Every line that sets the symbol, in order. */
  readonly occurrences: readonly KconfigEntry[];
}

/** The kernel version a `.config` names in its header. */
export interface KernelVersion {
  /** `6.1.192`, `2.6.20-xen`. */
  readonly version: string;
  /** The architecture of `# Linux/x86 … Kernel Configuration`, when given. */
  readonly arch?: string;
  readonly span: Span;
}

/**
 * The symbols of one `.config`, read from its compact entries: `get` builds a symbol's value when asked
 * (a rule, a hover, a fix needs a few of the ten thousand), `state` answers without building it.
 */
export class KconfigSymbols {
  constructor(private readonly entries: KconfigEntries) {}

  /** How many symbols the file sets. */
  get size(): number {
    return this.entries.symbolCount;
  }

  has(name: string): boolean {
    return this.entries.lastIndexOf(name) >= 0;
  }

  /** The value the file gives a symbol (a new object on each call), undefined when no line sets it. */
  get(name: string): KconfigSymbolValue | undefined {
    const indices = this.entries.indicesOf(name);
    if (indices.length === 0) return undefined;
    const occurrences = indices.map((i) => this.entries.at(i));
    const entry = occurrences[occurrences.length - 1];
    const { state, text } = stateOf(entry);
    return { name: entry.name, state, text, entry, occurrences };
  }

  /** A symbol's state, as `get(name)?.state` says it. */
  state(name: string): KconfigState | undefined {
    const last = this.entries.lastIndexOf(name);
    return last < 0 ? undefined : this.entries.state(last);
  }

  /** How many lines set a symbol. */
  occurrenceCount(name: string): number {
    return this.entries.countOf(name);
  }

  /** The symbols set on more than one line (conf keeps the last), in the order of their first line. */
  repeated(): IterableIterator<string> {
    return this.entries.repeatedNames();
  }

  /** The symbols, in the order of their first line. */
  keys(): IterableIterator<string> {
    return this.entries.symbolNames();
  }

  /**
   * Those of `names` (each once) that the file sets, in the order of their first line, as `keys()` would
   * list them: a rule about the few dozen symbols of a table asks this rather than walk ten thousand names.
   */
  setAmong(names: Iterable<string>): string[] {
    const found: { name: string; first: number }[] = [];
    for (const name of names) {
      const first = this.entries.indicesOf(name)[0];
      if (first !== undefined) found.push({ name, first });
    }
    return found.sort((a, b) => a.first - b.first).map((f) => f.name);
  }

  /** Every symbol's value, in the order of their first line (each built on the way). */
  *values(): IterableIterator<KconfigSymbolValue> {
    for (const name of this.keys()) {
      const v = this.get(name);
      if (v) yield v;
    }
  }
}

/** The facts of one `.config`. */
export interface KconfigModel {
  readonly symbols: KconfigSymbols;
  readonly version: KernelVersion | undefined;
  /**
   * Whether the file is a whole configuration written by the kernel's tools (it has their header): then a
   * symbol without a line is n (not visible). Otherwise (a fragment from a how-to, a `*.config` snippet) a
   * missing symbol is unknown.
   */
  readonly complete: boolean;
}

const HEADER_VERSION = [
  /^Linux\/(\S+) (\S+) Kernel Configuration$/, // conf since Linux 2.6.2x
  /^Linux kernel version: (\S+)$/, // older 2.6 headers
];

function headerVersion(comments: KconfigComments): KernelVersion | undefined {
  for (let i = 0; i < Math.min(8, comments.length); i++) {
    const c = comments.at(i);
    const m = HEADER_VERSION[0].exec(c.text);
    if (m) return { version: m[2], arch: m[1], span: c.span };
    const old = HEADER_VERSION[1].exec(c.text);
    if (old) return { version: old[1], span: c.span };
  }
  return undefined;
}

function stateOf(entry: KconfigEntry): { state: KconfigState; text: string } {
  if (entry.kind === 'not-set') return { state: 'n', text: 'n' };
  const v = entry.value;
  if (v.kind === 'tristate' && v.tristate) return { state: v.tristate, text: v.tristate };
  if (v.kind === 'number' || v.kind === 'hex' || v.kind === 'string')
    return { state: 'value', text: v.raw.trim() };
  return { state: 'invalid', text: v.raw };
}

/** Builds the facts of a parsed `.config`. */
export function buildKconfigModel(ast: KconfigAst): KconfigModel {
  const symbols = new KconfigSymbols(ast.entries);
  const version = headerVersion(ast.comments);
  return { symbols, version, complete: version !== undefined };
}

/** A symbol's tristate value: n 0, m 1, y 2; undefined when unknown (absent from a fragment, or not a tristate). */
export function tristateValue(model: KconfigModel, name: string): Tri | undefined {
  const state = model.symbols.state(name);
  if (!state) return model.complete ? 0 : undefined;
  if (state === 'y') return 2;
  if (state === 'm') return 1;
  if (state === 'n') return 0;
  return undefined;
}

/** The kernel version in a `config-<version>` file name (Debian's /boot/config-6.1.0-13-amd64). */
export function versionFromFileName(path: string): string | undefined {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return /^config-(\d+\.\d+\S*)$/.exec(base)?.[1];
}

/** The kernel image names that a `config-<version>` belongs to beside it in /boot. */
export function kernelImageNames(version: string): string[] {
  return [`vmlinuz-${version}`, `vmlinux-${version}`, `bzImage-${version}`];
}

// --- What an NFS root needs -------------------------------------------------------------------------

/** The `kernel/*` rule (shared RULES.md, "Across files") that a missing requirement maps to. */
export type NfsRootRuleId =
  | 'kernel/nfs-not-builtin'
  | 'kernel/ip-autoconfig-disabled'
  | 'kernel/root-nfs-disabled'
  | 'kernel/nfs-version-unavailable'
  | 'kernel/netfront-not-builtin';

/** A line to write: replace an existing line of the symbol, or insert a new one. */
export interface KconfigEdit {
  readonly span: Span;
  readonly newText: string;
}

/** One symbol a fix sets to y, with its current value. */
export interface KconfigSetting {
  readonly symbol: string;
  /** The line to write: `CONFIG_X=y`. */
  readonly line: string;
  readonly reason: string;
  readonly current: KconfigSymbolValue | undefined;
}

/** One thing an NFS root needs that this config lacks. */
export interface NfsRootProblem {
  readonly ruleId: NfsRootRuleId;
  /** The symbol that must be y. */
  readonly symbol: string;
  readonly current: KconfigSymbolValue | undefined;
  readonly message: string;
  /** The consistent group that fixes this problem alone: the symbol, its dependencies, its selects. */
  readonly settings: readonly KconfigSetting[];
  readonly edits: readonly KconfigEdit[];
}

/** What an NFS root needs from a config. */
export interface NfsRootRequirements {
  readonly problems: readonly NfsRootProblem[];
  /** The group that fixes every problem at once, and its edits (merged, sorted by position). */
  readonly settings: readonly KconfigSetting[];
  readonly edits: readonly KconfigEdit[];
  /** Dependencies outside the table that stand in the way: set them by hand. */
  readonly unresolved: readonly UnresolvedDependency[];
}

/** A config as the requirements read it: its text (for edits) and its facts (a `KconfigFile` is one). */
export interface KconfigConfig {
  readonly text: string;
  readonly model: KconfigModel;
}

/** How the kernel is booted. */
export interface NfsRootOptions {
  /** A Xen guest: its network is Xen's netfront. */
  readonly domU: boolean;
  /** The autoconfiguration protocol the command line asks for (`ip=dhcp` …); none for a static `ip=`. */
  readonly protocol?: 'dhcp' | 'bootp' | 'rarp';
  /** The NFS version `nfsroot=…,vers=` asks for: `2`, `3`, `4`, `4.0`, `4.1`, `4.2`. */
  readonly nfsVersion?: string;
}

const VERSION_SYMBOLS: Readonly<Record<string, string>> = {
  '2': 'NFS_V2',
  '3': 'NFS_V3',
  '4': 'NFS_V4',
  '4.0': 'NFS_V4',
  '4.1': 'NFS_V4_1',
  '4.2': 'NFS_V4_2',
};

/** How a symbol's current value reads in a message. */
export function describeValue(model: KconfigModel, name: string): string {
  const v = model.symbols.get(name);
  if (!v)
    return model.complete ? 'has no line (its dependencies are off, so it is n)' : 'is not in this file';
  if (v.state === 'n') return v.entry.kind === 'not-set' ? 'is not set (n)' : 'is n';
  if (v.state === 'm') return 'is m (a module)';
  return `is ${v.text}`;
}

interface Requirement {
  readonly ruleId: NfsRootRuleId;
  readonly symbol: string;
  readonly why: string;
}

function requirementsOf(model: KconfigModel, options: NfsRootOptions): Requirement[] {
  const builtIn = (name: string): boolean => tristateValue(model, name) === 2;
  const list: Requirement[] = [
    {
      ruleId: 'kernel/nfs-not-builtin',
      symbol: 'NFS_FS',
      why: 'a module is loaded only after the root is mounted, so it cannot mount the root',
    },
    {
      ruleId: 'kernel/ip-autoconfig-disabled',
      symbol: 'IP_PNP',
      why: 'without it the kernel ignores ip= and has no address when it mounts the root',
    },
  ];
  const protocol = options.protocol;
  // net/ipv4/ipconfig.c: BOOTP is compiled in with IP_PNP_BOOTP or IP_PNP_DHCP.
  if (protocol === 'dhcp' || (protocol === 'bootp' && !builtIn('IP_PNP_DHCP')) || protocol === 'rarp') {
    const symbol = `IP_PNP_${protocol.toUpperCase()}`;
    list.push({
      ruleId: 'kernel/ip-autoconfig-disabled',
      symbol,
      why: `without it the kernel cannot use ip=${protocol}`,
    });
  }
  list.push({
    ruleId: 'kernel/root-nfs-disabled',
    symbol: 'ROOT_NFS',
    why: 'without it the kernel does not mount its root over NFS (root=/dev/nfs)',
  });
  const asked = options.nfsVersion !== undefined ? VERSION_SYMBOLS[options.nfsVersion] : undefined;
  if (asked) {
    list.push({
      ruleId: 'kernel/nfs-version-unavailable',
      symbol: asked,
      why: `nfsroot= asks for vers=${options.nfsVersion}, and a module does not count`,
    });
  } else if (options.nfsVersion === undefined && !['NFS_V2', 'NFS_V3', 'NFS_V4'].some(builtIn)) {
    // fs/nfs/nfsroot.c: the default is v2, v3 or v4, whichever is built in first; NFSv3 is the usual choice.
    list.push({
      ruleId: 'kernel/nfs-version-unavailable',
      symbol: 'NFS_V3',
      why: 'no NFS version is built in, so the kernel cannot mount its root over NFS',
    });
  }
  if (options.domU) {
    list.push({
      ruleId: 'kernel/netfront-not-builtin',
      symbol: 'XEN_NETDEV_FRONTEND',
      why: 'the guest’s only network card is Xen’s netfront, and a module is loaded only after the root is mounted',
    });
  }
  return list.filter((r) => !builtIn(r.symbol));
}

function lookupOf(model: KconfigModel): TriLookup {
  return (name) => tristateValue(model, name);
}

function settingsOf(model: KconfigModel, planned: readonly PlannedSetting[]): KconfigSetting[] {
  return planned.map((p) => ({
    symbol: p.symbol,
    line: `CONFIG_${p.symbol}=y`,
    reason: p.reason,
    current: model.symbols.get(p.symbol),
  }));
}

/**
 * The edits that write a group of settings: an existing line (`# … is not set`, `=m`) is replaced; a
 * missing symbol is inserted after the nearest symbol before it in the table that the file has, else at
 * the end. Insertions at one place are merged into one edit, in table order.
 */
export function settingEdits(
  text: string,
  model: KconfigModel,
  settings: readonly KconfigSetting[],
): KconfigEdit[] {
  const edits: KconfigEdit[] = [];
  const inserts = new Map<number, string[]>();
  const order = KCONFIG_SYMBOLS.map((s) => s.name);
  const sorted = [...settings].sort((a, b) => order.indexOf(a.symbol) - order.indexOf(b.symbol));
  for (const s of sorted) {
    if (s.current) {
      edits.push({ span: s.current.entry.line, newText: s.line });
      continue;
    }
    const before = order.slice(0, Math.max(0, order.indexOf(s.symbol))).reverse();
    const anchor = before.map((n) => model.symbols.get(n)).find((v) => v !== undefined);
    const at = anchor ? anchor.entry.line.end : text.length;
    inserts.set(at, [...(inserts.get(at) ?? []), s.line]);
  }
  for (const [at, lines] of inserts) {
    const atEnd = at === text.length;
    const lead = atEnd && text.length > 0 && !text.endsWith('\n') ? '\n' : '';
    const newText = atEnd ? `${lead}${lines.join('\n')}\n` : `\n${lines.join('\n')}`;
    edits.push({ span: { start: at, end: at }, newText });
  }
  return edits.sort((a, b) => a.span.start - b.span.start);
}

/**
 * What this config lacks for a kernel that mounts its root over NFS itself (no initramfs): NFS_FS=y,
 * IP_PNP=y and the protocol the command line uses, ROOT_NFS=y, a built-in NFS version, and for a Xen guest
 * XEN_NETDEV_FRONTEND=y (DOMAIN.md, "Kernel config"). Each problem carries its own consistent group; the
 * result also carries the union, so one quick fix can set everything.
 */
export function nfsRootRequirements(config: KconfigConfig, options: NfsRootOptions): NfsRootRequirements {
  // A site has thousands of machines and a few kernels: the answer is kept per config and options.
  let memo = requirementMemo.get(config);
  if (!memo) requirementMemo.set(config, (memo = new Map()));
  const key = `${options.domU} ${options.protocol ?? ''} ${options.nfsVersion ?? ''}`;
  const known = memo.get(key);
  if (known) return known;
  const answer = computeRequirements(config, options);
  memo.set(key, answer);
  return answer;
}

const requirementMemo = new WeakMap<KconfigConfig, Map<string, NfsRootRequirements>>();

function computeRequirements(config: KconfigConfig, options: NfsRootOptions): NfsRootRequirements {
  const { text, model } = config;
  const lookup = lookupOf(model);
  const required = requirementsOf(model, options);
  const problems = required.map((r): NfsRootProblem => {
    const plan = planSymbols([{ symbol: r.symbol, reason: r.why }], lookup);
    const settings = settingsOf(model, plan.settings);
    return {
      ruleId: r.ruleId,
      symbol: r.symbol,
      current: model.symbols.get(r.symbol),
      message: `CONFIG_${r.symbol} ${describeValue(model, r.symbol)}; an NFS root needs y: ${r.why}`,
      settings,
      edits: settingEdits(text, model, settings),
    };
  });
  const all = planSymbols(
    required.map((r) => ({ symbol: r.symbol, reason: r.why })),
    lookup,
  );
  const settings = settingsOf(model, all.settings);
  return { problems, settings, edits: settingEdits(text, model, settings), unresolved: all.unresolved };
}
