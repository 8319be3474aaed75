import type { Finding, FixSpec, RelatedLocation } from '../../core/finding';
import { formatIpv4, parseIpv4 } from '../../core/ipv4';
import type { Span } from '../../core/text';
import { hostsByAddress, rangesContaining } from '../../formats/dhcp/model';
import type { DhcpRange } from '../../formats/dhcp/model';
import type { VifSpec } from '../../formats/xen/vif';
import type { DhcpFile } from '../dhcp/types';
import {
  freeAddress,
  generatedMac,
  hostBlockFix,
  hostNameFor,
  useFixedAddressFix,
  vifMacFix,
} from './net-fixes';
import {
  firstLineSpan,
  hostsForMac,
  hostsNamedFor,
  knownMacs,
  rangesServing,
  subnetOfSubject,
} from './net-machines';
import type { KnownMac, SiteHost, SiteSubnet } from './net-machines';
import type { SiteModel } from './site-model';
import { paramSpan } from './subjects';
import type { BootSubject } from './subjects';

/**
 * The `net/*` rules (shared RULES.md, "Across files"): a booting machine's address against the site's
 * dhcpd.conf. A diagnostic sits on the reference that fails (the `ip=` parameter, for xm the `ip` key; the
 * vif; a pxelinux.cfg/01-<mac> file's first line) with the host block or range as related information.
 */

/** How the machine asks DHCP, for messages, and where that is written. */
interface DhcpUse {
  readonly how: string;
  readonly anchor: Span;
}

function who(subject: BootSubject): string {
  if (subject.kind === 'domU') return subject.label.trim();
  if (subject.pxelinuxMachine?.kind === 'mac') return `The machine ${subject.pxelinuxMachine.mac}`;
  return `The machine booting '${subject.label}'`;
}

function subnetText(s: SiteSubnet): string {
  return `${formatIpv4(s.subnet.network)}/${s.subnet.prefix ?? formatIpv4(s.subnet.mask)}`;
}

/**
 * Whether (and how) the kernel asks DHCP for its address (net/ipv4/ipconfig.c), or PXE did: PXELINUX reads
 * pxelinux.cfg/01-<mac> only after the PXE firmware got a DHCP answer (syslinux doc/pxelinux.txt), and such a
 * machine is named by the file, so its diagnostic sits on the first line, once for all labels.
 */
function dhcpUse(site: SiteModel, subject: BootSubject): DhcpUse | undefined {
  const ip = subject.boot.ip;
  const parsed = ip?.parsed;
  const kernelDhcp = ip && parsed?.usesAutoconf && parsed.client === undefined && parsed.autoconf !== 'rarp';
  if (subject.pxelinuxMachine?.kind === 'mac') {
    const how = kernelDhcp && ip ? `ip=${ip.param.value ?? ''}` : 'PXE';
    return { how, anchor: firstLineSpan(site.textOf(subject.uri)) };
  }
  if (!kernelDhcp || !ip) return undefined;
  const xmDhcp = subject.xen?.domain.commandLine.origin === 'xm' && subject.xen.domain.settings.has('dhcp');
  return {
    how: xmDhcp ? 'dhcp = "dhcp"' : `ip=${ip.param.value ?? ''}`,
    anchor: paramSpan(subject, ip.param),
  };
}

function hostRelated(h: SiteHost, message: string, at: 'head' | 'fixed' = 'head'): RelatedLocation {
  const s = h.host.statement;
  const fixed = h.host.fixedAddress;
  const span =
    at === 'fixed' && fixed ? fixed.span : { start: s.keyword.span.start, end: h.host.name.span.end };
  return { uri: h.file.uri, span, message };
}

function subnetRelated(s: SiteSubnet, message: string): RelatedLocation {
  const st = s.subnet.statement;
  const head = st.words[st.words.length - 1]?.span.end ?? st.keyword.span.end;
  return { uri: s.file.uri, span: { start: st.keyword.span.start, end: head }, message };
}

function noDhcpConf(subject: BootSubject, use: DhcpUse): Finding {
  const machine = use.how === 'PXE' ? 'PXE-boots with DHCP' : `boots with DHCP (${use.how})`;
  return {
    ruleId: 'net/no-dhcp-host',
    uri: subject.uri,
    span: use.anchor,
    severity: 'information',
    message:
      `${who(subject)} ${machine}, but the workspace has no dhcpd.conf to check that a DHCP server answers it: ` +
      'add the DHCP server’s dhcpd.conf to the workspace (with a topology file, under the `root` of the host ' +
      'that runs dhcpd, e.g. `<root>/etc/dhcp/dhcpd.conf`)',
  };
}

/** The subnet a host block for the subject goes into: its own, else the site's only subnet. */
function targetSubnet(site: SiteModel, own: SiteSubnet | undefined): SiteSubnet | undefined {
  if (own) return own;
  const all = site.dhcpFiles.flatMap((file) => file.model.subnets.map((subnet) => ({ file, subnet })));
  return all.length === 1 ? all[0] : undefined;
}

