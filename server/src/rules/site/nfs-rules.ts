import type { Finding, FixSpec } from '../../core/finding';
import { parseIpv4 } from '../../core/ipv4';
import { normaliseNfsPath } from '../../formats/exports/model';
import type { ExportMatch } from '../../formats/exports/model';
import { XM_DUMMY_NFS_SERVER } from '../../formats/xen/command-line-model';
import { describeClient, formatInterval, judgeExport, nfsClientOf } from './nfs-clients';
import type { ExportVerdict, NfsClient } from './nfs-clients';
import {
  addClientFix,
  addExportFix,
  fixClientText,
  noRootSquashFix,
  readWriteFix,
  targetExportsFile,
} from './nfs-fixes';
import {
  clientName,
  clientWords,
  exportedTo,
  lineRelated,
  nearestLines,
  serverWords,
  squashWords,
} from './nfs-words';
import { isNfsV4, nfsMountVersion } from './nfs-version';
import { resolveAddress, resolveNfsRoot } from './resolve';
import type { ResolvedNfsRoot } from './resolve';
import type { ServerExports, SiteModel } from './site-model';
import type { BootSubject } from './subjects';

/**
 * The `nfs/*` rules (shared RULES.md, "Across files"): for every machine whose root is on NFS, the export
 * that should serve it. The NFS server and path are resolved as the kernel does (resolve.ts); the server's
 * exports come from the topology (SiteModel.exportsOf); the export table answers as mountd does
 * (formats/exports/model.ts). Each diagnostic sits on the root's reference (`nfsroot=`, xm's `nfs_root`, or
 * `root=` when DHCP gave the server) with the export lines as related information.
 */

/** Everything one subject's checks need. */
interface RootCheck {
  readonly site: SiteModel;
  readonly subject: BootSubject;
  readonly root: ResolvedNfsRoot;
  readonly server: string;
  readonly exports: ServerExports;
  readonly client: NfsClient;
  /** The path the server is asked for, after NFSv4's pseudo-root mapping. */
  readonly path: string;
}

/** Whether a subject mounts its root over NFS: `root=/dev/nfs`, or xm's `nfs_root` (with `nfs_server`). */
function mountsNfsRoot(subject: BootSubject): boolean {
  if (subject.boot.rootIsNfs) return true;
  const d = subject.xen?.domain;
  return d?.toolstack === 'xm' && d.settings.has('nfs_root') && subject.boot.nfsroot !== undefined;
}

/** The NFS-root checks of `subjects` (by default every subject of the site). */
export function checkNfsRoots(site: SiteModel, subjects: Iterable<BootSubject> = site.subjects): Finding[] {
  const out: Finding[] = [];
  for (const s of subjects) if (mountsNfsRoot(s)) out.push(...checkSubject(site, s));
  return out;
}

/** The subject's name for messages: a domain's name (trimmed: xen/name-whitespace says the rest), an entry's ‘title’. */
function nameOf(subject: BootSubject): string {
  const name = subject.label.trim() || subject.label;
  return subject.kind === 'machine' ? `‘${name}’` : name;
}

function finding(c: RootCheck, ruleId: string, message: string, extra: Partial<Finding> = {}): Finding {
  return { ruleId, uri: c.subject.uri, span: c.root.anchor, message, ...extra };
}

/**
 * The path the kernel asks for (fs/nfs/nfsroot.c): nfsroot='s or DHCP root-path's, else `/tftpboot/%s`;
 * `%s` is the client's host name (ip='s field) or address (net/ipv4/ipconfig.c `ic_defaults`); a value that
 * starts with neither `/`, `,` nor a digit is taken under `/tftpboot/` (`nfs_root_setup`).
 */
function rootPath(subject: BootSubject, root: ResolvedNfsRoot, client: NfsClient): string | undefined {
  const id = subject.boot.ip?.parsed.hostname || (client.kind === 'address' ? client.address : undefined);
  let path = root.path ?? '/tftpboot/%s';
  if (id !== undefined) path = path.replace(/%s/g, id);
  if (path.includes('%s')) return undefined;
  const written = subject.boot.nfsroot?.param.value ?? '';
  if (!path.startsWith('/') && root.serverHow !== 'dhcp-root-path' && /^[^/,0-9]/.test(written))
    path = `/tftpboot/${path}`;
  return normaliseNfsPath(path);
}

