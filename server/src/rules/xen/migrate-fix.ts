import type { FixSpec, TextEditSpec } from '../../core/finding';
import type { Span } from '../../core/text';
import { splitCommandLine } from '../../formats/cmdline/command-line';
import { effectiveCommandLine } from '../../formats/xen/command-line-model';
import type { Assignment } from '../../formats/xen/ast';
import { stringOf } from '../../formats/xen/settings';
import type { XenFile } from '../types';

/** The xm keys whose meaning xm folded into the kernel command line (tools/python/xen/xm/create.py). */
export const XM_NFS_KEYS = [
  'nfs_server',
  'nfs_root',
  'ip',
  'netmask',
  'gateway',
  'hostname',
  'interface',
  'dhcp',
];

/**
 * "Move the NFS settings into extra (xl)": computes the command line xm would have built, keeps `root`,
 * writes everything else into `extra` and deletes the xm-only keys, so that xl boots the same way.
 */
export function migrateToXlFix(file: XenFile): FixSpec | undefined {
  const settings = file.domain.settings;
  if (!XM_NFS_KEYS.some((k) => settings.has(k))) return undefined;
  const xm = effectiveCommandLine(settings, 'xm');
  const words = splitCommandLine(xm.text).filter((p) => p.name !== 'root');
  const extraText = words.map((p) => xm.text.slice(p.start, p.end)).join(' ');
  const edits: TextEditSpec[] = [];
  const extra = settings.get('extra');
  const lastExtra = extra?.assignments[extra.assignments.length - 1];
  if (
    extra &&
    lastExtra &&
    stringOf(extra) !== undefined &&
    extra.assignments.length === 1 &&
    lastExtra.value
  ) {
    edits.push({ uri: file.uri, span: lastExtra.value.span, newText: quote(extraText) });
  }
  const removed = XM_NFS_KEYS.flatMap((k) => settings.get(k)?.assignments ?? []);
  removed.sort((a, b) => a.span.start - b.span.start);
  for (const a of removed) edits.push({ uri: file.uri, span: wholeLine(file.text, a), newText: '' });
  if (!lastExtra || edits.length === removed.length) {
    // After every assignment involved, so that the new `extra` is the one that wins.
    const anchor = [...removed, ...(extra?.assignments ?? [])].sort((a, b) => b.span.end - a.span.end)[0];
    if (!anchor) return undefined;
    const at = wholeLine(file.text, anchor).end;
    edits.push({ uri: file.uri, span: { start: at, end: at }, newText: `extra = ${quote(extraText)}\n` });
  }
  edits.sort((a, b) => a.span.start - b.span.start);
  return { title: 'Move the xm NFS settings into extra (for xl)', edits };
}

function quote(text: string): string {
  return text.includes('"') ? `'${text}'` : `"${text}"`;
}

/** The span of an assignment's whole line, with its line break, when it is alone on the line. */
function wholeLine(text: string, a: Assignment): Span {
  const lineStart = text.lastIndexOf('\n', a.span.start - 1) + 1;
  let lineEnd = text.indexOf('\n', a.span.end);
  lineEnd = lineEnd < 0 ? text.length : lineEnd + 1;
  const before = text.slice(lineStart, a.span.start);
  const after = text.slice(a.span.end, lineEnd);
  if (before.trim() === '' && /^\s*(#.*)?\n?$/.test(after)) return { start: lineStart, end: lineEnd };
  return a.span;
}
