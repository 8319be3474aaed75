import { tristateValue } from '../../formats/kconfig/model';
import type { ResolvedNfsRoot } from './resolve';
import type { SiteModel } from './site-model';
import type { BootSubject } from './subjects';

/**
 * The NFS version a boot's root mount uses. Sources: fs/nfs/nfsroot.c (`NFS_DEF_OPTIONS`: `vers=2,udp` up to
 * Linux 5.1, `vers=2,tcp` after, and since Linux 5.11 v2 if `CONFIG_NFS_V2` is built in, else v3, else v4;
 * `defined(CONFIG_NFS_V…)` is false for a module), and Debian's initramfs-tools (`scripts/nfs` mounts with
 * klibc's `nfsmount`, which speaks NFSv2 and v3 only).
 */

/** The version a root mount will use, and why, in words for messages. */
export interface NfsMountVersion {
  /** `2`, `3`, `4`, `4.0`, `4.1`, `4.2`; undefined when it cannot be said. */
  readonly version: string | undefined;
  /** Why: `vers=4 on nfsroot=`, `the kernel's default (NFSv2 before Linux 5.11)`, … */
  readonly why: string;
}

/** Whether a version is NFSv4 (any minor version). */
export function isNfsV4(version: string | undefined): boolean {
  return version !== undefined && /^4(\.\d+)?$/.test(version);
}

/** `3.0.4-domu` → [3, 0]; undefined when the text does not start with a version. */
function majorMinor(version: string | undefined): [number, number] | undefined {
  const m = version === undefined ? null : /^(\d+)\.(\d+)/.exec(version);
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

/** The kernel version in an image name (`/boot/vmlinuz-6.1.0-13-amd64` → `6.1.0-13-amd64`). */
function versionFromImage(kernel: string | undefined): string | undefined {
  if (!kernel) return undefined;
  return /(?:vmlinu[xz]|bzImage|kernel)-(\d+\.\d+\S*)$/.exec(kernel.slice(kernel.lastIndexOf('/') + 1))?.[1];
}

/** The version the root mount will use: `vers=` first, then the initramfs or the kernel's default. */
export function nfsMountVersion(
  site: SiteModel,
  subject: BootSubject,
  root: ResolvedNfsRoot,
): NfsMountVersion {
  if (root.version !== undefined) return { version: root.version, why: `vers=${root.version} on nfsroot=` };
  if (subject.initrd) {
    return {
      version: undefined,
      why: 'the initramfs mounts the root (Debian’s initramfs-tools mounts NFSv2 or v3 unless nfsroot= asks for vers=4)',
    };
  }
  const config = site.kconfigFor(subject);
  const kernelVersion = config?.model.version?.version ?? versionFromImage(subject.kernel?.text);
  const mm = majorMinor(kernelVersion);
  if (mm && (mm[0] < 5 || (mm[0] === 5 && mm[1] < 11))) {
    return { version: '2', why: `the default of a ${kernelVersion} kernel (NFSv2 before Linux 5.11)` };
  }
  if (!config) {
    return {
      version: '3',
      why: 'NFSv2 or v3, the kernel’s default unless only NFSv4 is built in (no .config known)',
    };
  }
  const value = (symbol: string): number | undefined => tristateValue(config.model, symbol);
  if (value('NFS_V2') === 2) return { version: '2', why: 'the kernel’s default (CONFIG_NFS_V2=y)' };
  if (value('NFS_V3') === 2)
    return { version: '3', why: 'the kernel’s default (CONFIG_NFS_V3=y, no NFS_V2)' };
  // A fragment without NFS_V2/NFS_V3 lines says nothing about them: keep the usual assumption.
  if (value('NFS_V2') === undefined || value('NFS_V3') === undefined) {
    return { version: '3', why: 'NFSv2 or v3, the kernel’s default (the .config does not say which)' };
  }
  if (value('NFS_V4') === 2) {
    return {
      version: '4',
      why: 'the kernel’s default: only CONFIG_NFS_V4 is built in, not NFS_V2 or NFS_V3',
    };
  }
  return { version: undefined, why: 'no NFS version is built into the kernel' };
}
