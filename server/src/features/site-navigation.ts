import { spanContains } from '../core/text';
import type { Span } from '../core/text';
import type { DhcpStatement } from '../formats/dhcp/ast';
import { hostsByMac } from '../formats/dhcp/model';
import { parseFileName } from '../formats/grub/device';
import type { DhcpFile } from '../rules/dhcp/types';
import { isGrubFile } from '../rules/grub/types';
import type { SiteModel } from '../rules/site/site-model';
import type { BootSubject } from '../rules/site/subjects';
import type { AnalysedFile } from '../workspace/analysed-file';
import type { Workspace } from '../workspace/workspace';
import { addressReference, exportLines, rootReference, subjectChain } from './site-chain';
import type { SiteLocation, SubjectChain } from './site-chain';

/**
 * Navigation across the files of one boot (issue 5, "Navigation"): from `nfsroot=`/`nfs_root` to the export
 * line that serves it, from a vif `mac=` or an `ip=` address to the DHCP host block, from `kernel` to its
 * `.config`, from DHCP `filename`/`option option-150` paths to the menu file; and back, from an export line,
 * a DHCP host block, a `.config` or a menu to what uses it. Pure: the site model in, locations out.
 */

/** What navigation reads: the site model, every analysed file, and how a written path resolves. */
export interface NavigationContext {
  readonly site: SiteModel;
  readonly files: readonly AnalysedFile[];
  /** The URIs of the files a path written in `fromUri` names (absolute on its host, or relative). */
  resolvePath(fromUri: string, path: string): readonly string[];
}

/** The navigation context of a workspace: its site model, analysed files and reference resolution. */
export function navigationOf(workspace: Workspace): NavigationContext {
  return {
    site: workspace.siteModel(),
    files: workspace.allFiles().flatMap((f) => workspace.analysedFile(f.uri) ?? []),
    resolvePath: (from, target) => workspace.resolveReference(from, target),
  };
}

const START: Span = { start: 0, end: 0 };

/** DHCP statements whose value names a file the client loads over TFTP (dhcp-options(5), PXELINUX option 209). */
const PATH_KEYS = new Set([
  'filename',
  'option option-150',
  'option pxelinux.configfile',
  'option bootfile-name',
]);

function keyOf(s: DhcpStatement): string | undefined {
  if (s.kind === 'parameter' && s.parameter) return s.parameter.toLowerCase();
  if (s.kind === 'option' && s.option) {
    const space = s.option.space.toLowerCase();
    return `option ${space === 'dhcp' ? '' : `${space}.`}${s.option.name.toLowerCase()}`;
  }
  return undefined;
}

/** Every statement of a dhcpd.conf that names a boot file, with the path and where it is written. */
function dhcpPaths(file: DhcpFile): { path: string; span: Span }[] {
  const out: { path: string; span: Span }[] = [];
  const walk = (list: readonly DhcpStatement[]): void => {
    for (const s of list) {
      const key = keyOf(s);
      const word = key && PATH_KEYS.has(key) ? s.values?.[0] : undefined;
      if (word) out.push({ path: word.text.replace(/^"|"$/g, ''), span: word.span });
      if (s.body) walk(s.body);
    }
  };
  walk(file.ast.statements);
  return out.filter((p) => p.path !== '');
}

function subjectsOf(site: SiteModel, uri: string): BootSubject[] {
  return site.subjects.filter((s) => s.uri === uri);
}

function hostLocation(file: DhcpFile, statement: DhcpStatement): SiteLocation {
  return { uri: file.uri, span: statement.span };
}

/** Definition from inside a subject's file, or undefined when `offset` is on none of its references. */
function subjectDefinition(
  site: SiteModel,
  subject: BootSubject,
  offset: number,
): SiteLocation[] | undefined {
  const on = (span: Span | undefined): boolean => span !== undefined && spanContains(span, offset);
  const chain = (): SubjectChain => subjectChain(site, subject);
  if (on(rootReference(subject))) return exportLines(chain());
  if (subject.kernel && on(subject.kernel.span)) {
    const k = site.kconfigFor(subject);
    return k ? [{ uri: k.uri, span: k.model.version?.span ?? START }] : [];
  }
  const mac = subject.macs.find((m) => m.span.end > m.span.start && on(m.span));
  if (mac) {
    return site.dhcpFiles.flatMap((f) =>
      hostsByMac(f.model, mac.mac).map((h) => hostLocation(f, h.statement)),
    );
  }
  if (on(addressReference(subject))) return chain().hosts.map((h) => hostLocation(h.file, h.host.statement));
  return undefined;
}

