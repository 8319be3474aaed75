import type { Finding } from '../core/finding';
import type { Severity } from '../core/severity';
import { LineIndex, spanContains } from '../core/text';
import type { Span } from '../core/text';
import type { SiteModel } from '../rules/site/site-model';
import type { BootSubject } from '../rules/site/subjects';
import { addressReference, rootReference, subjectChain } from './site-chain';
import type { SiteLocation, SubjectChain } from './site-chain';

/**
 * The boot chain as a row of links (issue 8, "boot chain view"): DHCP host → boot loader → Xen → kernel →
 * its `.config` → NFS server:path → export line, each with the diagnostics behind it and a status. Read from
 * `site-chain.ts` (the model the cross-file rules use) and the workspace's findings: a link is red or amber
 * only because a diagnostic in the Problems panel says so.
 */

/** The links of a boot chain, in boot order. */
export type LinkKind = 'dhcp' | 'loader' | 'xen' | 'kernel' | 'kconfig' | 'nfs' | 'export';

/** `unknown`: the link could not be followed and no diagnostic says why (e.g. DHCP with no MAC known). */
export type LinkStatus = 'ok' | 'warning' | 'error' | 'unknown';

/** A finding with the severity it is shown with. */
export interface ShownFinding {
  readonly finding: Finding;
  readonly severity: Severity;
}

/** One link of the chain. */
export interface ChainLink {
  readonly kind: LinkKind;
  readonly title: string;
  readonly detail: string;
  readonly status: LinkStatus;
  /** Where to open the link: the DHCP host block, the kernel reference, the export line… */
  readonly location: SiteLocation;
  readonly findings: readonly ShownFinding[];
}

/** The chain of one subject. */
export interface SubjectLinks {
  readonly subject: BootSubject;
  readonly chain: SubjectChain;
  readonly links: readonly ChainLink[];
  readonly status: LinkStatus;
}

/** What the links read: the site model, the findings per file, and the severity each is shown with. */
export interface LinkContext {
  readonly site: SiteModel;
  readonly findings: ReadonlyMap<string, readonly Finding[]>;
  /** Undefined when the rule is off. */
  severityOf(finding: Finding): Severity | undefined;
}

/** Cross-file rules sit on the reference that fails, in the subject's file: which link each belongs to. */
const RULE_LINKS: readonly (readonly [prefix: string, kind: LinkKind])[] = [
  ['net/', 'dhcp'],
  ['kernel/', 'kconfig'],
  ['nfs/server-unknown', 'nfs'],
  ['nfs/', 'export'],
];

const START: Span = { start: 0, end: 0 };
const RANK: Readonly<Record<LinkStatus, number>> = { ok: 0, unknown: 1, warning: 2, error: 3 };

/** The worse of statuses (error > warning > unknown > ok). */
export function worstStatus(statuses: readonly LinkStatus[]): LinkStatus {
  return statuses.reduce<LinkStatus>((w, s) => (RANK[s] > RANK[w] ? s : w), 'ok');
}

function baseName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

/** The part of the subject's file that is its own: the whole file for a domU, else its entry and the globals. */
function ownPart(site: SiteModel, subject: BootSubject): (span: Span) => boolean {
  const starts = site.subjects
    .filter((s) => s.uri === subject.uri)
    .map((s) => s.anchor.start)
    .sort((a, b) => a - b);
  const first = starts[0] ?? 0;
  const next = starts.find((s) => s > subject.anchor.start) ?? Infinity;
  return (span) => span.start < first || (span.start >= subject.anchor.start && span.start < next);
}

/** Which link a finding of the subject's own file belongs to: by rule, else by the reference it sits on. */
function linkOfOwnFinding(f: Finding, subject: BootSubject): LinkKind {
  const byRule = RULE_LINKS.find(([prefix]) => f.ruleId.startsWith(prefix));
  if (byRule) return byRule[1];
  const inside = (span: Span | undefined): boolean => span !== undefined && spanContains(span, f.span.start);
  if (inside(subject.kernel?.span)) return 'kernel';
  if (inside(rootReference(subject))) return 'nfs';
  if (inside(addressReference(subject))) return 'dhcp';
  return subject.kind === 'domU' ? 'xen' : 'loader';
}

