import type { Span } from '../core/text';
import type { OptionSpec, SubOptionSpec } from '../formats/option-spec';
import { IP_FIELDS } from '../formats/cmdline/params';
import { KERNEL_PARAM_MAP } from '../formats/cmdline/param-index';
import { XEN_OPTION_MAP } from '../formats/xen/options';
import { VIF_KEY_MAP } from '../formats/xen/vif-keys';
import type { XenFile } from '../rules/types';
import { locateInXen } from './xen-locate';
import type { XenLocation } from './xen-locate';

/** A hover: Markdown and the span it belongs to. */
export interface HoverResult {
  readonly markdown: string;
  readonly span: Span;
}

/** The Markdown of an option table row. */
export function optionMarkdown(spec: OptionSpec): string {
  const facts = [`type: ${spec.type}`];
  if (spec.values) facts.push(`values: ${spec.values.map((v) => `\`${v}\``).join(', ')}`);
  if (spec.default !== undefined) facts.push(`default: ${spec.default}`);
  facts.push(`read by: ${spec.toolstacks.join(', ')}`);
  const deprecated = spec.deprecated ? `\n\n**Deprecated:** ${spec.deprecated}` : '';
  return `**${spec.name}** (Xen domain config)\n\n${spec.doc}${deprecated}\n\n${facts.join(' · ')}\n\nSource: ${spec.source}`;
}

function subOptionMarkdown(title: string, spec: SubOptionSpec): string {
  const values = spec.values ? `\n\nvalues: ${spec.values.map((v) => `\`${v}\``).join(', ')}` : '';
  const deprecated = spec.deprecated ? `\n\n**Deprecated:** ${spec.deprecated}` : '';
  return `**${title}**\n\n${spec.doc}${values}${deprecated}\n\nSource: ${spec.source}`;
}

/** "Effective kernel command line" section shown on `kernel` and the command-line keys. */
function commandLineMarkdown(file: XenFile): string {
  const d = file.domain;
  const origin: Record<string, string> = {
    cmdline: "from 'cmdline' (xl ignores 'root' and 'extra')",
    'root+extra': "xl joins 'root=' and 'extra'",
    xm: 'as xm synthesised it from root, extra and the NFS keys',
    none: 'empty: nothing sets it',
  };
  const line = d.commandLine.text ? `\`${d.commandLine.text}\`` : '(empty)';
  const ramdisk = d.ramdisk ? `\n\nRamdisk: \`${d.ramdisk.text}\` (the initramfs mounts the root)` : '';
  return `**Effective kernel command line** (${d.toolstack}, ${origin[d.commandLine.origin]}):\n\n${line}${ramdisk}`;
}

function keyHover(file: XenFile, loc: Extract<XenLocation, { kind: 'key' }>): HoverResult | undefined {
  const key = loc.assignment.key;
  const spec = XEN_OPTION_MAP.get(key.text);
  const sections = [spec ? optionMarkdown(spec) : `**${key.text}**: not a key xl or xm knows`];
  if (key.text === 'kernel' || key.text === 'extra' || key.text === 'cmdline' || key.text === 'root') {
    sections.push(commandLineMarkdown(file));
  }
  return { markdown: sections.join('\n\n---\n\n'), span: key.span };
}

function paramHover(loc: Extract<XenLocation, { kind: 'kernel-param' }>): HoverResult | undefined {
  const p = loc.param;
  if (!p) return undefined;
  const name = loc.assignment.key.text === 'root' ? 'root' : p.name;
  const spec = KERNEL_PARAM_MAP.get(name);
  const span = {
    start: loc.value.span.start + (loc.value.rawOffsets[p.start] ?? 0),
    end: loc.value.span.start + (loc.value.rawOffsets[p.end - 1] ?? 0) + 1,
  };
  if (!spec) return { markdown: `**${name}=**: a kernel parameter this extension does not document`, span };
  let markdown = subOptionMarkdown(`${name}= (kernel parameter)`, spec);
  if (name === 'ip' && p.valueStart !== undefined && loc.index >= p.valueStart) {
    const fieldIndex = loc.value.value.slice(p.valueStart, loc.index).split(':').length - 1;
    const field = IP_FIELDS[fieldIndex];
    if (field)
      markdown = `${subOptionMarkdown(`ip= field ${fieldIndex + 1}: ${field.name}`, field)}\n\n---\n\n${markdown}`;
  }
  return { markdown, span };
}

/** Hover at an offset of a Xen domain config. */
export function hoverXen(file: XenFile, offset: number): HoverResult | undefined {
  const loc = locateInXen(file, offset);
  switch (loc.kind) {
    case 'key':
      return keyHover(file, loc);
    case 'vif': {
      const spec = loc.pair ? VIF_KEY_MAP.get(loc.pair.key) : undefined;
      if (!loc.pair || !spec) return undefined;
      return { markdown: subOptionMarkdown(`${loc.pair.key}= (vif spec)`, spec), span: loc.pair.span };
    }
    case 'kernel-param':
      if (loc.assignment.key.text === 'root')
        return paramHover({
          ...loc,
          param: {
            name: 'root',
            value: loc.value.value,
            start: 0,
            end: loc.value.value.length,
            valueStart: 0,
          },
        });
      return paramHover(loc);
    case 'value': {
      const spec = XEN_OPTION_MAP.get(loc.assignment.key.text);
      return spec && loc.value ? { markdown: optionMarkdown(spec), span: loc.value.span } : undefined;
    }
    case 'none':
      return undefined;
  }
}