function checkSubject(site: SiteModel, subject: BootSubject): Finding[] {
  if (subject.boot.nfsroot?.parsed.serverName !== undefined) return []; // cmdline/nfsroot-hostname says it
  const address = resolveAddress(site, subject);
  const root = resolveNfsRoot(subject, address);
  const server = root.server;
  if (server === undefined || parseIpv4(server) === undefined || server === '0.0.0.0') return [];
  if (root.serverHow === 'ip' && server === XM_DUMMY_NFS_SERVER) return [];
  const exports = site.exportsOf(server);
  if (!exports || exports.files.length === 0) {
    return site.hasHosts ? [serverUnknown(subject, root, server, exports)] : [];
  }
  const client = nfsClientOf(site, subject, address);
  const path = rootPath(subject, root, client);
  if (path === undefined) return [];
  const base = { site, subject, root, server, exports, client, path };
  const { check, fsid } = applyPseudoRoot(base);
  const verdict = judgeExport(exports.table, check.path, client, site.hostAddresses);
  return [...fsid, ...accessFindings(check, verdict), ...optionFindings(check, verdict.served)];
}

/** nfs/server-unknown: the topology names hosts, and none of them is a known NFS server with exports. */
function serverUnknown(
  subject: BootSubject,
  root: ResolvedNfsRoot,
  server: string,
  exports: ServerExports | undefined,
): Finding {
  const host = exports?.host;
  const message = host
    ? `${nameOf(subject)}’s root is on ${server}, host ${host.name} of xen-nfs-boot.json, but no exports file ` +
      `of the workspace lies under its root (${host.root === undefined ? 'the host has no "root" folder' : `${host.root}/`}): ` +
      `add ${host.root === undefined ? 'a "root" folder to the host and ' : ''}its etc/exports to check the export.`
    : `${nameOf(subject)}’s root is on ${server}, and no host of xen-nfs-boot.json has that address, so no exports ` +
      `file is known for it: add ${server} to the "addresses" of the host that serves NFS, whose "root" folder ` +
      `holds its etc/exports.`;
  return { ruleId: 'nfs/server-unknown', uri: subject.uri, span: root.anchor, message };
}

/** The address the server sees first: the machine's, or the first of its DHCP ranges. */
function probeAddress(client: NfsClient): number | undefined {
  if (client.kind === 'address') return parseIpv4(client.address);
  return client.kind === 'range' ? client.ranges[0]?.low : undefined;
}

/** The NFSv4 pseudo-root (`fsid=0`/`fsid=root`) that admits the machine, if any. */
function pseudoRootOf(c: RootCheck): { path: string; match: ExportMatch } | undefined {
  const probe = probeAddress(c.client);
  if (probe === undefined) return undefined;
  for (const p of c.exports.table.fsidPaths()) {
    const served = c.exports.table.lookup(p, probe, c.site.hostAddresses).served;
    if (served?.exact && served.options.fsidRoot) return { path: p, match: served };
  }
  return undefined;
}

/**
 * NFSv4 resolves a mount path below the pseudo-root (exports(5), fsid=0): the full path of the pseudo-root
 * export (or below it) is nfs/fsid-root-path, and any other path is looked up below the pseudo-root.
 */
function applyPseudoRoot(c: RootCheck): { check: RootCheck; fsid: Finding[] } {
  const version = nfsMountVersion(c.site, c.subject, c.root);
  if (!isNfsV4(version.version)) return { check: c, fsid: [] };
  const pseudo = pseudoRootOf(c);
  if (!pseudo || pseudo.path === '/') return { check: c, fsid: [] };
  const under = c.path === pseudo.path || c.path.startsWith(`${pseudo.path}/`);
  if (!under) return { check: { ...c, path: normaliseNfsPath(`${pseudo.path}/${c.path}`) }, fsid: [] };
  const relative = c.path.slice(pseudo.path.length) || '/';
  const message =
    `${pseudo.path} is the NFSv4 pseudo-root of ${c.server} (fsid=${pseudo.match.options.values.get('fsid')}), ` +
    `and ${nameOf(c.subject)} mounts over NFSv4 (${version.why}): NFSv4 takes the path below the pseudo-root, so ` +
    `${c.path} means ${normaliseNfsPath(`${pseudo.path}/${c.path}`)} on the server. Mount ${c.server}:${relative} ` +
    `instead, or mount over NFSv3 (vers=3), which uses the full path.`;
  const related = [
    lineRelated(pseudo.match.uri, pseudo.match.entry, 'the NFSv4 pseudo-root export (fsid=0)'),
  ];
  return { check: c, fsid: [finding(c, 'nfs/fsid-root-path', message, { related })] };
}

