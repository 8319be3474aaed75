import { spanContains } from '../../core/text';
import type { Span } from '../../core/text';
import { describeMachine } from '../../formats/pxelinux/machine';
import { PXE_KEYWORD_MAP, PXE_MENU_KEYWORD_MAP } from '../../formats/pxelinux/keywords';
import type { PxeKeywordSpec } from '../../formats/pxelinux/keywords';
import type { PxeEntry } from '../../formats/pxelinux/model';
import type { PxeLine } from '../../formats/pxelinux/ast';
import type { PxelinuxFile } from '../../rules/pxelinux/types';
import { bootSummaryMarkdown, kernelParamMarkdown, xenParamMarkdown } from '../grub2/boot-hover';
import type { HoverResult } from '../hover';

/** The Markdown of a keyword from the table. */
export function pxeKeywordMarkdown(spec: PxeKeywordSpec, menu: boolean): string {
  const name = `${menu ? 'MENU ' : ''}${spec.name.toUpperCase()}`;
  return `**${name}** (PXELINUX)\n\n${spec.doc}\n\nargument: ${spec.argument} · ${spec.scope === 'label' ? 'inside a LABEL' : spec.scope === 'global' ? 'global' : 'global or inside a LABEL'}\n\nSource: ${spec.source}`;
}

function entrySummary(file: PxelinuxFile, e: PxeEntry): string {
  const extra =
    e.ipappend && e.ipappend & 1
      ? '\n\nIPAPPEND 1: PXELINUX adds `ip=<client>:<server>:<gateway>:<netmask>` from its DHCP reply at boot.'
      : '';
  return `${bootSummaryMarkdown(e.entry, 'Label')}${extra}\n\nRead by ${describeMachine(file.machine)}.`;
}

/** The word of `text` at `at`, with its span, given the offsets of a line's argument. */
function wordAt(line: PxeLine, offset: number): { word: string; span: Span; index: number } | undefined {
  const args = line.args;
  if (!args || !spanContains(args.span, offset)) return undefined;
  const i = args.offsets.findIndex((o) => o >= offset);
  const at = i < 0 ? args.text.length : i;
  let a = at;
  while (a > 0 && !/\s/.test(args.text[a - 1])) a--;
  let b = at;
  while (b < args.text.length && !/\s/.test(args.text[b])) b++;
  if (a === b) return undefined;
  return {
    word: args.text.slice(a, b),
    span: { start: args.offsets[a], end: args.offsets[b - 1] + 1 },
    index: at - a,
  };
}

function appendHover(file: PxelinuxFile, line: PxeLine, offset: number): HoverResult | undefined {
  const w = wordAt(line, offset);
  if (!w) return undefined;
  const e = file.model.entries.find((x) => x.appendLine === line);
  const inXenPart = e?.mboot && e.mbootParts[0] && spanContains(e.mbootParts[0].span, offset);
  const md = inXenPart ? xenParamMarkdown(w.word) : kernelParamMarkdown(w.word, w.index);
  return md ? { markdown: md, span: w.span } : undefined;
}

function keywordHover(line: PxeLine, offset: number): HoverResult | undefined {
  if (line.sub && spanContains(line.sub.span, offset)) {
    const spec = PXE_MENU_KEYWORD_MAP.get(line.sub.name);
    return spec ? { markdown: pxeKeywordMarkdown(spec, true), span: line.sub.span } : undefined;
  }
  if (!spanContains(line.keyword.span, offset)) return undefined;
  const spec = PXE_KEYWORD_MAP.get(line.keyword.name);
  return {
    markdown: spec
      ? pxeKeywordMarkdown(spec, false)
      : `**${line.keyword.raw}**: not a keyword syslinux knows`,
    span: line.keyword.span,
  };
}

/**
 * Hover at an offset of a PXELINUX file: keywords, a label's name (what it boots, and for which machine),
 * kernel parameters and Xen options inside APPEND, and on the first line which machine reads the file.
 */
export function hoverPxelinux(file: PxelinuxFile, offset: number): HoverResult | undefined {
  const line = file.ast.lines.find((l) => spanContains(l.span, offset));
  if (line) {
    const e = file.model.entries.find((x) => x.label.line === line);
    if (e && line.args && spanContains(line.args.span, offset))
      return { markdown: entrySummary(file, e), span: line.args.span };
    const k = keywordHover(line, offset);
    if (k) return k;
    if (line.keyword.name === 'append') return appendHover(file, line, offset);
  }
  const firstLineEnd = file.text.indexOf('\n');
  if (offset <= (firstLineEnd < 0 ? file.text.length : firstLineEnd)) {
    const name = file.path.slice(file.path.lastIndexOf('/') + 1);
    return {
      markdown: `**pxelinux.cfg/${name}** is read by ${describeMachine(file.machine)}.`,
      span: { start: 0, end: Math.max(0, firstLineEnd < 0 ? file.text.length : firstLineEnd) },
    };
  }
  return undefined;
}
