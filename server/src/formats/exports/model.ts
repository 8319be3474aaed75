import type { ExportClient, ExportEntry, ExportOption, ExportsAst } from './ast';
import { clientAdmits, parseClient, parseStrictIpv4, precedenceClass } from './clients';
import type { ClientSpec } from './clients';
import { DEFAULT_FLAGS, EXPORT_OPTION_MAP, optionValueProblem } from './options';

/**
 * The export table as the NFS server applies it: for an NFS path and a client's IPv4 address, which export
 * serves it and with which options. Sources: exports(5) ("Machine Name Formats": the first match by kind
 * wins, then the first in line order), mountd's lookup of the longest exported prefix that admits the
 * client (nfs-utils utils/mountd/auth.c), and exportfs's defaults `sync,ro,root_squash,wdelay`
 * (support/nfs/exports.c `EXPORT_DEFAULT_FLAGS`).
 */

/** The options in force for one client of one export, after defaults, `-` lists and its own list. */
export interface EffectiveOptions {
  /** Setting → state of every flag setting (`access` → `rw`, `root-squash` → `off`, …). */
  readonly settings: ReadonlyMap<string, string>;
  /** Valued options → value, the last one written winning (`fsid` → `0`). */
  readonly values: ReadonlyMap<string, string>;
  readonly readOnly: boolean;
  readonly rootSquash: boolean;
  readonly sync: boolean;
  /** `fsid=0` or `fsid=root`: the NFSv4 pseudo-root. */
  readonly fsidRoot: boolean;
  /** The flags in force as option names, for display (`rw,sync,no_root_squash,…`). */
  readonly text: string;
}

/** One option as exportfs applies it: known, and with a value it accepts. */
export function isApplicable(o: ExportOption): boolean {
  const spec = EXPORT_OPTION_MAP.get(o.name);
  if (!spec) return false;
  if (spec.form === 'flag') return o.value === undefined;
  if (o.value === undefined) return spec.form === 'optional-value';
  return optionValueProblem(spec, o.value) === undefined;
}

/** Applies exportfs's defaults, then the client's `-` default lists, then its own options, in order. */
export function effectiveOptions(
  client: ExportClient | undefined,
  lineDefaults: readonly ExportOption[] = [],
): EffectiveOptions {
  const written = client
    ? [...client.defaults.flatMap((d) => d.options), ...(client.options?.options ?? [])]
    : lineDefaults;
  // exportfs's defaults alone are the same for every such client: computed once (a file of half a million
  // lines without options asked for them half a million times per check).
  if (written.length === 0 && defaultsOnly) return defaultsOnly;
  const settings = new Map<string, string>();
  const values = new Map<string, string>([
    ['anonuid', '65534'],
    ['anongid', '65534'],
    ['sec', 'sys'],
  ]);
  for (const name of DEFAULT_FLAGS) apply(name, undefined, settings, values);
  for (const o of written) if (isApplicable(o)) apply(o.name, o.value, settings, values);
  const result = summarise(settings, values);
  if (written.length === 0) defaultsOnly = result;
  return result;
}

let defaultsOnly: EffectiveOptions | undefined;

function summarise(settings: Map<string, string>, values: Map<string, string>): EffectiveOptions {
  const fsid = values.get('fsid');
  const text = [...settings.entries()]
    .map(([setting, state]) => flagName(setting, state))
    .filter((n): n is string => n !== undefined)
    .concat([...values.entries()].map(([k, v]) => (v === '' ? k : `${k}=${v}`)))
    .join(',');
  return {
    settings,
    values,
    readOnly: settings.get('access') !== 'rw',
    rootSquash: settings.get('root-squash') !== 'off',
    sync: settings.get('writes') !== 'async',
    fsidRoot: fsid === 'root' || (fsid !== undefined && /^0+$|^0[xX]0+$/.test(fsid)),
    text,
  };
}

function apply(
  name: string,
  value: string | undefined,
  settings: Map<string, string>,
  values: Map<string, string>,
): void {
  const spec = EXPORT_OPTION_MAP.get(name);
  if (!spec) return;
  const canonical = spec.aliasOf ?? spec.name;
  if (spec.setting && spec.state) settings.set(spec.setting, spec.state);
  else values.set(canonical, value ?? '');
}

function flagName(setting: string, state: string): string | undefined {
  return (FLAG_NAMES ??= flagNames()).get(setting)?.get(state);
}

/**
 * Setting → state → the flag that sets it (the first such option, aliases left out), built once: scanning the
 * option table per flag made an entry array per option, some 20 MB of garbage for a 2,000-line exports file,
 * part of which outlived the young generation (issue 6).
 */
let FLAG_NAMES: Map<string, Map<string, string>> | undefined;

function flagNames(): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const [name, spec] of EXPORT_OPTION_MAP) {
    if (spec.aliasOf || spec.setting === undefined || spec.state === undefined) continue;
    let states = out.get(spec.setting);
    if (!states) out.set(spec.setting, (states = new Map()));
    if (!states.has(spec.state)) states.set(spec.state, name);
  }
  return out;
}

/** Normalises an NFS path as exportfs's realpath would for plain directories: no `//`, `.`, or trailing `/`. */
export function normaliseNfsPath(path: string): string {
  const parts = path.split('/').filter((p) => p !== '' && p !== '.');
  return `/${parts.join('/')}`;
}

