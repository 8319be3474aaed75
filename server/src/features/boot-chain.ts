import { LineIndex, spanContains } from '../core/text';
import type { Span } from '../core/text';
import { formatIpv4 } from '../core/ipv4';
import type { SiteModel } from '../rules/site/site-model';
import type { BootSubject } from '../rules/site/subjects';
import { addressReference, rootReference, subjectChain } from './site-chain';
import type { SiteLocation, SubjectChain } from './site-chain';

/**
 * The boot chain at a glance (issue 5, "Navigation"): one line per domain config and boot-loader entry,
 * e.g. "address 192.168.2.10 (DHCP host web1) · root 192.168.2.1:/export/web1 (exports line 2: rw,
 * no_root_squash) · kernel config OK", or what is missing. Read from `resolve.ts` and the format models
 * the cross-file rules use (`site-chain.ts`); it judges nothing the rules do not.
 */

/** One part of the summary, and where its problem sits when it has one. */
interface Part {
  readonly text: string;
  readonly problem?: SiteLocation;
}

/** The summary of one subject. */
export interface BootChainSummary {
  readonly subject: BootSubject;
  /** Where the summary belongs: the domain's `name`, the entry's title. */
  readonly anchor: Span;
  readonly text: string;
  /** Where the first missing link sits (the reference that fails), if any. */
  readonly firstProblem: SiteLocation | undefined;
}

const SEPARATOR = ' · ';

function addressPart(chain: SubjectChain): Part {
  const { address, hosts, subject } = chain;
  const host = hosts[0]?.host.name.text;
  const at = { uri: subject.uri, span: addressReference(subject) ?? subject.anchor };
  if (address.how === 'static')
    return { text: `address ${address.address} (${host ? `DHCP host ${host}` : 'static'})` };
  if (address.how === 'dhcp-fixed') return { text: `address ${address.address} (DHCP host ${host ?? '?'})` };
  if (address.how === 'dhcp-dynamic') {
    const r = address.dhcp.flatMap((d) => d.answer.ranges)[0];
    return {
      text: r
        ? `address from DHCP range ${formatIpv4(r.low)}–${formatIpv4(r.high)}`
        : 'address from a DHCP range',
    };
  }
  // A boot-loader entry names no MAC unless its file does (pxelinux.cfg/01-<mac>): nothing to look up.
  if (address.usesDhcp && subject.macs.length === 0) return { text: 'address by DHCP (no MAC known)' };
  if (address.usesDhcp) return { text: 'no DHCP host for its MAC', problem: at };
  return { text: 'no address (no ip=)', problem: subject.boot.rootIsNfs ? at : undefined };
}

function exportWhere(chain: SubjectChain, uri: string, span: Span): string {
  const file = chain.exports?.files.find((f) => f.uri === uri);
  const line = file ? new LineIndex(file.text).position(span.start).line + 1 : 0;
  const base = uri.slice(uri.lastIndexOf('/') + 1);
  return `${base === 'exports' ? 'exports' : base} line ${line}`;
}

function rootPart(chain: SubjectChain): Part {
  const { root, subject, lookup } = chain;
  if (!root) return { text: `root ${subject.boot.root?.value ?? 'not set'} (not NFS)` };
  const at = { uri: subject.uri, span: rootReference(subject) ?? root.anchor };
  if (root.server === undefined) return { text: 'root: no NFS server known', problem: at };
  const name = `root ${root.server}:${root.path ?? '?'}`;
  if (!chain.exports) return { text: `${name} (no exports file for ${root.server})`, problem: at };
  if (!lookup) return { text: `${name} (no path)`, problem: at };
  const served = lookup.served;
  if (served) {
    const o = served.options;
    const options = `${o.readOnly ? 'ro' : 'rw'}, ${o.rootSquash ? 'root_squash' : 'no_root_squash'}`;
    const parent = served.exact ? '' : `parent ${served.entry.path.value} on `;
    return { text: `${name} (${parent}${exportWhere(chain, served.uri, served.entry.span)}: ${options})` };
  }
  const near = lookup.nearest[0];
  if (!near) return { text: `${name} (no export serves it)`, problem: at };
  const who = chain.address.address ?? 'its unknown address';
  return {
    text: `${name} (not exported to ${who}: ${exportWhere(chain, near.uri, near.entry.span)})`,
    problem: at,
  };
}

function kernelPart(chain: SubjectChain): Part | undefined {
  const { subject, kconfig, requirements } = chain;
  if (!subject.kernel) return undefined;
  if (subject.initrd) return { text: 'initrd mounts the root' };
  const at = { uri: subject.uri, span: subject.kernel.span };
  if (!kconfig) return { text: 'no .config mapped', problem: subject.boot.rootIsNfs ? at : undefined };
  if (!requirements) return { text: 'kernel config found' };
  const missing = [...new Set(requirements.problems.map((p) => p.symbol))];
  if (missing.length === 0) return { text: 'kernel config OK' };
  return { text: `kernel config lacks ${missing.map((s) => `${s}=y`).join(', ')}`, problem: at };
}

/** The summary of one subject's boot chain. */
export function bootChainOf(site: SiteModel, subject: BootSubject): BootChainSummary {
  const chain = subjectChain(site, subject);
  const parts = [addressPart(chain), rootPart(chain), kernelPart(chain)].filter(
    (p): p is Part => p !== undefined,
  );
  return {
    subject,
    anchor: subject.anchor,
    text: parts.map((p) => p.text).join(SEPARATOR),
    firstProblem: parts.find((p) => p.problem)?.problem,
  };
}

/** The summaries of every subject in the file `uri`, for CodeLenses. */
export function bootChainsIn(site: SiteModel, uri: string): BootChainSummary[] {
  return site.subjects.filter((s) => s.uri === uri).map((s) => bootChainOf(site, s));
}

/** The summary to append to the hover at `offset`: on a subject's name/title or its kernel. */
export function bootChainHover(site: SiteModel, uri: string, offset: number): BootChainSummary | undefined {
  const subject = site.subjects.find(
    (s) =>
      s.uri === uri &&
      (spanContains(s.anchor, offset) || (s.kernel !== undefined && spanContains(s.kernel.span, offset))),
  );
  return subject ? bootChainOf(site, subject) : undefined;
}
