import type { Span } from '../../core/text';
import type { Toolstack } from '../option-spec';
import { CommandLineBuilder } from '../cmdline/compose';
import type { SourceMap } from '../cmdline/source-map';
import type { Setting } from './settings';
import { scalarPieces, stringOf } from './settings';

/** Where the effective command line came from. */
export type CommandLineOrigin = 'cmdline' | 'root+extra' | 'xm' | 'none';

/** The kernel command line a domain boots with, and where each part stands in the file. */
export interface EffectiveCommandLine {
  readonly text: string;
  readonly map: SourceMap;
  readonly origin: CommandLineOrigin;
}

type Settings = ReadonlyMap<string, Setting>;

/** Appends a string setting's characters, mapped exactly (a string's raw offsets from its start). */
function appendSetting(b: CommandLineBuilder, s: Setting): void {
  for (const a of scalarPieces(s)) {
    const p = a.value;
    if (p?.kind === 'string') b.copiedAt(p.value, p.rawOffsets, p.span.start, p.span);
    else if (p?.kind === 'number')
      b.copiedAt(
        p.text,
        [...p.text].map((_, i) => i),
        p.span.start,
        p.span,
      );
  }
}

function valueSpan(s: Setting): Span {
  return s.value?.span ?? s.key.span;
}

/** The built command line with its origin ('none' when empty); fields one by one, a spread cost more (issue 6). */
function withOrigin(b: CommandLineBuilder, origin: CommandLineOrigin): EffectiveCommandLine {
  const built = b.build();
  return { text: built.text, map: built.map, origin: built.text || origin === 'cmdline' ? origin : 'none' };
}

/**
 * xl (tools/xl/xl_parse.c): `cmdline` if set (then `root` and `extra` are ignored), else
 * `root=<root> <extra>`, else `root=<root>`, else `<extra>`.
 */
function xlCommandLine(settings: Settings): EffectiveCommandLine {
  const b = new CommandLineBuilder();
  const cmdline = settings.get('cmdline');
  if (stringOf(cmdline) !== undefined && cmdline) {
    appendSetting(b, cmdline);
    return withOrigin(b, 'cmdline');
  }
  const root = settings.get('root');
  const extra = settings.get('extra');
  if (root && stringOf(root) !== undefined) {
    b.synthesised('root=', root.key.span);
    appendSetting(b, root);
  }
  if (extra && stringOf(extra) !== undefined) {
    b.space();
    appendSetting(b, extra);
  }
  return withOrigin(b, 'root+extra');
}

/**
 * xm (tools/python/xen/xm/create.py, then xend's image.py): `ip=<ip>:<nfs_server>:<gateway>:<netmask>:
 * <hostname>:<interface>:<dhcp>` when `ip` is set or `dhcp` is not 'off' (a dummy server address stood in
 * for a missing nfs_server), `nfsroot=<nfs_server>:<nfs_root>` before `extra`, and `root=<root>`.
 */
function xmCommandLine(settings: Settings): EffectiveCommandLine {
  const b = new CommandLineBuilder();
  const ip = settings.get('ip');
  const dhcp = settings.get('dhcp');
  const dhcpValue = stringOf(dhcp) ?? 'off';
  if (stringOf(ip) !== undefined || dhcpValue !== 'off') appendXmIp(b, settings, dhcpValue);
  const root = settings.get('root');
  if (root && stringOf(root) !== undefined) {
    b.space().synthesised('root=', root.key.span);
    appendSetting(b, root);
  }
  const server = settings.get('nfs_server');
  const nfsRoot = settings.get('nfs_root');
  if (nfsRoot && stringOf(nfsRoot) !== undefined && server && stringOf(server) !== undefined) {
    b.space().synthesised('nfsroot=', nfsRoot.key.span);
    appendSetting(b, server);
    b.synthesised(':', nfsRoot.key.span);
    appendSetting(b, nfsRoot);
  }
  const extra = settings.get('extra');
  if (extra && stringOf(extra) !== undefined) {
    b.space();
    appendSetting(b, extra);
  }
  return withOrigin(b, 'xm');
}

/** The dummy server address xm put in the `ip=` server field when `nfs_server` was not set (later releases). */
export const XM_DUMMY_NFS_SERVER = '127.0.255.255';

function appendXmIp(b: CommandLineBuilder, settings: Settings, dhcpValue: string): void {
  const anchor = settings.get('ip') ?? settings.get('dhcp');
  const anchorSpan = anchor ? valueSpan(anchor) : { start: 0, end: 0 };
  b.space().synthesised('ip=', anchor?.key.span ?? anchorSpan);
  const fields: [string, string | undefined][] = [
    ['ip', undefined],
    ['nfs_server', XM_DUMMY_NFS_SERVER],
    ['gateway', ''],
    ['netmask', ''],
    ['hostname', ''],
    ['interface', 'eth0'],
  ];
  fields.forEach(([key, fallback], i) => {
    if (i > 0) b.synthesised(':', anchorSpan);
    const s = settings.get(key);
    if (s && stringOf(s) !== undefined) appendSetting(b, s);
    else if (fallback) b.synthesised(fallback, anchorSpan);
  });
  b.synthesised(':', anchorSpan);
  if (dhcp(settings)) appendSetting(b, dhcp(settings) as Setting);
  else b.synthesised(dhcpValue, anchorSpan);
}

function dhcp(settings: Settings): Setting | undefined {
  const s = settings.get('dhcp');
  return s && stringOf(s) !== undefined ? s : undefined;
}

/** The command line the given toolstack would pass to the kernel. */
export function effectiveCommandLine(settings: Settings, toolstack: Toolstack): EffectiveCommandLine {
  return toolstack === 'xm' ? xmCommandLine(settings) : xlCommandLine(settings);
}
