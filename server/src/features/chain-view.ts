import { spanContains } from '../core/text';
import type { Span } from '../core/text';
import type { Severity } from '../core/severity';
import { addressText } from './chain-link-drafts';
import { subjectLinks } from './chain-links';
import type { LinkContext, LinkKind, LinkStatus, SubjectLinks } from './chain-links';

/**
 * The boot chain view's wire format (`xenNfsBoot/bootChain`, `xenNfsBoot/overview`): the links of
 * `chain-links.ts` with LSP ranges, as the client's webview and Machines tree draw them. The client imports
 * these types only (`import type`), so its bundle carries no server code.
 */

/** Custom request: the chains of the subject(s) of a file (at a position: the one there). */
export const BOOT_CHAIN_REQUEST = 'xenNfsBoot/bootChain';
/** Custom request: every machine of the site with its status and chain. */
export const OVERVIEW_REQUEST = 'xenNfsBoot/overview';

/** An LSP range. */
export interface ViewRange {
  readonly start: { readonly line: number; readonly character: number };
  readonly end: { readonly line: number; readonly character: number };
}

/** Parameters of `xenNfsBoot/bootChain`. */
export interface BootChainParams {
  readonly uri: string;
  readonly position?: { readonly line: number; readonly character: number };
}

/** A diagnostic behind a link, as the Problems panel shows it. */
export interface LinkDiagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly uri: string;
  readonly range: ViewRange;
}

/** One link, with the place to open. */
export interface LinkView {
  readonly kind: LinkKind;
  readonly title: string;
  readonly detail: string;
  readonly status: LinkStatus;
  readonly uri: string;
  readonly range: ViewRange;
  readonly diagnostics: readonly LinkDiagnostic[];
}

/** One machine (a domU or a boot-loader entry) and its chain. */
export interface ChainView {
  readonly name: string;
  readonly kind: 'domU' | 'machine';
  /** The address it boots with, or how it gets one (`DHCP range`, `unknown`). */
  readonly address: string;
  /** `server:path`, or undefined when the root is not NFS. */
  readonly root: string | undefined;
  /** The worst status of its links. */
  readonly status: LinkStatus;
  readonly uri: string;
  readonly range: ViewRange;
  readonly links: readonly LinkView[];
}

/** The answer of both requests. */
export interface ChainsResult {
  readonly chains: readonly ChainView[];
}

/** Converts a span of a file to an LSP range (the server's line indexes). */
export type RangeOf = (uri: string, span: Span) => ViewRange;

/** `server:path`, or what is missing of it. */
function rootText(server: string | undefined, path: string | undefined): string {
  if (server === undefined && path === undefined) return 'NFS, no server known';
  return `${server ?? '?'}:${path ?? '?'}`;
}

function toView(s: SubjectLinks, rangeOf: RangeOf): ChainView {
  const root = s.chain.root;
  return {
    name: s.subject.label,
    kind: s.subject.kind,
    address: addressText(s.chain),
    root: root ? rootText(root.server, root.path) : undefined,
    status: s.status,
    uri: s.subject.uri,
    range: rangeOf(s.subject.uri, s.subject.anchor),
    links: s.links.map((l) => ({
      kind: l.kind,
      title: l.title,
      detail: l.detail,
      status: l.status,
      uri: l.location.uri,
      range: rangeOf(l.location.uri, l.location.span),
      diagnostics: l.findings.map(({ finding: f, severity }) => ({
        code: f.ruleId,
        severity,
        message: f.message,
        uri: f.uri,
        range: rangeOf(f.uri, f.span),
      })),
    })),
  };
}

/** Whether `offset` of `uri` is on the subject's own part of its file or on one of its links. */
function touches(s: SubjectLinks, uri: string, offset: number | undefined): boolean {
  const spans = s.links.filter((l) => l.location.uri === uri).map((l) => l.location.span);
  if (offset === undefined) return spans.length > 0;
  return spans.some((span) => spanContains(span, offset));
}

/**
 * The chains a file shows: its own subjects (at `offset`, the entry it falls in: the last one starting at or
 * before it); for a file that describes no boot (exports, dhcpd.conf, .config), the chains that pass through
 * it (at `offset`, those whose link sits there, else all of them).
 */
export function chainsOfFile(ctx: LinkContext, uri: string, offset: number | undefined): SubjectLinks[] {
  const own = ctx.site.subjects.filter((s) => s.uri === uri).sort((a, b) => a.anchor.start - b.anchor.start);
  if (own.length > 0) {
    const at = offset === undefined ? own : [own.filter((s) => s.anchor.start <= offset).at(-1) ?? own[0]];
    return at.map((s) => subjectLinks(ctx, s));
  }
  const all = ctx.site.subjects.map((s) => subjectLinks(ctx, s)).filter((s) => touches(s, uri, undefined));
  const here = offset === undefined ? [] : all.filter((s) => touches(s, uri, offset));
  return here.length > 0 ? here : all;
}

/** The answer of `xenNfsBoot/bootChain`. */
export function bootChainView(
  ctx: LinkContext,
  uri: string,
  offset: number | undefined,
  rangeOf: RangeOf,
): ChainsResult {
  return { chains: chainsOfFile(ctx, uri, offset).map((s) => toView(s, rangeOf)) };
}

/** The answer of `xenNfsBoot/overview`: every subject of the site, sorted by name. */
export function overviewView(ctx: LinkContext, rangeOf: RangeOf): ChainsResult {
  const chains = ctx.site.subjects.map((s) => toView(subjectLinks(ctx, s), rangeOf));
  return { chains: chains.sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true })) };
}
