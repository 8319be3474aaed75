import type { Finding } from '../../core/finding';
import { netmaskPrefix, parseIpv4, sameSubnet } from '../../core/ipv4';
import type { KernelBoot } from '../../formats/cmdline/kernel-boot';
import { NFSROOT_OPTION_MAP } from '../../formats/cmdline/param-index';
import type { SourceMap } from '../../formats/cmdline/source-map';

/** A kernel command line as it appears in some file, with the map back to that file. */
export interface LocatedCommandLine {
  readonly uri: string;
  readonly boot: KernelBoot;
  readonly map: SourceMap;
}

/** Every `cmdline/*` rule on one command line. */
export function checkCommandLine(cl: LocatedCommandLine): Finding[] {
  return [...ipRule(cl), ...nfsrootRules(cl), ...nfsrootWithoutRoot(cl), ...gatewayOffSubnet(cl)];
}

function at(cl: LocatedCommandLine, ruleId: string, from: number, to: number, message: string): Finding {
  return { ruleId, uri: cl.uri, span: cl.map.locate(from, to), message };
}

function ipRule(cl: LocatedCommandLine): Finding[] {
  const ip = cl.boot.ip;
  if (!ip || ip.param.valueStart === undefined) return [];
  const base = ip.param.valueStart;
  return ip.parsed.problems.map((p) =>
    at(cl, 'cmdline/ip', base + p.start, base + Math.max(p.end, p.start + 1), p.message),
  );
}

const NFS_VERSIONS = new Set(['2', '3', '4', '4.0', '4.1', '4.2']);

function nfsrootRules(cl: LocatedCommandLine): Finding[] {
  const n = cl.boot.nfsroot;
  if (!n || n.param.valueStart === undefined) {
    return n
      ? [
          at(
            cl,
            'cmdline/nfsroot',
            n.param.start,
            n.param.end,
            'nfsroot= needs a value: [server-ip:]/path[,options]',
          ),
        ]
      : [];
  }
  const base = n.param.valueStart;
  const p = n.parsed;
  const findings: Finding[] = [];
  if (p.serverName !== undefined) {
    findings.push(
      at(
        cl,
        'cmdline/nfsroot-hostname',
        base,
        base + p.serverEnd,
        `nfsroot= names the server '${p.serverName}' by name: the kernel resolves no names and would mount the path '/tftpboot/${p.serverName}:${p.path.replace(/^.*?:/, '')}' instead; use the server's IP address`,
      ),
    );
  } else if (p.path === '') {
    findings.push(at(cl, 'cmdline/nfsroot', base, base + Math.max(1, p.pathEnd), 'nfsroot= has no path'));
  } else if (!p.path.startsWith('/')) {
    findings.push(
      at(
        cl,
        'cmdline/nfsroot',
        base + p.pathStart,
        base + p.pathEnd,
        `the path '${p.path}' is not absolute: the kernel reads it as '/tftpboot/${p.path}'`,
      ),
    );
  }
  for (const o of p.options) findings.push(...optionProblems(cl, base, o));
  return findings;
}

function optionProblems(
  cl: LocatedCommandLine,
  base: number,
  o: { name: string; value: string | undefined; start: number; end: number },
): Finding[] {
  const where = (message: string): Finding[] => [
    at(cl, 'cmdline/nfsroot', base + o.start, base + Math.max(o.end, o.start + 1), message),
  ];
  if (o.name === '') return where('empty NFS option (two commas in a row?)');
  if (!NFSROOT_OPTION_MAP.has(o.name))
    return where(`'${o.name}' is not an NFS mount option the kernel knows`);
  if ((o.name === 'vers' || o.name === 'nfsvers') && o.value !== undefined && !NFS_VERSIONS.has(o.value)) {
    return where(`NFS version '${o.value}' does not exist: use 2, 3, 4, 4.0, 4.1 or 4.2`);
  }
  return [];
}

/**
 * `root=` naming another device wins over `nfsroot=` (init/do_mounts.c); with no `root=` at all the kernel's
 * own nfsroot code would still select NFS (fs/nfs/nfsroot.c sets the root device), but an initramfs such as
 * Debian's initramfs-tools mounts NFS only for `root=/dev/nfs`, so the line says less than it means.
 */
function nfsrootWithoutRoot(cl: LocatedCommandLine): Finding[] {
  const { nfsroot, root, rootIsNfs } = cl.boot;
  if (!nfsroot || rootIsNfs) return [];
  const message = root
    ? `nfsroot= is ignored: root=${root.value ?? ''} names another device; use root=/dev/nfs to boot from NFS`
    : 'nfsroot= without root=/dev/nfs: add root=/dev/nfs (an initramfs, or a root= added elsewhere, would not mount NFS)';
  return [at(cl, 'cmdline/nfsroot-without-nfs-root', nfsroot.param.start, nfsroot.param.end, message)];
}

function gatewayOffSubnet(cl: LocatedCommandLine): Finding[] {
  const ip = cl.boot.ip;
  if (!ip || ip.param.valueStart === undefined) return [];
  const { client, gateway, netmask } = ip.parsed;
  const c = client ? parseIpv4(client) : undefined;
  const g = gateway ? parseIpv4(gateway) : undefined;
  const m = netmask ? parseIpv4(netmask) : undefined;
  if (c === undefined || g === undefined || m === undefined || netmaskPrefix(m) === undefined) return [];
  if (sameSubnet(c, g, m)) return [];
  const field = ip.parsed.fields[2];
  const base = ip.param.valueStart;
  return [
    at(
      cl,
      'cmdline/gateway-off-subnet',
      base + field.start,
      base + field.end,
      `the gateway ${gateway} is outside the client's subnet ${client}/${netmaskPrefix(m)}: the kernel cannot reach it`,
    ),
  ];
}
