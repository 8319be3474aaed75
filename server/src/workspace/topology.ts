import { isSeverityLevel } from '../core/severity';
import type { SeverityLevel } from '../core/severity';
import type { Toolstack } from '../formats/option-spec';

/**
 * The topology file `xen-nfs-boot.json` (shared CONTRACT.md): which folder stands for which host's `/`,
 * the toolstack, kernel → .config mappings and rule severities. Read as data, validated field by field:
 * a bad field is reported and ignored, the rest still applies.
 */

/** One host of the site. */
export interface TopologyHost {
  readonly name: string;
  readonly addresses: readonly string[];
  /** The folder (relative to the topology file) that stands for this host's `/`. */
  readonly root: string | undefined;
  readonly toolstack: Toolstack | undefined;
  readonly tftpRoot: string | undefined;
}

/** The whole topology. */
export interface Topology {
  readonly toolstack: Toolstack | undefined;
  readonly hosts: readonly TopologyHost[];
  readonly kernels: ReadonlyMap<string, string>;
  readonly rules: ReadonlyMap<string, SeverityLevel>;
}

/** A problem in the topology file, with a JSON path to the field. */
export interface TopologyProblem {
  readonly path: string;
  readonly message: string;
}

/** An empty topology: one unnamed host, defaults everywhere. */
export const EMPTY_TOPOLOGY: Topology = {
  toolstack: undefined,
  hosts: [],
  kernels: new Map(),
  rules: new Map(),
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function toolstackOf(v: unknown, path: string, problems: TopologyProblem[]): Toolstack | undefined {
  if (v === undefined) return undefined;
  if (v === 'xl' || v === 'xm') return v;
  problems.push({ path, message: `toolstack must be "xl" or "xm", not ${JSON.stringify(v)}` });
  return undefined;
}

function stringOf(v: unknown, path: string, problems: TopologyProblem[]): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'string') return v;
  problems.push({ path, message: 'must be a string' });
  return undefined;
}

function readHost(v: unknown, i: number, problems: TopologyProblem[]): TopologyHost | undefined {
  const path = `hosts[${i}]`;
  if (!isRecord(v) || typeof v.name !== 'string') {
    problems.push({ path, message: 'a host needs at least a "name"' });
    return undefined;
  }
  const addresses = Array.isArray(v.addresses)
    ? v.addresses.filter((a): a is string => typeof a === 'string')
    : [];
  if (v.addresses !== undefined && !Array.isArray(v.addresses))
    problems.push({ path: `${path}.addresses`, message: 'must be a list of addresses' });
  return {
    name: v.name,
    addresses,
    root: stringOf(v.root, `${path}.root`, problems),
    toolstack: toolstackOf(v.toolstack, `${path}.toolstack`, problems),
    tftpRoot: stringOf(v.tftpRoot, `${path}.tftpRoot`, problems),
  };
}

/** Reads rule severities from a record (the topology's `rules`, a setting, or the CLI). */
export function readRuleLevels(
  v: unknown,
  path: string,
  problems: TopologyProblem[],
): Map<string, SeverityLevel> {
  const rules = new Map<string, SeverityLevel>();
  if (v === undefined || v === null) return rules;
  if (!isRecord(v)) {
    problems.push({
      path,
      message: 'must map rule IDs to "off", "error", "warning", "information" or "hint"',
    });
    return rules;
  }
  for (const [id, level] of Object.entries(v)) {
    if (isSeverityLevel(level)) rules.set(id, level);
    else problems.push({ path: `${path}.${id}`, message: `unknown severity ${JSON.stringify(level)}` });
  }
  return rules;
}

/** Reads a topology from parsed JSON; never throws. */
export function readTopology(json: unknown): { topology: Topology; problems: TopologyProblem[] } {
  const problems: TopologyProblem[] = [];
  if (!isRecord(json))
    return {
      topology: EMPTY_TOPOLOGY,
      problems: [{ path: '', message: 'the topology must be a JSON object' }],
    };
  const hostsRaw = json.hosts === undefined ? [] : json.hosts;
  if (!Array.isArray(hostsRaw)) problems.push({ path: 'hosts', message: 'must be a list of hosts' });
  const hosts = (Array.isArray(hostsRaw) ? hostsRaw : []).flatMap((h, i) => readHost(h, i, problems) ?? []);
  const kernels = new Map<string, string>();
  if (isRecord(json.kernels)) {
    for (const [k, v] of Object.entries(json.kernels)) if (typeof v === 'string') kernels.set(k, v);
  } else if (json.kernels !== undefined)
    problems.push({ path: 'kernels', message: 'must map kernel paths to .config paths' });
  return {
    topology: {
      toolstack: toolstackOf(json.toolstack, 'toolstack', problems),
      hosts,
      kernels,
      rules: readRuleLevels(json.rules, 'rules', problems),
    },
    problems,
  };
}

/** Parses the topology file's text; a JSON syntax error is one problem. */
export function parseTopology(text: string): { topology: Topology; problems: TopologyProblem[] } {
  try {
    return readTopology(JSON.parse(text));
  } catch (e) {
    return {
      topology: EMPTY_TOPOLOGY,
      problems: [{ path: '', message: `not valid JSON: ${(e as Error).message}` }],
    };
  }
}
