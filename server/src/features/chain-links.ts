import type { Finding } from '../core/finding';
import type { Severity } from '../core/severity';
import { spanContains } from '../core/text';
import type { Span } from '../core/text';
import type { SiteModel } from '../rules/site/site-model';
import type { BootSubject } from '../rules/site/subjects';
import { bootLinks, dhcpLink, exportTargets, kernelLinks, nfsLinks } from './chain-link-drafts';
import type { LinkDraft } from './chain-link-drafts';
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

const RANK: Readonly<Record<LinkStatus, number>> = { ok: 0, unknown: 1, warning: 2, error: 3 };

/** The worse of statuses (error > warning > unknown > ok). */
export function worstStatus(statuses: readonly LinkStatus[]): LinkStatus {
  return statuses.reduce<LinkStatus>((w, s) => (RANK[s] > RANK[w] ? s : w), 'ok');
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
