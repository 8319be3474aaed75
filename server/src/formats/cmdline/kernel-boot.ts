import { lastParam, splitCommandLine } from './command-line';
import type { KernelParam } from './command-line';
import { parseIpParam } from './ip-param';
import type { IpConfig } from './ip-param';
import { parseNfsRootParam } from './nfsroot-param';
import type { NfsRootParam } from './nfsroot-param';

/**
 * What a kernel command line says about booting from NFS. `root=/dev/nfs` selects the NFS root
 * (init/do_mounts.c mounts over NFS only for Root_NFS); `nfsroot=` names server and path; `ip=` (or its
 * old name `nfsaddrs=`) configures the network (net/ipv4/ipconfig.c).
 */
export interface KernelBoot {
  readonly params: readonly KernelParam[];
  readonly root: KernelParam | undefined;
  readonly rootIsNfs: boolean;
  readonly nfsroot: { readonly param: KernelParam; readonly parsed: NfsRootParam } | undefined;
  readonly ip: { readonly param: KernelParam; readonly parsed: IpConfig } | undefined;
  /** The NFS server the kernel will mount from, and how it learns it. */
  readonly server: NfsServerSource | undefined;
}

/** How the kernel learns the NFS server's address. */
export type NfsServerSource =
  | { readonly kind: 'nfsroot'; readonly address: string }
  | { readonly kind: 'ip'; readonly address: string }
  | { readonly kind: 'autoconf'; readonly protocol: string };

/** Reads the NFS-root facts of a kernel command line. */
export function analyseKernelBoot(text: string): KernelBoot {
  const params = splitCommandLine(text);
  const root = lastParam(params, 'root');
  const nfsrootParam = lastParam(params, 'nfsroot');
  const ipParam = lastParam(params, 'ip') ?? lastParam(params, 'nfsaddrs');
  const nfsroot = nfsrootParam
    ? { param: nfsrootParam, parsed: parseNfsRootParam(nfsrootParam.value ?? '') }
    : undefined;
  const ip = ipParam ? { param: ipParam, parsed: parseIpParam(ipParam.value ?? '') } : undefined;
  return {
    params,
    root,
    rootIsNfs: root?.value === '/dev/nfs',
    nfsroot,
    ip,
    server: serverSource(nfsroot?.parsed, ip?.parsed),
  };
}

function serverSource(
  nfsroot: NfsRootParam | undefined,
  ip: IpConfig | undefined,
): NfsServerSource | undefined {
  if (nfsroot?.server) return { kind: 'nfsroot', address: nfsroot.server };
  if (ip?.server) return { kind: 'ip', address: ip.server };
  if (ip && ip.usesAutoconf) return { kind: 'autoconf', protocol: ip.autoconf ?? 'any' };
  return undefined;
}
