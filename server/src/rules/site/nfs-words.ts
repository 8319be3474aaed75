import type { RelatedLocation } from '../../core/finding';
import type { ExportClient, ExportEntry } from '../../formats/exports/ast';
import { normaliseNfsPath } from '../../formats/exports/model';
import type { ExportMatch } from '../../formats/exports/model';
import type { TopologyHost } from '../../workspace/topology';
import type { ExportsFile } from '../exports/types';

/** Plain words for the `nfs/*` messages and their related information. */

/** A client as an administrator reads it: `192.168.2.10`, `the world` for `*` or a detached `(rw)`. */
export function clientName(client: ExportClient): string {
  return client.host?.text && client.host.text !== '*' ? client.host.text : 'the world';
}

/** The clients of export lines: `192.168.2.99 and 10.0.0.0/8`; `the world` for a line without clients. */
export function clientWords(lines: readonly { readonly entry: ExportEntry }[]): string {
  const names: string[] = [];
  for (const { entry } of lines) {
    const list = entry.clients.length === 0 ? ['the world'] : entry.clients.map(clientName);
    for (const n of list) if (!names.includes(n)) names.push(n);
  }
  if (names.length <= 1) return names[0] ?? 'no client';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** What a line exports, for related information: `exports /export/web1 to 192.168.2.99`. */
export function exportedTo(entry: ExportEntry): string {
  return `exports ${entry.path.value} to ${clientWords([{ entry }])}`;
}

/** Related information pointing at an export line. */
export function lineRelated(uri: string, entry: ExportEntry, message: string): RelatedLocation {
  return { uri, span: entry.span, message };
}

/** The NFS server in words: `dom0 (192.168.2.1)` with a topology host, else the address. */
export function serverWords(server: string, host: TopologyHost | undefined): string {
  return host ? `${host.name} (${server})` : server;
}

/** How a served export squashes root: `root_squash (the default)`, `root_squash`, `all_squash`. */
export function squashWords(match: ExportMatch): string {
  if (match.options.settings.get('all-squash') === 'on') return 'all_squash';
  const written = [
    ...(match.client?.defaults ?? []),
    ...(match.client?.options ? [match.client.options] : []),
  ]
    .flatMap((l) => l.options)
    .some((o) => o.name === 'root_squash');
  return written ? 'root_squash' : 'root_squash (the default)';
}

/** Export lines by every leading-directory prefix of their path (`/a/b` → `/a`, `/a/b`), in file order. */
type PrefixIndex = Map<string, { uri: string; entry: ExportEntry }[]>;

// Built once per list of files (the site facts keep the list while the exports do not change).
const prefixIndexes = new WeakMap<readonly ExportsFile[], PrefixIndex>();

function prefixIndexOf(files: readonly ExportsFile[]): PrefixIndex {
  const cached = prefixIndexes.get(files);
  if (cached) return cached;
  const index: PrefixIndex = new Map();
  for (const f of files) {
    for (const entry of f.ast.entries) {
      let prefix = '';
      for (const part of normaliseNfsPath(entry.path.value).split('/').filter(Boolean)) {
        prefix += `/${part}`;
        const list = index.get(prefix);
        if (list) list.push({ uri: f.uri, entry });
        else index.set(prefix, [{ uri: f.uri, entry }]);
      }
    }
  }
  prefixIndexes.set(files, index);
  return index;
}

/**
 * For a path that nothing exports: the export lines closest to it (the most leading directories in common,
 * at least one), at most three, for related information.
 */
export function nearestLines(
  files: readonly ExportsFile[],
  path: string,
): { uri: string; entry: ExportEntry }[] {
  const index = prefixIndexOf(files);
  const parts = path.split('/').filter(Boolean);
  // The deepest prefix some export line shares: every line under it shares exactly that many directories.
  for (let depth = parts.length; depth > 0; depth--) {
    const lines = index.get(`/${parts.slice(0, depth).join('/')}`);
    if (lines) return lines.slice(0, 3);
  }
  return [];
}
