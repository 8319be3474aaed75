import type { Span } from '../../core/text';
import { parseIpv4 } from '../../core/ipv4';
import { bootAnswer } from '../../formats/dhcp/model';
import type { DhcpBootAnswer } from '../../formats/dhcp/model';
import { ExportTable } from '../../formats/exports/model';
import { versionFromFileName } from '../../formats/kconfig/model';
import type { AnalysedFile } from '../../workspace/analysed-file';
import { hostOf } from '../../workspace/hosts';
import type { Topology, TopologyHost } from '../../workspace/topology';
import { isDhcpFile } from '../dhcp/types';
import type { DhcpFile } from '../dhcp/types';
import { isExportsFile } from '../exports/types';
import type { ExportsFile } from '../exports/types';
import { isKconfigFile } from '../kconfig/types';
import type { KconfigFile } from '../kconfig/types';
import { bootSubjects } from './subjects';
import type { BootSubject } from './subjects';

/** The exports that an NFS server address resolves to. */
export interface ServerExports {
  /** The host the address belongs to (topology), undefined when the site has no topology hosts. */
  readonly host: TopologyHost | undefined;
  readonly files: readonly ExportsFile[];
  readonly table: ExportTable;
}

/** What DHCP answers a subject, per dhcpd.conf of the site. */
export interface SubjectDhcp {
  readonly file: DhcpFile;
  readonly answer: DhcpBootAnswer;
  /** The MAC the answer was looked up by, if any. */
  readonly mac: string | undefined;
}

/**
 * The facts of the site that are not boot subjects: the exports, dhcpd.conf and `.config` files and the
 * topology. They change far less often than domain configs, so one `SiteFacts` serves many site models
 * (workspace.ts keeps it while none of these files changes), with the indices built over it (`derived`).
 */
export class SiteFacts {
  readonly exportsFiles: readonly ExportsFile[];
  readonly dhcpFiles: readonly DhcpFile[];
  readonly kconfigs: readonly KconfigFile[];
  readonly tables = new Map<string, ServerExports>();
  private readonly built = new Map<(facts: SiteFacts) => unknown, unknown>();
  private addresses: ReadonlyMap<string, readonly string[]> | undefined;

  constructor(
    files: readonly AnalysedFile[],
    readonly topology: Topology,
    readonly pathOf: (uri: string) => string | undefined,
  ) {
    this.exportsFiles = files.filter(isExportsFile);
    this.dhcpFiles = files.filter(isDhcpFile);
    this.kconfigs = files.filter(isKconfigFile);
  }

  /**
   * Host names the site knows, with their addresses: DHCP host declarations and the topology's hosts. Built
   * when first asked (the export checks and the boot chain ask): checking a lone dhcpd.conf never needs it.
   */
  get hostAddresses(): ReadonlyMap<string, readonly string[]> {
    return (this.addresses ??= collectHostAddresses(this.dhcpFiles, this.topology));
  }

  /** A value computed from the facts once (an index): `build` is the key, so pass a module-level function. */
  derived<T>(build: (facts: SiteFacts) => T): T {
    if (this.built.has(build)) return this.built.get(build) as T;
    const value = build(this);
    this.built.set(build, value);
    return value;
  }
}

/** Whether an analysed file is one of the facts (not a boot subject's file). */
export function isFactFile(file: AnalysedFile): boolean {
  return isExportsFile(file) || isDhcpFile(file) || isKconfigFile(file);
}

/**
 * Everything the cross-file checks read: the boot subjects and the facts of the other formats, tied
 * together by the topology (shared CONTRACT.md).
 */
export class SiteModel {
  readonly subjects: readonly BootSubject[];
  readonly exportsFiles: readonly ExportsFile[];
  readonly dhcpFiles: readonly DhcpFile[];
  readonly kconfigs: readonly KconfigFile[];
  readonly topology: Topology;
  private readonly tables: Map<string, ServerExports>;
  private readonly built = new Map<(site: SiteModel) => unknown, unknown>();

