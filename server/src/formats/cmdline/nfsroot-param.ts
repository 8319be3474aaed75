import { parseIpv4 } from '../../core/ipv4';

/**
 * The kernel's `nfsroot=[<server-ip>:]<root-dir>[,<nfs-options>]` (fs/nfs/nfsroot.c,
 * Documentation/admin-guide/nfs/nfsroot.rst). The server must be a numeric address: the kernel
 * resolves no names, so `nfsroot=srv:/p` is read as the relative path `srv:/p` under `/tftpboot/`.
 */

/** One `,`-separated NFS mount option, offsets relative to the value's start. */
export interface NfsOption {
  readonly name: string;
  readonly value: string | undefined;
  readonly start: number;
  readonly end: number;
}

/** What the kernel makes of an `nfsroot=` value. */
export interface NfsRootParam {
  /** The numeric server address, when the value starts with one and a colon. */
  readonly server: string | undefined;
  /** A host name where a server address should be (`srv:/p`): the kernel would not resolve it. */
  readonly serverName: string | undefined;
  /** The path as written (after the server), before `%s` substitution. */
  readonly path: string;
  readonly pathStart: number;
  readonly pathEnd: number;
  readonly options: readonly NfsOption[];
  /** Where the server (or host name) stands, relative to the value's start. */
  readonly serverEnd: number;
}

/** Parses an `nfsroot=` value; never throws. */
export function parseNfsRootParam(value: string): NfsRootParam {
  const comma = value.indexOf(',');
  const location = comma < 0 ? value : value.slice(0, comma);
  const options = comma < 0 ? [] : parseOptions(value.slice(comma + 1), comma + 1);
  const colon = location.indexOf(':');
  const slash = location.indexOf('/');
  let server: string | undefined;
  let serverName: string | undefined;
  let pathStart = 0;
  if (colon > 0 && (slash < 0 || colon < slash)) {
    const host = location.slice(0, colon);
    if (parseIpv4(host) !== undefined) {
      server = host;
      pathStart = colon + 1;
    } else {
      serverName = host;
    }
  }
  return {
    server,
    serverName,
    path: location.slice(pathStart),
    pathStart,
    pathEnd: location.length,
    options,
    serverEnd: server !== undefined || serverName !== undefined ? colon : 0,
  };
}

function parseOptions(text: string, base: number): NfsOption[] {
  const options: NfsOption[] = [];
  // The parts between commas, as `text.split(',')` gives them, without the array split makes (issue 6).
  for (let start = 0, comma = 0; comma >= 0; start = comma + 1) {
    comma = text.indexOf(',', start);
    const part = text.slice(start, comma < 0 ? text.length : comma);
    const eq = part.indexOf('=');
    const name = eq < 0 ? part : part.slice(0, eq);
    options.push({
      name,
      value: eq < 0 ? undefined : part.slice(eq + 1),
      start: base + start,
      end: base + start + part.length,
    });
  }
  return options;
}

/** The NFS version asked for by `vers=`/`nfsvers=`/`v2`/`v3`/`v4` options; undefined for the kernel's default. */
export function requestedNfsVersion(options: readonly NfsOption[]): string | undefined {
  let version: string | undefined;
  for (const o of options) {
    if ((o.name === 'vers' || o.name === 'nfsvers') && o.value) version = o.value;
    else if (/^v[234]$/.test(o.name) && o.value === undefined) version = o.name.slice(1);
  }
  return version;
}
