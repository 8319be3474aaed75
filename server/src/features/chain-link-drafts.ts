import { LineIndex } from '../core/text';
import type { Span } from '../core/text';
import type { SiteModel } from '../rules/site/site-model';
import { addressReference, rootReference } from './site-chain';
import type { SiteLocation, SubjectChain } from './site-chain';
import type { LinkKind } from './chain-links';

/**
 * The links of a boot chain before their diagnostics are weighed (`chain-links.ts`): what each link is, how it
 * is described, where it opens, and whether it could be followed at all.
 */

const START: Span = { start: 0, end: 0 };

function baseName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

/** The export line that serves the root, else the nearest ones. */
export function exportTargets(chain: SubjectChain): SiteLocation[] {
  const l = chain.lookup;
  if (!l) return [];
  if (l.served) return [{ uri: l.served.uri, span: l.served.entry.span }];
  return l.nearest.map((n) => ({ uri: n.uri, span: n.entry.span }));
}

/** A link's description and whether it could be followed, before its findings are weighed. */
export interface LinkDraft {
  readonly kind: LinkKind;
  readonly title: string;
  readonly detail: string;
  readonly resolved: boolean;
  readonly location: SiteLocation;
}

/** The address a subject boots with, or how it would get one, in a few words. */
export function addressText(chain: SubjectChain): string {
  const a = chain.address;
  if (a.address) return a.address;
  if (chain.hosts.length > 0) return 'DHCP, no fixed address';
  if (a.how === 'dhcp-dynamic') return 'DHCP range';
  return a.usesDhcp ? 'DHCP, no host' : 'unknown';
}

export function dhcpLink(chain: SubjectChain): LinkDraft | undefined {
  const { address, subject } = chain;
  const host = chain.hosts[0];
  const at = { uri: subject.uri, span: addressReference(subject) ?? subject.anchor };
  const addr = addressText(chain);
  if (host) {
    const location = { uri: host.file.uri, span: host.host.statement.span };
    return {
      kind: 'dhcp',
      title: `DHCP host ${host.host.name.text}`,
      detail: addr,
      resolved: true,
      location,
    };
  }
  if (address.how === 'static')
    return { kind: 'dhcp', title: 'Static address', detail: addr, resolved: true, location: at };
  if (address.how === 'dhcp-dynamic')
    return {
      kind: 'dhcp',
      title: 'DHCP range',
      detail: 'an address of a range',
      resolved: true,
      location: at,
    };
  if (!address.usesDhcp && !subject.boot.rootIsNfs) return undefined;
  const detail = address.usesDhcp ? (subject.macs.length ? 'no host for its MAC' : 'no MAC known') : 'no ip=';
  return { kind: 'dhcp', title: 'DHCP host', detail, resolved: false, location: at };
}

export function bootLinks(chain: SubjectChain): LinkDraft[] {
  const { subject } = chain;
  const at = { uri: subject.uri, span: subject.anchor };
  if (subject.kind === 'domU')
    return [
      {
        kind: 'xen',
        title: `Xen domU ${subject.label}`,
        detail: baseName(subject.uri),
        resolved: true,
        location: at,
      },
    ];
  const loader: LinkDraft = {
    kind: 'loader',
    title: 'Boot loader',
    detail: `${subject.label} (${baseName(subject.uri)})`,
    resolved: true,
    location: at,
  };
  const hv = subject.hypervisor;
  if (!hv) return [loader];
  return [
    loader,
    {
      kind: 'xen',
      title: 'Xen',
      detail: hv.text,
      resolved: true,
      location: { uri: subject.uri, span: hv.span },
    },
  ];
}

export function kernelLinks(site: SiteModel, chain: SubjectChain): LinkDraft[] {
  const { subject, kconfig, requirements } = chain;
  const k = subject.kernel;
  if (!k) return [];
  const kernelAt = { uri: subject.uri, span: k.span };
  const kernel: LinkDraft = {
    kind: 'kernel',
    title: 'Kernel',
    detail: subject.initrd ? `${k.text} + initrd ${subject.initrd.text}` : k.text,
    resolved: true,
    location: kernelAt,
  };
  if (!kconfig) {
    const detail = site.configPathBeside(subject) ?? 'not found';
    return [
      kernel,
      {
        kind: 'kconfig',
        title: 'Kernel .config',
        detail: `not found (${detail})`,
        resolved: false,
        location: kernelAt,
      },
    ];
  }
  const location = { uri: kconfig.uri, span: configSpan(chain) };
  const checked = requirements ? '' : subject.initrd ? ' (the initrd mounts the root: not checked)' : '';
  const path = site.pathOf(kconfig.uri) ?? baseName(kconfig.uri);
  return [
    kernel,
    {
      kind: 'kconfig',
      title: 'Kernel .config',
      detail: `${path}${checked}`,
      resolved: requirements !== undefined || !subject.initrd,
      location,
    },
  ];
}

/** Where to open a `.config`: the first line the NFS root needs changed, else `CONFIG_ROOT_NFS`, else its head. */
function configSpan(chain: SubjectChain): Span {
  const model = chain.kconfig?.model;
  const problem = chain.requirements?.problems.find((p) => p.current)?.current?.entry.line;
  return problem ?? model?.symbols.get('ROOT_NFS')?.entry.line ?? model?.version?.span ?? START;
}

export function nfsLinks(chain: SubjectChain): LinkDraft[] {
  const { root, subject, lookup } = chain;
  if (!root) return [];
  const at = { uri: subject.uri, span: rootReference(subject) ?? root.anchor };
  const how = {
    nfsroot: 'nfsroot=',
    ip: 'ip= server field',
    'dhcp-root-path': 'DHCP root-path',
    'dhcp-next-server': 'DHCP next-server',
    unknown: 'no server known',
  }[root.serverHow];
  const unknown = root.server === undefined && root.path === undefined;
  const name = unknown ? 'root' : `${root.server ?? '?'}:${root.path ?? '?'}`;
  const nfs: LinkDraft = {
    kind: 'nfs',
    title: `NFS ${name}`,
    detail: how,
    resolved: root.server !== undefined && root.path !== undefined,
    location: at,
  };
  const line = exportTargets(chain)[0];
  const served = lookup?.served;
  const options = served
    ? `${served.options.readOnly ? 'ro' : 'rw'}, ${served.options.rootSquash ? 'root_squash' : 'no_root_squash'}`
    : '';
  const detail = !chain.exports
    ? `no exports file for ${root.server ?? 'the server'}`
    : served
      ? `${exportLine(chain, served.uri, served.entry.span)}: ${served.entry.path.value} (${options})`
      : line
        ? `not exported to ${chain.address.address ?? 'its address'}`
        : 'no export serves it';
  return [
    nfs,
    { kind: 'export', title: 'Export line', detail, resolved: served !== undefined, location: line ?? at },
  ];
}

function exportLine(chain: SubjectChain, uri: string, span: Span): string {
  const text = chain.exports?.files.find((f) => f.uri === uri)?.text ?? '';
  return `${baseName(uri)} line ${new LineIndex(text).position(span.start).line + 1}`;
}