  /**
   * `subjects` are the boot subjects of every file (`bootSubjects`), `facts` the other files' facts,
   * `textOf` the text of any file of the site.
   */
  constructor(
    subjects: readonly BootSubject[],
    readonly facts: SiteFacts,
    private readonly texts: (uri: string) => string | undefined,
  ) {
    this.subjects = subjects;
    this.exportsFiles = facts.exportsFiles;
    this.dhcpFiles = facts.dhcpFiles;
    this.kconfigs = facts.kconfigs;
    this.topology = facts.topology;
    this.tables = facts.tables;
  }

  /** Host names the site knows, with their addresses (`SiteFacts.hostAddresses`). */
  get hostAddresses(): ReadonlyMap<string, readonly string[]> {
    return this.facts.hostAddresses;
  }

  /** A site model over analysed files, built in one go (tests, one-off checks). */
  static of(
    files: readonly AnalysedFile[],
    topology: Topology,
    pathOf: (uri: string) => string | undefined,
  ): SiteModel {
    const texts = new Map(files.map((f) => [f.uri, f.text]));
    return new SiteModel(bootSubjects(files), new SiteFacts(files, topology, pathOf), (uri) =>
      texts.get(uri),
    );
  }

  /** A value computed once per model from the subjects and the facts (`build` is the key). */
  derived<T>(build: (site: SiteModel) => T): T {
    if (this.built.has(build)) return this.built.get(build) as T;
    const value = build(this);
    this.built.set(build, value);
    return value;
  }

  /** The text of a file of the site (e.g. to anchor on the first line of a pxelinux.cfg/01-<mac> file). */
  textOf(uri: string): string | undefined {
    return this.texts(uri);
  }

  /** The workspace path of a file. */
  pathOf(uri: string): string | undefined {
    return this.facts.pathOf(uri);
  }

  /** The topology host a file belongs to. */
  hostOfUri(uri: string): TopologyHost | undefined {
    const p = this.pathOf(uri);
    return p === undefined ? undefined : hostOf(this.topology, p);
  }

  /** Whether the site names its hosts (a topology file with hosts). */
  get hasHosts(): boolean {
    return this.topology.hosts.length > 0;
  }

  /**
   * The exports an NFS server address resolves to: with topology hosts, the exports files under the root of
   * the host that has the address (undefined when no host has it); without, every exports file of the site.
   */
  exportsOf(server: string | undefined): ServerExports | undefined {
    const host = this.hasHosts
      ? this.topology.hosts.find((h) => server !== undefined && h.addresses.includes(server))
      : undefined;
    if (this.hasHosts && !host) return undefined;
    const key = host?.name ?? '*';
    const cached = this.tables.get(key);
    if (cached) return cached;
    const files = host ? this.exportsFiles.filter((f) => this.hostOfUri(f.uri) === host) : this.exportsFiles;
    const entry = { host, files, table: new ExportTable(files) };
    this.tables.set(key, entry);
    return entry;
  }

  /** What each dhcpd.conf of the site answers the subject (by MAC, else by its static address). */
  dhcpFor(subject: BootSubject, address?: string): SubjectDhcp[] {
    const out: SubjectDhcp[] = [];
    const addr = address !== undefined ? parseIpv4(address) : undefined;
    for (const file of this.dhcpFiles) {
      const byMac = subject.macs
        .map((m) => ({ mac: m.mac, answer: bootAnswer(file.model, { mac: m.mac }) }))
        .find((a) => a.answer.host);
      if (byMac) out.push({ file, answer: byMac.answer, mac: byMac.mac });
      else if (addr !== undefined)
        out.push({ file, answer: bootAnswer(file.model, { address: addr }), mac: undefined });
    }
    return out;
  }