/** Go to definition across files at `offset` of `uri`; empty when the offset is on no cross-file reference. */
export function siteDefinition(ctx: NavigationContext, uri: string, offset: number): SiteLocation[] {
  for (const subject of subjectsOf(ctx.site, uri)) {
    const found = subjectDefinition(ctx.site, subject, offset);
    if (found) return found;
  }
  const dhcp = ctx.site.dhcpFiles.find((f) => f.uri === uri);
  const ref = dhcp ? dhcpPaths(dhcp).find((p) => spanContains(p.span, offset)) : undefined;
  return ref ? ctx.resolvePath(uri, ref.path).map((target) => ({ uri: target, span: START })) : [];
}

function sameLocation(a: SiteLocation, b: SiteLocation): boolean {
  return a.uri === b.uri && a.span.start === b.span.start && a.span.end === b.span.end;
}

/** The subjects whose root leads to the export line at `offset` of an exports file, at their root reference. */
function exportReferences(site: SiteModel, uri: string, offset: number): SiteLocation[] {
  const file = site.exportsFiles.find((f) => f.uri === uri);
  const entry = file?.ast.entries.find((e) => spanContains(e.span, offset));
  if (!entry) return [];
  const target = { uri, span: entry.span };
  return site.subjects.flatMap((s) =>
    exportLines(subjectChain(site, s)).some((l) => sameLocation(l, target))
      ? [{ uri: s.uri, span: rootReference(s) ?? s.anchor }]
      : [],
  );
}

/** The subjects DHCP answers with the host block at `offset`, at their MAC (else their `ip=`, else their name). */
function dhcpHostReferences(site: SiteModel, file: DhcpFile, offset: number): SiteLocation[] {
  const hosts = file.model.hosts.filter((h) => spanContains(h.statement.span, offset));
  const host = hosts.sort((a, b) => b.statement.span.start - a.statement.span.start)[0];
  if (!host) return [];
  return site.subjects.flatMap((s) => {
    const chain = subjectChain(site, s);
    if (!chain.hosts.some((h) => h.host === host)) return [];
    const mac = s.macs.find((m) => m.mac === host.mac && m.span.end > m.span.start);
    return [{ uri: s.uri, span: mac?.span ?? addressReference(s) ?? s.anchor }];
  });
}

/** The references that name the file `uri` as a boot file: DHCP `filename`/`option-150`, GRUB `configfile`. */
function menuReferences(ctx: NavigationContext, uri: string): SiteLocation[] {
  const out: SiteLocation[] = [];
  for (const d of ctx.site.dhcpFiles) {
    for (const p of dhcpPaths(d))
      if (ctx.resolvePath(d.uri, p.path).includes(uri)) out.push({ uri: d.uri, span: p.span });
  }
  for (const g of ctx.files.filter(isGrubFile)) {
    for (const cmd of g.ast.commands) {
      const word = cmd.spec?.name === 'configfile' ? cmd.args[0] : undefined;
      const f = word ? parseFileName(word.text) : undefined;
      if (word && f?.kind === 'path' && ctx.resolvePath(g.uri, f.path).includes(uri))
        out.push({ uri: g.uri, span: word.span });
    }
  }
  return out;
}

/** Find references across files at `offset` of `uri`: what uses the export line, DHCP host, `.config` or menu. */
export function siteReferences(ctx: NavigationContext, uri: string, offset: number): SiteLocation[] {
  const site = ctx.site;
  if (site.exportsFiles.some((f) => f.uri === uri)) return exportReferences(site, uri, offset);
  const dhcp = site.dhcpFiles.find((f) => f.uri === uri);
  if (dhcp) return dhcpHostReferences(site, dhcp, offset);
  const kconfig = site.kconfigs.find((k) => k.uri === uri);
  if (kconfig) {
    return site.subjects.flatMap((s) =>
      s.kernel && site.kconfigFor(s) === kconfig ? [{ uri: s.uri, span: s.kernel.span }] : [],
    );
  }
  return menuReferences(ctx, uri);
}
