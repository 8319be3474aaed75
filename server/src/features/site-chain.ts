import type { Span } from '../core/text';
import type { DhcpHost } from '../formats/dhcp/model';
import type { ExportLookup } from '../formats/exports/model';
import { nfsRootRequirements } from '../formats/kconfig/model';
import type { NfsRootRequirements } from '../formats/kconfig/model';
import type { DhcpFile } from '../rules/dhcp/types';
import type { KconfigFile } from '../rules/kconfig/types';
import { resolveAddress, resolveNfsRoot } from '../rules/site/resolve';
import type { ResolvedAddress, ResolvedNfsRoot } from '../rules/site/resolve';
import type { ServerExports, SiteModel } from '../rules/site/site-model';
import { paramSpan } from '../rules/site/subjects';
import type { BootSubject } from '../rules/site/subjects';

/**
 * The boot chain of one subject, read once for navigation, the CodeLens and the hover: its address and the
 * DHCP hosts behind it, its NFS root and the export that serves it, its kernel's `.config` and what that
 * config lacks. Everything comes from `resolve.ts` and the format models the cross-file rules use.
 */

/** A place in a file of the site. */
export interface SiteLocation {
  readonly uri: string;
  readonly span: Span;
}

/** A DHCP host declaration of one dhcpd.conf. */
export interface DhcpHostRef {
  readonly file: DhcpFile;
  readonly host: DhcpHost;
}

/** What the site says about one subject's boot. */
export interface SubjectChain {
  readonly subject: BootSubject;
  readonly address: ResolvedAddress;
  readonly hosts: readonly DhcpHostRef[];
  /** Undefined when the command line does not ask for an NFS root (no `root=/dev/nfs`). */
  readonly root: ResolvedNfsRoot | undefined;
  /** The exports of the root's server; undefined when no exports file belongs to it. */
  readonly exports: ServerExports | undefined;
  /** The export lookup of the root's path for the subject's address (nearest lines only when unknown). */
  readonly lookup: ExportLookup | undefined;
  readonly kconfig: KconfigFile | undefined;
  /** What the `.config` lacks for a kernel-level NFS root (undefined: not checked, e.g. with an initrd). */
  readonly requirements: NfsRootRequirements | undefined;
}

/** The autoconfiguration protocol `ip=` names, as `nfsRootRequirements` reads it (net/ipv4/ipconfig.c). */
function protocolOf(subject: BootSubject): 'dhcp' | 'bootp' | 'rarp' | undefined {
  const a = subject.boot.ip?.parsed.autoconf?.toLowerCase();
  return a === 'dhcp' || a === 'bootp' || a === 'rarp' ? a : undefined;
}

/** Resolves the boot chain of a subject. */
export function subjectChain(site: SiteModel, subject: BootSubject): SubjectChain {
  const address = resolveAddress(site, subject);
  const hosts = address.dhcp.flatMap((d) => (d.answer.host ? [{ file: d.file, host: d.answer.host }] : []));
  const root = subject.boot.rootIsNfs || subject.boot.nfsroot ? resolveNfsRoot(subject, address) : undefined;
  const exports = root?.server !== undefined ? site.exportsOf(root.server) : undefined;
  const lookup =
    exports && root?.path !== undefined
      ? exports.table.lookup(root.path, address.address ?? '', site.hostAddresses)
      : undefined;
  const kconfig = site.kconfigFor(subject);
  const requirements =
    kconfig && !subject.initrd && subject.boot.rootIsNfs
      ? nfsRootRequirements(kconfig, {
          domU: subject.kind === 'domU',
          protocol: protocolOf(subject),
          nfsVersion: root?.version,
        })
      : undefined;
  return { subject, address, hosts, root, exports, lookup, kconfig, requirements };
}

/** The export lines a chain's root leads to: the serving one, else the nearest exported path's lines. */
export function exportLines(chain: SubjectChain): SiteLocation[] {
  const l = chain.lookup;
  if (!l) return [];
  if (l.served) return [{ uri: l.served.uri, span: l.served.entry.span }];
  return l.nearest.map((n) => ({ uri: n.uri, span: n.entry.span }));
}

/** Where a subject names its NFS root: `nfsroot=` (xm: `nfs_root`), else `root=`. */
export function rootReference(subject: BootSubject): Span | undefined {
  const b = subject.boot;
  if (b.nfsroot) return paramSpan(subject, b.nfsroot.param);
  return b.root && b.rootIsNfs ? paramSpan(subject, b.root) : undefined;
}

/** Where a subject names its address: the `ip=` parameter (xm: the `ip` key). */
export function addressReference(subject: BootSubject): Span | undefined {
  return subject.boot.ip ? paramSpan(subject, subject.boot.ip.param) : undefined;
}
