import type { Span } from '../core/text';
import type { KernelBoot } from './cmdline/kernel-boot';
import type { SourceMap } from './cmdline/source-map';

/** A path or word with where it stands in its file. */
export interface LocatedText {
  readonly text: string;
  readonly span: Span;
}

/**
 * One way a machine boots, as a boot loader describes it (a GRUB legacy `title` entry, a GRUB 2
 * `menuentry`, a PXELINUX `LABEL`): the format-neutral facts the cross-file checks read. Xen domain
 * configs have their own model (`XenDomain`) with the same kernel/command-line parts.
 */
export interface BootEntry {
  readonly uri: string;
  /** The entry's title or label, where it has one. */
  readonly title: LocatedText | undefined;
  /** The whole entry, for symbols and navigation. */
  readonly span: Span;
  /** The Xen hypervisor image (`kernel /xen.gz`, `multiboot2 /xen.gz`, the first `mboot.c32` module), if any. */
  readonly hypervisor: LocatedText | undefined;
  /** The hypervisor's own command line (`dom0_mem=…`), if any. */
  readonly hypervisorArgs: LocatedText | undefined;
  /** The Linux kernel image the entry boots (dom0's under Xen). */
  readonly kernel: LocatedText | undefined;
  /** The initrd/initramfs, if any: then the initramfs, not the kernel, mounts the root. */
  readonly initrd: LocatedText | undefined;
  /** The Linux kernel command line, mapped back to the file. */
  readonly commandLine: { readonly text: string; readonly map: SourceMap } | undefined;
  /** What the command line says about an NFS root. */
  readonly boot: KernelBoot | undefined;
}
