import type { FixSpec, TextEditSpec } from '../../core/finding';
import { formatIpv4 } from '../../core/ipv4';
import type { ExportClient, ExportEntry, ExportOption } from '../../formats/exports/ast';
import { addOptionFix } from '../exports/fixes';
import type { ExportsFile } from '../exports/types';
import type { NfsClient } from './nfs-clients';
import type { SiteModel } from './site-model';

/**
 * Quick fixes of the `nfs/*` rules. They edit the NFS server's exports file, not the file the diagnostic
 * sits in, and keep every other byte of it (issue 5, "Quick fixes that edit the other file").
 */

/** The options a new client entry gets: what a diskless root needs (issue 5; exports(5)). */
export const ROOT_CLIENT_OPTIONS = 'rw,sync,no_root_squash,no_subtree_check';

/**
 * The client a fix writes for the machine: its address, or for a machine that takes any address of DHCP
 * ranges the one subnet that holds them all (`192.168.2.0/24`); undefined when there is no such subnet.
 */
export function fixClientText(client: NfsClient): string | undefined {
  if (client.kind === 'address') return client.address;
  if (client.kind === 'unknown') return undefined;
  const subnets = [...new Set(client.ranges.map((r) => r.subnet))];
  const subnet = subnets.length === 1 ? subnets[0] : undefined;
  if (!subnet) return undefined;
  const network = formatIpv4(subnet.network);
  return subnet.prefix !== undefined
    ? `${network}/${subnet.prefix}`
    : `${network}/${formatIpv4(subnet.mask)}`;
}

/**
 * The exports file of the server host that a new export line goes into: its `/etc/exports` (exportfs reads
 * it first), else its first exports file (an `/etc/exports.d/*.exports`); none when the host has none.
 */
export function targetExportsFile(site: SiteModel, files: readonly ExportsFile[]): ExportsFile | undefined {
  const named = files.filter((f) => /(^|\/)etc\/exports$/.test(site.pathOf(f.uri) ?? ''));
  return named[0] ?? files[0];
}

/** "Add an export of <path> for <client>": a new line at the end of the server's exports file. */
export function addExportFix(file: ExportsFile, path: string, client: string, preferred: boolean): FixSpec {
  const end = file.text.length;
  const sep = end > 0 && !file.text.endsWith('\n') ? '\n' : '';
  const line = `${sep}${quotePath(path)} ${client}(${ROOT_CLIENT_OPTIONS})\n`;
  return {
    title: `Add an export of ${path} for ${client}`,
    edits: [{ uri: file.uri, span: { start: end, end }, newText: line }],
    preferred,
  };
}

/** exports(5): a path with white space is written in double quotes. */
function quotePath(path: string): string {
  return /\s/.test(path) ? `"${path}"` : path;
}

/** "Add <client> to the export of <path>": a new client after the last client of the line. */
export function addClientFix(
  file: ExportsFile,
  entry: ExportEntry,
  client: string,
  preferred: boolean,
): FixSpec | undefined {
  const last = entry.clients[entry.clients.length - 1];
  if (!last) return undefined;
  const at = last.span.end;
  return {
    title: `Add ${client} to the export of ${entry.path.value}`,
    edits: [{ uri: file.uri, span: { start: at, end: at }, newText: ` ${client}(${ROOT_CLIENT_OPTIONS})` }],
    preferred,
  };
}

function lastOwn(client: ExportClient, name: string): ExportOption | undefined {
  const own = client.options?.options ?? [];
  return [...own].reverse().find((o) => o.name === name && o.value === undefined);
}

function replace(file: ExportsFile, option: ExportOption, newText: string): TextEditSpec {
  return { uri: file.uri, span: option.span, newText };
}

/**
 * "Add no_root_squash": replaces the client's own `root_squash` (or its `all_squash`, which squashes root
 * too) with `no_root_squash`, else adds it to the client's option list; adds `no_all_squash` when
 * `all_squash` comes from a `-` default list of the line.
 */
export function noRootSquashFix(
  file: ExportsFile,
  client: ExportClient,
  squashesAll: boolean,
): FixSpec | undefined {
  const title = 'Add no_root_squash';
  const rootSquash = lastOwn(client, 'root_squash');
  const allSquash = lastOwn(client, 'all_squash');
  const edits: TextEditSpec[] = [];
  if (rootSquash) edits.push(replace(file, rootSquash, 'no_root_squash'));
  if (allSquash) edits.push(replace(file, allSquash, rootSquash ? 'no_all_squash' : 'no_root_squash'));
  const missing = [
    ...(rootSquash || allSquash ? [] : ['no_root_squash']),
    ...(squashesAll && !allSquash ? ['no_all_squash'] : []),
  ];
  if (missing.length > 0) {
    const added = addOptionFix(file, client, missing.join(','));
    if (!added) return undefined;
    edits.push(...added.edits);
  }
  return { title, edits, preferred: true };
}

/** "Make the export read-write": replaces the client's own `ro` with `rw`, else adds `rw`. */
export function readWriteFix(file: ExportsFile, client: ExportClient): FixSpec | undefined {
  const title = 'Make the export read-write';
  const ro = lastOwn(client, 'ro');
  if (ro) return { title, edits: [replace(file, ro, 'rw')], preferred: true };
  const added = addOptionFix(file, client, 'rw');
  return added ? { title, edits: added.edits, preferred: true } : undefined;
}