/** The parents of a path, nearest first, ending with `/`: `/a/b` → `/a/b`, `/a`, `/`. */
function selfAndParents(path: string): string[] {
  const out = [path];
  let p = path;
  while (p !== '/') {
    p = p.slice(0, p.lastIndexOf('/')) || '/';
    out.push(p);
  }
  return out;
}

/** An exports file for the model: its URI and parsed tree. */
export interface ExportsSource {
  readonly uri: string;
  readonly ast: ExportsAst;
}

/** The export that serves a client: the file, the line, the client entry (undefined: no client written, so everyone). */
export interface ExportMatch {
  readonly uri: string;
  readonly entry: ExportEntry;
  readonly client: ExportClient | undefined;
  readonly options: EffectiveOptions;
  /** Whether the export is the requested path itself rather than a parent of it. */
  readonly exact: boolean;
}

/** The answer for one path and address. */
export interface ExportLookup {
  /** The export that admits the client: the path itself or its nearest exported parent that does. */
  readonly served: ExportMatch | undefined;
  /** The export lines of the nearest exported path, whether or not they admit the client. */
  readonly nearest: readonly { readonly uri: string; readonly entry: ExportEntry }[];
}

interface Candidate {
  readonly uri: string;
  readonly entry: ExportEntry;
  readonly client: ExportClient | undefined;
  readonly spec: ClientSpec;
}

/** The export table of one NFS server, built from its exports files (`/etc/exports`, `/etc/exports.d/*`). */
export class ExportTable {
  private readonly byPath = new Map<string, Candidate[]>();
  private readonly entriesByPath = new Map<string, { uri: string; entry: ExportEntry }[]>();
  private withFsid: string[] | undefined;

  constructor(sources: readonly ExportsSource[]) {
    for (const source of sources) {
      for (const entry of source.ast.entries) {
        if (!entry.path.value.startsWith('/')) continue; // exportfs cannot stat a relative path
        const key = normaliseNfsPath(entry.path.value);
        const list = this.entriesByPath.get(key) ?? [];
        list.push({ uri: source.uri, entry });
        this.entriesByPath.set(key, list);
        const candidates = this.byPath.get(key) ?? [];
        if (entry.clients.length === 0) {
          candidates.push({ uri: source.uri, entry, client: undefined, spec: parseClient('') });
        }
        for (const client of entry.clients)
          candidates.push({ uri: source.uri, entry, client, spec: client.spec });
        this.byPath.set(key, candidates);
      }
    }
  }

  /** Every exported path (normalised). */
  paths(): string[] {
    return [...this.entriesByPath.keys()];
  }

  /** The exported paths with an `fsid=` option on some line (where an NFSv4 pseudo-root can be). */
  fsidPaths(): string[] {
    this.withFsid ??= this.paths().filter((p) =>
      (this.entriesByPath.get(p) ?? []).some(({ entry }) =>
        [...entry.defaults, ...entry.clients.flatMap((c) => (c.options ? [c.options] : []))].some((l) =>
          l.options.some((o) => o.name === 'fsid'),
        ),
      ),
    );
    return this.withFsid;
  }

  /**
   * Which export serves `path` to the client at `ip` (IPv4 text or number). Host names and wildcards
   * match through `hostAddresses` (name → addresses), which the caller builds from the site.
   */
  lookup(
    path: string,
    ip: string | number,
    hostAddresses: ReadonlyMap<string, readonly string[]> = new Map(),
  ): ExportLookup {
    const address = typeof ip === 'number' ? ip : parseStrictIpv4(ip);
    const wanted = normaliseNfsPath(path);
    let nearest: { uri: string; entry: ExportEntry }[] = [];
    for (const level of selfAndParents(wanted)) {
      const candidates = this.byPath.get(level);
      if (!candidates) continue;
      if (nearest.length === 0) nearest = this.entriesByPath.get(level) ?? [];
      if (address === undefined) continue;
      const best = pickClient(candidates, address, hostAddresses);
      if (best) return { served: { ...best, options: optionsOf(best), exact: level === wanted }, nearest };
    }
    return { served: undefined, nearest };
  }
}

/**
 * A client's effective options never change while its file's tree lives: computed once, keyed by the tree's
 * client (or, with no client written, its line), so that they outlive the export table, which is built
 * again whenever another file of the site changes (a site asks for thousands of machines).
 */
const clientOptions = new WeakMap<ExportClient | ExportEntry, EffectiveOptions>();

function optionsOf(c: Candidate): EffectiveOptions {
  const key = c.client ?? c.entry;
  let options = clientOptions.get(key);
  if (!options) {
    options = effectiveOptions(
      c.client,
      c.entry.defaults.flatMap((d) => d.options),
    );
    clientOptions.set(key, options);
  }
  return options;
}

/** The client exportfs/mountd picks: the first kind in exports(5) order, then the first written. */
function pickClient(
  candidates: readonly Candidate[],
  ip: number,
  hostAddresses: ReadonlyMap<string, readonly string[]>,
): Candidate | undefined {
  let best: Candidate | undefined;
  for (const c of candidates) {
    if (!clientAdmits(c.spec, ip, hostAddresses)) continue;
    if (!best || precedenceClass(c.spec) < precedenceClass(best.spec)) best = c;
  }
  return best;
}
