import { GRUB2_COMMAND_MAP } from '../../formats/grub2/commands';
import type { Grub2File } from '../../rules/grub2/types';
import type { HoverResult } from '../hover';
import { bootSummaryMarkdown, kernelParamMarkdown, xenParamMarkdown } from './boot-hover';
import { locateInGrub2 } from './locate';

/** Hover at an offset of a grub.cfg: commands, entry titles (what the entry boots), kernel and Xen options. */
export function hoverGrub2(file: Grub2File, offset: number): HoverResult | undefined {
  const loc = locateInGrub2(file, offset);
  switch (loc.kind) {
    case 'command': {
      const name = loc.command.name.text;
      const spec = GRUB2_COMMAND_MAP.get(name);
      const own = file.model.functions.has(name) ? `**${name}**: a function defined in this file` : undefined;
      const doc = spec
        ? `**${spec.name}** (GRUB 2 command)\n\n\`${spec.synopsis}\`\n\n${spec.doc}\n\nSource: ${spec.source}`
        : (own ?? `**${name}**: not a GRUB 2 command this extension knows`);
      const summary =
        loc.entry && loc.entry.command !== loc.command
          ? bootSummaryMarkdown(loc.entry.entry, 'Menu entry')
          : undefined;
      const entrySummary =
        loc.entry?.command === loc.command ? bootSummaryMarkdown(loc.entry.entry, 'Menu entry') : undefined;
      const parts = [doc, summary ?? entrySummary].filter((x): x is string => x !== undefined);
      return { markdown: parts.join('\n\n---\n\n'), span: loc.command.name.span };
    }
    case 'title':
      return {
        markdown: bootSummaryMarkdown(loc.entry.entry, 'Menu entry'),
        span: loc.entry.entry.title?.span ?? loc.entry.entry.span,
      };
    case 'linux-arg': {
      const md = kernelParamMarkdown(loc.word.text, loc.index);
      return md ? { markdown: md, span: loc.word.span } : undefined;
    }
    case 'xen-arg': {
      const md = xenParamMarkdown(loc.word.text);
      return md ? { markdown: md, span: loc.word.span } : undefined;
    }
    case 'none':
      return undefined;
  }
}