  /**
   * The `.config` of a kernel image: the topology's `kernels` map first (kernel path as written → config
   * path relative to the topology file), then `config-<version>` beside the image (`/boot/vmlinuz-6.1` →
   * `/boot/config-6.1`) under the subject's host root, then a config of that version under the same host,
   * then any of the site (`config-<version>`, or a `.config` in a folder named `<version>` or `linux-<version>`).
   */
  kconfigFor(subject: BootSubject): KconfigFile | undefined {
    const kernel = subject.kernel?.text;
    if (!kernel) return undefined;
    const mapped = this.topology.kernels.get(kernel);
    if (mapped !== undefined) {
      const wanted = mapped.replace(/^\.\//, '');
      return this.kconfigs.find((k) => this.pathOf(k.uri) === wanted);
    }
    const version = kernelVersionOf(kernel);
    if (!version) return undefined;
    const candidates = this.facts.derived(kconfigsByVersion).get(version) ?? [];
    const beside = this.configPathBeside(subject);
    const host = this.hostOfUri(subject.uri);
    return (
      candidates.find((k) => this.pathOf(k.uri) === beside) ??
      candidates.find((k) => this.hostOfUri(k.uri) === host) ??
      candidates[0]
    );
  }

  /**
   * Where the `.config` of a subject's kernel is looked for first: `config-<version>` beside the image under
   * the subject's host root (`dom0/boot/config-3.0.4` for dom0's `/boot/vmlinuz-3.0.4`), or under the host's
   * `tftpRoot` for a menu served from it (CONTRACT.md); undefined when the image name has no version.
   */
  configPathBeside(subject: BootSubject): string | undefined {
    const kernel = subject.kernel?.text;
    const version = kernel !== undefined ? kernelVersionOf(kernel) : undefined;
    if (kernel === undefined || !version) return undefined;
    const host = this.hostOfUri(subject.uri);
    const clean = (folder: string | undefined): string | undefined =>
      folder?.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
    const tftp = clean(host?.tftpRoot);
    const served = tftp !== undefined && (this.pathOf(subject.uri) ?? '').startsWith(`${tftp}/`);
    const root = served ? tftp : clean(host?.root);
    // A GRUB device prefix (`(hd0,0)/boot/vmlinuz`) names a disk, not a folder.
    const dir = kernel
      .slice(0, kernel.lastIndexOf('/') + 1)
      .replace(/^\([^)]*\)/, '')
      .replace(/^\//, '');
    return `${root ? `${root}/` : ''}${dir}config-${version}`;
  }
}

/** The site's kernel configs by the version their path names. */
function kconfigsByVersion(facts: SiteFacts): Map<string, KconfigFile[]> {
  const index = new Map<string, KconfigFile[]>();
  for (const k of facts.kconfigs) {
    const version = configVersionOf(facts.pathOf(k.uri) ?? '');
    if (version === undefined) continue;
    const list = index.get(version);
    if (list) list.push(k);
    else index.set(version, [k]);
  }
  return index;
}

/** The version in a kernel image name: `/boot/vmlinuz-6.1.0-13-amd64` → `6.1.0-13-amd64`. */
function kernelVersionOf(kernel: string): string | undefined {
  return /(?:vmlinu[xz]|bzImage|kernel)-(.+)$/.exec(kernel.slice(kernel.lastIndexOf('/') + 1))?.[1];
}

/** The kernel version a config's path names: `config-<version>`, or `<version>/.config`, `linux-<version>/.config`. */
function configVersionOf(path: string): string | undefined {
  const byName = versionFromFileName(path);
  if (byName !== undefined || !path.endsWith('.config')) return byName;
  const parts = path.split('/');
  if (parts[parts.length - 1] !== '.config' || parts.length < 2) return undefined;
  return /^(?:linux-)?(\d+\.\d+\S*)$/.exec(parts[parts.length - 2])?.[1];
}

function collectHostAddresses(dhcpFiles: readonly DhcpFile[], topology: Topology): Map<string, string[]> {
  const map = new Map<string, string[]>();
  const add = (name: string, address: string): void => {
    const list = map.get(name);
    if (!list) map.set(name, [address]);
    else if (!list.includes(address)) list.push(address);
  };
  for (const f of dhcpFiles) {
    for (const h of f.model.hosts)
      for (const a of h.fixedAddresses) if (a.value !== undefined) add(h.name.text, a.text);
  }
  for (const h of topology.hosts) for (const a of h.addresses) add(h.name, a);
  return map;
}

/** A located value for messages and related information. */
export interface Located {
  readonly uri: string;
  readonly span: Span;
}
