/**
 * Recognising dhcpd.conf files (issue 3, "Finding these files"): `dhcpd.conf` and `dhcpd*.conf` by name,
 * confirmed by content, and every file a dhcpd.conf `include`s.
 */

/** Whether a path (with `/` separators) names a dhcpd.conf by its file name. */
export function isDhcpConfPath(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return /^dhcpd[^/]*\.conf$/.test(base);
}

/** Statements that only a dhcpd.conf has; one of them at the start of a line confirms the format. */
const DHCP_MARKERS =
  /^[ \t]*(subnet[ \t]+\d+\.\d+\.\d+\.\d+[ \t]+netmask|shared-network[ \t]|host[ \t]+[\w.-]+[ \t]*\{|option[ \t]+[\w.-]+[ \t]|(default|max)-lease-time[ \t]|ddns-update-style[ \t]|authoritative[ \t]*;|next-server[ \t]|filename[ \t]+"|group[ \t]*\{|class[ \t]+"|include[ \t]+")/m;

/** Whether a text reads like a dhcpd.conf. */
export function looksLikeDhcpConf(text: string): boolean {
  return DHCP_MARKERS.test(text.slice(0, 64 * 1024));
}

/** Whether a file is a dhcpd.conf: by name, confirmed by content (an empty file counts). */
export function recogniseDhcpConf(path: string, text: string): boolean {
  return isDhcpConfPath(path) && (text.trim() === '' || looksLikeDhcpConf(text));
}

/**
 * Whether `path` (relative to the workspace, `/` separators) is the file an include names: an absolute
 * include (`/etc/dhcp/hosts.conf`) matches a path ending with it below a host root (`dom0/etc/dhcp/hosts.conf`);
 * a relative one is resolved against the including file's folder (dhcpd itself resolves it against its
 * working directory, usually `/`; the folder is the likelier intent in a workspace).
 */
export function includeMatches(includingPath: string, include: string, path: string): boolean {
  if (include.startsWith('/')) return path === include.slice(1) || path.endsWith(include);
  const dir = includingPath.includes('/') ? includingPath.slice(0, includingPath.lastIndexOf('/') + 1) : '';
  return path === normalise(dir + include);
}

function normalise(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return out.join('/');
}
