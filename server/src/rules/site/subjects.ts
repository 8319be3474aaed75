import type { Span } from '../../core/text';
import type { BootEntry, LocatedText } from '../../formats/boot-entry';
import type { KernelBoot } from '../../formats/cmdline/kernel-boot';
import type { SourceMap } from '../../formats/cmdline/source-map';
import type { PxelinuxMachine } from '../../formats/pxelinux/machine';
import type { AnalysedFile } from '../../workspace/analysed-file';
import { isGrub2File } from '../grub2/types';
import { isGrubFile } from '../grub/types';
import { isPxelinuxFile } from '../pxelinux/types';
import { isXenFile } from '../types';
import type { XenFile } from '../types';

/**
 * Something that boots with a kernel command line: a Xen domU (from its domain config) or a machine
 * booting a boot-loader entry (a dom0 or bare Linux, from GRUB legacy, GRUB 2 or PXELINUX). The
 * cross-file checks read only this, never a format's tree.
 */
export interface BootSubject {
  /** The file that describes the boot; cross-file diagnostics sit in it. */
  readonly uri: string;
  /** `domU` for a Xen domain config, `machine` for a boot-loader entry. */
  readonly kind: 'domU' | 'machine';
  /** A name for messages: the domain's name, the entry's title. */
  readonly label: string;
  /** Where the subject as a whole stands (the name, the entry title): the fallback anchor. */
  readonly anchor: Span;
  readonly kernel: LocatedText | undefined;
  /** The Xen hypervisor image a boot-loader entry starts (`kernel /xen.gz`, `multiboot2`), if any. */
  readonly hypervisor?: LocatedText;
  /** The initrd/ramdisk: with one, the initramfs (not the kernel) mounts the root. */
  readonly initrd: LocatedText | undefined;
  readonly boot: KernelBoot;
  readonly map: SourceMap;
  /** The MACs the subject boots with and where they are written (vif `mac=`; a pxelinux.cfg/01-<mac> file name). */
  readonly macs: readonly { readonly mac: string; readonly span: Span }[];
  /** Vifs without a fixed MAC (Xen picks a new random one at each start): their spans. */
  readonly randomMacVifs: readonly Span[];
  /** Where a Xen domU's network identity is written: the `vif` key, for fixes that add a MAC. */
  readonly xen: XenFile | undefined;
  /** For a pxelinux.cfg file, the machine its name stands for. */
  readonly pxelinuxMachine: PxelinuxMachine | undefined;
}

/** The span of a kernel parameter (e.g. `nfsroot=…`) in the file, through the command line's map. */
export function paramSpan(subject: BootSubject, param: { start: number; end: number }): Span {
  return subject.map.locate(param.start, param.end);
}

function fromXen(file: XenFile): BootSubject {
  const d = file.domain;
  return {
    uri: file.uri,
    kind: 'domU',
    label: d.name?.text ?? file.uri.slice(file.uri.lastIndexOf('/') + 1),
    anchor: d.name?.span ?? d.kernel?.span ?? { start: 0, end: 0 },
    kernel: d.kernel,
    initrd: d.ramdisk,
    boot: d.boot,
    map: d.commandLine.map,
    macs: d.macs.map((m) => ({ mac: m.text, span: m.span })),
    randomMacVifs: d.vifs.filter((v) => !v.pairs.some((p) => p.key === 'mac')).map((v) => v.span),
    xen: file,
    pxelinuxMachine: undefined,
  };
}

function fromEntry(
  entry: BootEntry,
  machine: PxelinuxMachine | undefined,
  macSpan: Span,
): BootSubject | undefined {
  if (!entry.boot || !entry.commandLine) return undefined;
  const mac = machine?.kind === 'mac' ? [{ mac: machine.mac, span: macSpan }] : [];
  return {
    uri: entry.uri,
    kind: 'machine',
    label: entry.title?.text ?? 'boot entry',
    anchor: entry.title?.span ?? entry.span,
    kernel: entry.kernel,
    hypervisor: entry.hypervisor,
    initrd: entry.initrd,
    boot: entry.boot,
    map: entry.commandLine.map,
    macs: mac,
    randomMacVifs: [],
    xen: undefined,
    pxelinuxMachine: machine,
  };
}

/** Every boot subject of the analysed files. */
export function bootSubjects(files: readonly AnalysedFile[]): BootSubject[] {
  const out: BootSubject[] = [];
  for (const f of files) {
    if (isXenFile(f)) out.push(fromXen(f));
    else if (isGrubFile(f)) out.push(...f.entries.flatMap((e) => fromEntry(e, undefined, e.span) ?? []));
    else if (isGrub2File(f))
      out.push(...f.model.entries.flatMap((e) => fromEntry(e.entry, undefined, e.entry.span) ?? []));
    else if (isPxelinuxFile(f)) {
      out.push(...f.model.entries.flatMap((e) => fromEntry(e.entry, f.machine, { start: 0, end: 0 }) ?? []));
    }
  }
  return out;
}