/** The findings behind each link: the subject's own ones by rule or place, the targets' ones by place. */
function findingsByLink(ctx: LinkContext, chain: SubjectChain): Map<LinkKind, ShownFinding[]> {
  const { subject } = chain;
  const out = new Map<LinkKind, ShownFinding[]>();
  const add = (kind: LinkKind, f: Finding): void => {
    const severity = ctx.severityOf(f);
    if (severity) out.set(kind, [...(out.get(kind) ?? []), { finding: f, severity }]);
  };
  const own = ownPart(ctx.site, subject);
  for (const f of ctx.findings.get(subject.uri) ?? []) if (own(f.span)) add(linkOfOwnFinding(f, subject), f);
  const targets: [LinkKind, SiteLocation][] = [
    ...chain.hosts.map((h): [LinkKind, SiteLocation] => [
      'dhcp',
      { uri: h.file.uri, span: h.host.statement.span },
    ]),
    ...exportTargets(chain).map((l): [LinkKind, SiteLocation] => ['export', l]),
  ];
  if (chain.kconfig)
    targets.push(['kconfig', { uri: chain.kconfig.uri, span: wholeFile(chain.kconfig.text) }]);
  for (const [kind, t] of targets) {
    if (t.uri === subject.uri) continue;
    for (const f of ctx.findings.get(t.uri) ?? []) if (spanContains(t.span, f.span.start)) add(kind, f);
  }
  return out;
}

function wholeFile(text: string): Span {
  return { start: 0, end: text.length };
}

/** The export line that serves the root, else the nearest ones. */
function exportTargets(chain: SubjectChain): SiteLocation[] {
  const l = chain.lookup;
  if (!l) return [];
  if (l.served) return [{ uri: l.served.uri, span: l.served.entry.span }];
  return l.nearest.map((n) => ({ uri: n.uri, span: n.entry.span }));
}

/** A link's description and whether it could be followed, before its findings are weighed. */
interface LinkDraft {
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

function dhcpLink(chain: SubjectChain): LinkDraft | undefined {
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

function bootLinks(chain: SubjectChain): LinkDraft[] {
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

function kernelLinks(site: SiteModel, chain: SubjectChain): LinkDraft[] {
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

function nfsLinks(chain: SubjectChain): LinkDraft[] {
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
  const name = `${root.server ?? '?'}:${root.path ?? '?'}`;
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

function statusOf(draft: LinkDraft, findings: readonly ShownFinding[]): LinkStatus {
  if (findings.some((f) => f.severity === 'error')) return 'error';
  if (findings.some((f) => f.severity === 'warning')) return 'warning';
  return draft.resolved ? 'ok' : 'unknown';
}

/** The links of one subject's chain, with the findings behind each and their statuses. */
export function subjectLinks(ctx: LinkContext, subject: BootSubject): SubjectLinks {
  const chain = subjectChain(ctx.site, subject);
  const drafts = [dhcpLink(chain), ...bootLinks(chain), ...kernelLinks(ctx.site, chain), ...nfsLinks(chain)];
  const present = drafts.flatMap((d) => (d ? [d] : []));
  const byLink = findingsByLink(ctx, chain);
  // A finding whose link is not drawn (e.g. kernel/* without a kernel) stays visible on the subject's own.
  const own: LinkKind = subject.kind === 'domU' ? 'xen' : 'loader';
  for (const [kind, list] of byLink) {
    if (kind !== own && !present.some((d) => d.kind === kind))
      byLink.set(own, [...(byLink.get(own) ?? []), ...list]);
  }
  const links = present.map((d) => {
    const findings = byLink.get(d.kind) ?? [];
    return { ...d, status: statusOf(d, findings), findings };
  });
  return { subject, chain, links, status: worstStatus(links.map((l) => l.status)) };
}