function addHostFix(
  site: SiteModel,
  subject: BootSubject,
  mac: string,
  own: SiteSubnet | undefined,
): FixSpec[] {
  const where = targetSubnet(site, own);
  const address = where ? freeAddress(site, where) : undefined;
  if (!where || address === undefined) return [];
  const wanted =
    subject.kind === 'domU'
      ? subject.label
      : (subject.boot.ip?.parsed.hostname ?? `pxe-${mac.replace(/:/g, '')}`);
  return [hostBlockFix(where, hostNameFor(site, wanted), mac, address)];
}

function noHostForMac(site: SiteModel, subject: BootSubject, use: DhcpUse, mac: KnownMac): Finding {
  const own = subnetOfSubject(site, subject);
  const named = hostsNamedFor(site, subject);
  const pxe = use.how === 'PXE' ? 'PXE-boots with DHCP' : `boots with DHCP (${use.how})`;
  const ranges = own
    ? `no dynamic range serves ${subnetText(own)}`
    : 'no dynamic range of the site serves it';
  const related = named.map((h) =>
    hostRelated(
      h,
      `host ${h.host.name.text} has hardware ethernet ${h.host.mac ?? '(none)'}, not ${mac.mac}`,
    ),
  );
  if (own) related.push(subnetRelated(own, `subnet ${subnetText(own)}: no range leases to unknown clients`));
  return {
    ruleId: 'net/no-dhcp-host',
    uri: subject.uri,
    span: mac.span ?? use.anchor,
    message: `${who(subject)} ${pxe}, but no DHCP host block has hardware ethernet ${mac.mac} and ${ranges}: dhcpd will not answer it`,
    related,
    fixes: addHostFix(site, subject, mac.mac, own),
  };
}

/** The vif the kernel configures: the one `ip=`'s device field names (`eth1` → the second vif), else the first random one. */
function randomVif(subject: BootSubject): VifSpec | undefined {
  const vifs = subject.xen?.domain.vifs ?? [];
  const random = (v: VifSpec | undefined): boolean =>
    v !== undefined && !v.pairs.some((p) => p.key === 'mac');
  const device = /^eth(\d+)$/.exec(subject.boot.ip?.parsed.device ?? '')?.[1];
  const named = device !== undefined ? vifs[Number(device)] : undefined;
  return random(named) ? named : vifs.find(random);
}

function randomMac(
  site: SiteModel,
  subject: BootSubject,
  vif: VifSpec,
  named: SiteHost[],
  own: SiteSubnet | undefined,
): Finding {
  const name = who(subject);
  const first = named[0];
  const why = first
    ? `so the DHCP host block ${first.host.name.text} (hardware ethernet ${first.host.mac ?? 'none'}) never matches it`
    : `and no dynamic range serves ${own ? subnetText(own) : 'it'}: only a host block for a fixed MAC can give it an address`;
  const related = named.map((h) => hostRelated(h, `host ${h.host.name.text}, meant for ${name}`));
  if (!first && own)
    related.push(subnetRelated(own, `subnet ${subnetText(own)} has no range for unknown clients`));
  const fixes: FixSpec[] = [];
  const used = new Set(site.subjects.flatMap((s) => s.macs.map((m) => m.mac)));
  if (first?.host.mac && !used.has(first.host.mac)) {
    const title = `Give the vif the MAC of DHCP host ${first.host.name.text} (${first.host.mac})`;
    const fix = vifMacFix(site, subject, vif, first.host.mac, title);
    if (fix) fixes.push({ ...fix, preferred: true });
  }
  const index = subject.xen?.domain.vifs.indexOf(vif) ?? 0;
  const seed = index > 0 ? `${name}#${index}` : name;
  const generated = vifMacFix(site, subject, vif, generatedMac(site, seed), 'Give the vif a fixed MAC');
  if (generated) fixes.push(generated);
  return {
    ruleId: 'net/random-mac',
    uri: subject.uri,
    span: vif.span,
    message: `${name} boots with DHCP, but this vif has no fixed MAC: Xen picks a new random one at each start, ${why}`,
    related,
    fixes,
  };
}

/** no-dhcp-host and random-mac for a machine that asks DHCP for its address. */
function dhcpChecks(site: SiteModel, subject: BootSubject, use: DhcpUse): Finding[] {
  const macs = knownMacs(site, subject);
  if (macs.some((m) => hostsForMac(site, m.mac).length > 0)) return [];
  const own = subnetOfSubject(site, subject);
  const served = rangesServing(site, own).length > 0;
  if (macs.length > 0) return served ? [] : [noHostForMac(site, subject, use, macs[0])];
  const vif = randomVif(subject);
  if (!vif) return [];
  const named = hostsNamedFor(site, subject);
  return named.length > 0 || !served ? [randomMac(site, subject, vif, named, own)] : [];
}

