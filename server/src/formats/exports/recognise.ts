/**
 * Recognising NFS export tables: `exports` and `*.exports` anywhere (usually /etc/exports and
 * /etc/exports.d/, where exportfs reads only files ending in `.exports` and not starting with a dot,
 * exports(5) "Extra Export Tables"), confirmed by content.
 */

/** Whether a path (with `/` separators) names an exports file by name and place. */
export function isExportsPath(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (base.startsWith('.')) return false;
  return base === 'exports' || /^[^.].*\.exports$/.test(base);
}

/** An export line: a path (maybe quoted) followed by a client with options, or by `-` defaults. */
const EXPORT_LINE = /^[ \t]*"?\/[^\s]*"?[ \t]+(?:[^\s(#]*\([a-z_]|-[a-z_])/m;

/** Whether the text reads like an exports file on its own (a file the user names explicitly). */
export function looksLikeExports(text: string): boolean {
  return EXPORT_LINE.test(text.slice(0, 64 * 1024));
}

/**
 * Whether the content fits a file already named like an exports file: no meaningful line reads like
 * another format (`KEY=VALUE`, `;` or braces: a script or a dhcpd.conf); a file of comments only is fine
 * (Debian ships /etc/exports that way), and a relative path stays ours so that the rule can report it.
 */
function contentFits(text: string): boolean {
  const lines = text.slice(0, 64 * 1024).split('\n');
  let continued = false;
  for (const line of lines) {
    const body = line.replace(/#.*/, '').trim();
    const wasContinued = continued;
    continued = /\\$/.test(line.replace(/#.*/, '').trimEnd());
    if (body === '' || wasContinued) continue;
    const first = body.split(/\s/)[0];
    if (first.includes('=') || /[;{}]$/.test(body)) return false;
  }
  return true;
}

/** Whether a file is an exports file: by name and place, confirmed by content. */
export function recogniseExports(path: string, text: string): boolean {
  return isExportsPath(path) && (looksLikeExports(text) || contentFits(text));
}