/** nfs/root-not-exported and nfs/client-not-permitted. */
function accessFindings(c: RootCheck, verdict: ExportVerdict): Finding[] {
  if (verdict.nearest.length === 0) return [notExported(c)];
  const related = verdict.nearest.map((n) => lineRelated(n.uri, n.entry, exportedTo(n.entry)));
  const nearestPath = normaliseNfsPath(verdict.nearest[0].entry.path.value);
  const subjectPath =
    nearestPath === c.path ? c.path : `${c.path} is not exported itself, and its parent ${nearestPath}`;
  const to = clientWords(verdict.nearest);
  if (verdict.undecided) {
    const message =
      `${subjectPath} is exported to ${to} only, and ${describeClient(nameOf(c.subject), c.client)}: ` +
      'whether the export admits it cannot be told. Give it a static ip= address, or a DHCP host block with a ' +
      'fixed-address for its MAC.';
    return [finding(c, 'nfs/client-not-permitted', message, { related, severity: 'information' })];
  }
  if (verdict.refused.length === 0) return [];
  const refused = verdict.refused.map(formatInterval);
  const shown = refused.length > 3 ? `${refused.slice(0, 3).join(', ')}, …` : refused.join(', ');
  const rangeNote =
    c.client.kind === 'range'
      ? `; ${shown} ${refused.length === 1 && !shown.includes('–') ? 'is' : 'are'} not admitted`
      : '';
  const message = `${subjectPath} is exported to ${to} only; ${describeClient(nameOf(c.subject), c.client)}${rangeNote}.`;
  return [finding(c, 'nfs/client-not-permitted', message, { related, fixes: permitFixes(c, verdict) })];
}

function notExported(c: RootCheck): Finding {
  const where = c.exports.files.map((f) => c.site.pathOf(f.uri) ?? f.uri).join(', ');
  const message =
    `${c.path} is not exported by ${serverWords(c.server, c.exports.host)}: no line of ${where} exports it ` +
    `or a parent directory, so ${nameOf(c.subject)} cannot mount its root.`;
  const related = nearestLines(c.exports.files, c.path).map((n) =>
    lineRelated(n.uri, n.entry, `${exportedTo(n.entry)} (the closest exported path)`),
  );
  const target = targetExportsFile(c.site, c.exports.files);
  const clientText = fixClientText(c.client);
  const fixes = target && clientText ? [addExportFix(target, c.path, clientText, true)] : [];
  return finding(c, 'nfs/root-not-exported', message, { related, fixes });
}

function permitFixes(c: RootCheck, verdict: ExportVerdict): FixSpec[] {
  const clientText = fixClientText(c.client);
  if (!clientText) return [];
  const nearest = verdict.nearest[verdict.nearest.length - 1];
  const file = c.exports.files.find((f) => f.uri === nearest.uri);
  const exact = normaliseNfsPath(nearest.entry.path.value) === c.path;
  const addClient = file ? addClientFix(file, nearest.entry, clientText, exact) : undefined;
  const target = targetExportsFile(c.site, c.exports.files);
  const addExport = !exact && target ? addExportFix(target, c.path, clientText, true) : undefined;
  return [addExport, addClient].filter((f): f is FixSpec => f !== undefined);
}

/** nfs/root-squash and nfs/read-only-root on the exports that serve the machine. */
function optionFindings(c: RootCheck, served: readonly ExportMatch[]): Finding[] {
  const out: Finding[] = [];
  const squashed = served.find((m) => m.options.rootSquash || m.options.settings.get('all-squash') === 'on');
  if (squashed) {
    const file = c.exports.files.find((f) => f.uri === squashed.uri);
    const allSquash = squashed.options.settings.get('all-squash') === 'on';
    const fix = file && squashed.client ? noRootSquashFix(file, squashed.client, allSquash) : undefined;
    const message =
      `${squashed.entry.path.value} is exported to ${clientOf(squashed)} with ` +
      `${squashWords(squashed)}: root on ${nameOf(c.subject)} becomes nobody on the server, and a root file ` +
      'system needs root (files owned by root, setuid programs, writes at boot). Add no_root_squash.';
    const related = [
      lineRelated(squashed.uri, squashed.entry, `the export that serves ${nameOf(c.subject)}’s root`),
    ];
    out.push(finding(c, 'nfs/root-squash', message, { related, fixes: fix ? [fix] : [] }));
  }
  const readOnly = served.find((m) => m.options.readOnly);
  if (readOnly) {
    const file = c.exports.files.find((f) => f.uri === readOnly.uri);
    const fix = file && readOnly.client ? readWriteFix(file, readOnly.client) : undefined;
    const written = (readOnly.client?.options?.options ?? []).some((o) => o.name === 'ro');
    const message =
      `${readOnly.entry.path.value} is exported read-only${written ? '' : ' (ro is the default)'} to ` +
      `${clientOf(readOnly)}: ${nameOf(c.subject)} mounts its root read-only and cannot ` +
      'write to it (logs, /tmp, /var) unless its system is set up for a read-only root.';
    const related = [
      lineRelated(readOnly.uri, readOnly.entry, `the export that serves ${nameOf(c.subject)}’s root`),
    ];
    out.push(finding(c, 'nfs/read-only-root', message, { related, fixes: fix ? [fix] : [] }));
  }
  return out;
}

function clientOf(m: ExportMatch): string {
  return m.client ? clientName(m.client) : 'the world';
}