function mismatch(
  site: SiteModel,
  subject: BootSubject,
  address: number,
  macs: KnownMac[],
): Finding | undefined {
  for (const m of macs) {
    const hosts = hostsForMac(site, m.mac).filter((h) =>
      h.host.fixedAddresses.some((a) => a.value !== undefined),
    );
    if (hosts.length === 0 || hosts.some((h) => h.host.fixedAddresses.some((a) => a.value === address)))
      continue;
    const h = hosts[0];
    const fixed = h.host.fixedAddresses.find((a) => a.value !== undefined)?.text ?? '';
    const ip = subject.boot.ip;
    if (!ip) return undefined;
    const fix = useFixedAddressFix(site, subject, fixed);
    return {
      ruleId: 'net/ip-mismatch',
      uri: subject.uri,
      span: paramSpan(subject, ip.param),
      message: `${who(subject)} boots as ${formatIpv4(address)}, but DHCP gives its MAC ${m.mac} the fixed address ${fixed} (host ${h.host.name.text})`,
      related: [
        hostRelated(h, `host ${h.host.name.text} gives ${m.mac} the fixed address ${fixed}`, 'fixed'),
      ],
      fixes: fix ? [fix] : [],
    };
  }
  return undefined;
}

function rangeText(r: DhcpRange): string {
  return r.low === r.high ? formatIpv4(r.low) : `${formatIpv4(r.low)}–${formatIpv4(r.high)}`;
}

function conflict(
  site: SiteModel,
  subject: BootSubject,
  address: number,
  macs: KnownMac[],
): Finding | undefined {
  const ours = new Set(macs.map((m) => m.mac));
  const named = new Set(hostsNamedFor(site, subject).map((h) => h.host));
  const ownFixed = macs.some((m) =>
    hostsForMac(site, m.mac).some((h) => h.host.fixedAddresses.some((a) => a.value === address)),
  );
  const others = site.dhcpFiles.flatMap((file: DhcpFile) =>
    hostsByAddress(file.model, address)
      .filter((h) => h.mac !== undefined && !ours.has(h.mac) && (macs.length > 0 || !named.has(h)))
      .map((host) => ({ file, host })),
  );
  const ranges = ownFixed
    ? []
    : site.dhcpFiles.flatMap((file) =>
        rangesContaining(file.model, address).map((range) => ({ file, range })),
      );
  const ip = subject.boot.ip;
  if ((others.length === 0 && ranges.length === 0) || !ip) return undefined;
  const a = formatIpv4(address);
  const because = others[0]
    ? `DHCP gives that address to another machine: host ${others[0].host.name.text} (hardware ethernet ${others[0].host.mac ?? ''})`
    : `it lies in the dynamic range ${rangeText(ranges[0].range)}: dhcpd may lease it to another machine`;
  const related = [
    ...others.map((h) => hostRelated(h, `host ${h.host.name.text} has the fixed address ${a}`, 'fixed')),
    ...ranges.map(({ file, range }) => ({
      uri: file.uri,
      span: range.statement.span,
      message: `dynamic range ${rangeText(range)}`,
    })),
  ];
  return {
    ruleId: 'net/ip-conflict',
    uri: subject.uri,
    span: paramSpan(subject, ip.param),
    message: `${who(subject)} boots as ${a}, but ${because}`,
    related,
  };
}

/** ip-mismatch and ip-conflict for a machine with a static address. */
function staticChecks(site: SiteModel, subject: BootSubject): Finding[] {
  const client = subject.boot.ip?.parsed.client;
  const address = client !== undefined ? parseIpv4(client) : undefined;
  if (address === undefined) return [];
  const macs = knownMacs(site, subject);
  return [mismatch(site, subject, address, macs), conflict(site, subject, address, macs)].flatMap(
    (f) => f ?? [],
  );
}

/**
 * The checks of one subject. A pxelinux.cfg/01-<mac> file names one machine for all its labels: its DHCP
 * question is asked once per file (`asked` holds the files done), so a fix is computed once too.
 */
function checkSubject(site: SiteModel, subject: BootSubject, asked: Set<string>): Finding[] {
  // A domU without a vif has no network interface at all (xl.cfg(5) `vif`): nothing to check against DHCP.
  if (subject.kind === 'domU' && (subject.xen?.domain.vifs.length ?? 0) === 0) return [];
  const perFile = subject.pxelinuxMachine?.kind === 'mac';
  const use = perFile && asked.has(subject.uri) ? undefined : dhcpUse(site, subject);
  if (perFile) asked.add(subject.uri);
  if (site.dhcpFiles.length === 0) return use ? [noDhcpConf(subject, use)] : [];
  return [...(use ? dhcpChecks(site, subject, use) : []), ...staticChecks(site, subject)];
}

/**
 * The `net/*` check: the address of each of `subjects` (by default every subject of the site) against the
 * site's DHCP, said once per reference.
 */
export function checkNet(site: SiteModel, subjects: Iterable<BootSubject> = site.subjects): Finding[] {
  const seen = new Set<string>();
  const asked = new Set<string>();
  const out: Finding[] = [];
  for (const s of subjects) {
    for (const f of checkSubject(site, s, asked)) {
      const key = `${f.ruleId} ${f.uri} ${f.span.start} ${f.span.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(f);
    }
  }
  return out;
}
