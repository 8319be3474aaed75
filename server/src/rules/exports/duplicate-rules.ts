import type { Finding } from '../../core/finding';
import type { Span } from '../../core/text';
import { coversEveryone, ipv4Range } from '../../formats/exports/clients';
import type { ClientSpec } from '../../formats/exports/clients';
import { effectiveOptions, normaliseNfsPath } from '../../formats/exports/model';
import { exportTargets } from './client-rules';
import type { ExportsFile } from './types';

/**
 * `exports/duplicate-client` and `exports/multiple-fsid-root`, within one file and across the files of
 * one server (`…/exports` with `…/exports.d/*.exports`).
 */

interface Occurrence {
  readonly uri: string;
  readonly path: string;
  readonly spec: ClientSpec;
  readonly span: Span;
  readonly fsidSpan: Span | undefined;
}

/** The key exportfs compares clients by: its name (host names ignore case; `*` and no client are one). */
function clientKey(spec: ClientSpec): string | undefined {
  if (spec.kind === 'invalid') return undefined; // dropped before the duplicate check
  if (spec.kind === 'anyone') return '*';
  return spec.kind === 'hostname' || spec.kind === 'wildcard' ? spec.text.toLowerCase() : spec.text;
}

function occurrences(file: ExportsFile): Occurrence[] {
  return exportTargets(file).map((t) => {
    const options = effectiveOptions(t.client, t.written);
    const fsid = [...t.written].reverse().find((o) => o.name === 'fsid');
    return {
      uri: file.uri,
      // A relative path never reaches exportfs's duplicate check ("Failed to stat").
      path: t.entry.path.value.startsWith('/') ? normaliseNfsPath(t.entry.path.value) : '',
      spec: t.spec,
      span: t.span,
      fsidSpan: options.fsidRoot ? fsid?.span : undefined,
    };
  });
}

/** At most this many other occurrences are attached to one finding (a generated file may repeat a line 10⁵ times). */
const MAX_RELATED = 20;

/** Competing NFSv4 roots are compared pairwise; beyond this many `fsid=0` clients only the first are. */
const MAX_FSID_ROOTS = 1000;

function related(others: readonly Occurrence[], message: string): Finding['related'] {
  return others.slice(0, MAX_RELATED).map((o) => ({ uri: o.uri, span: o.span, message }));
}

/** Duplicates among the occurrences of one server. */
function duplicates(list: readonly Occurrence[]): Finding[] {
  const groups = new Map<string, Occurrence[]>();
  for (const o of list) {
    const key = clientKey(o.spec);
    if (key === undefined || o.path === '') continue;
    const k = `${o.path}\u0000${key}`;
    const group = groups.get(k);
    if (group) group.push(o);
    else groups.set(k, [o]);
  }
  const findings: Finding[] = [];
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    for (const [i, o] of group.entries()) {
      const others = [
        ...group.slice(Math.max(0, i - MAX_RELATED), i),
        ...group.slice(i + 1, i + 1 + MAX_RELATED),
      ];
      findings.push({
        ruleId: 'exports/duplicate-client',
        uri: o.uri,
        span: o.span,
        message: `'${o.path}' is exported to '${o.spec.text || '*'}' ${group.length} times: exportfs fails with "duplicated export entries"`,
        related: related(others, 'also exported here'),
      });
    }
  }
  return findings;
}

/** Whether two clients may stand for one host (a host name or pattern might resolve to anything). */
function overlap(a: ClientSpec, b: ClientSpec): boolean {
  if (a.kind === 'invalid' || b.kind === 'invalid') return false;
  if (coversEveryone(a) || coversEveryone(b)) return true;
  const ra = ipv4Range(a);
  const rb = ipv4Range(b);
  if (ra && rb) return ra.first <= rb.last && rb.first <= ra.last;
  return clientKey(a) === clientKey(b);
}

function fsidRoots(list: readonly Occurrence[]): Finding[] {
  const roots = list.filter((o) => o.fsidSpan && o.path !== '').slice(0, MAX_FSID_ROOTS);
  const findings: Finding[] = [];
  for (const o of roots) {
    const others = roots.filter((x) => x.path !== o.path && overlap(x.spec, o.spec));
    if (others.length === 0) continue;
    findings.push({
      ruleId: 'exports/multiple-fsid-root',
      uri: o.uri,
      span: o.fsidSpan ?? o.span,
      message: `'${o.path}' and ${others.map((x) => `'${x.path}'`).join(', ')} are each the NFSv4 root (fsid=0) for overlapping clients: an NFSv4 client gets only one of them`,
      related: related(others, 'another fsid=0 export'),
    });
  }
  return findings;
}

/** The server an exports file belongs to: the folder holding `exports` and `exports.d/`. */
export function serverKey(uri: string): string {
  const dir = uri.slice(0, uri.lastIndexOf('/'));
  return dir.endsWith('/exports.d') ? dir.slice(0, dir.lastIndexOf('/')) : dir;
}

/**
 * Both checks over the files of each server (`…/exports` and `…/exports.d/*.exports` together), so that a
 * duplicate is reported once per occurrence, pointing at every other one, wherever they are.
 */
export function checkDuplicates(files: readonly ExportsFile[]): Finding[] {
  const servers = new Map<string, Occurrence[]>();
  for (const f of files) {
    const key = serverKey(f.uri);
    const list = servers.get(key) ?? [];
    for (const o of occurrences(f)) list.push(o);
    servers.set(key, list);
  }
  return [...servers.values()].flatMap((list) => [...duplicates(list), ...fsidRoots(list)]);
}
