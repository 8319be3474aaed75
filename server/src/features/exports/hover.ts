import { describeCoverage } from '../../formats/exports/clients';
import { effectiveOptions } from '../../formats/exports/model';
import { EXPORT_OPTION_MAP } from '../../formats/exports/options';
import type { ExportOptionSpec } from '../../formats/exports/options';
import type { ExportsFile } from '../../rules/exports/types';
import type { HoverResult } from '../hover';
import { locateInExports } from './locate';

/** The Markdown of an export option from the option table. */
export function exportOptionMarkdown(spec: ExportOptionSpec): string {
  const form =
    spec.form === 'flag'
      ? `\`${spec.name}\``
      : spec.form === 'value'
        ? `\`${spec.name}=…\``
        : `\`${spec.name}\` or \`${spec.name}=…\``;
  const facts = [`form: ${form}`];
  if (spec.isDefault) facts.push('exportfs default');
  if (spec.default !== undefined) facts.push(`default: \`${spec.default}\``);
  if (spec.values && spec.valueForm === 'flavours')
    facts.push(`values: ${spec.values.map((v) => `\`${v}\``).join(', ')}`);
  const opposite = [...EXPORT_OPTION_MAP.values()].filter(
    (o) => spec.setting && o.setting === spec.setting && o.state !== spec.state && !o.aliasOf,
  );
  if (opposite.length > 0) facts.push(`opposite: ${opposite.map((o) => `\`${o.name}\``).join(', ')}`);
  return `**${spec.name}** (export option)\n\n${spec.doc}\n\n${facts.join(' · ')}\n\nSource: ${spec.source}`;
}

/** Hover at an offset of an exports file: options, clients (what they cover) and paths. */
export function hoverExports(file: ExportsFile, offset: number): HoverResult | undefined {
  const loc = locateInExports(file, offset);
  switch (loc.kind) {
    case 'option': {
      const spec = EXPORT_OPTION_MAP.get(loc.option.name);
      const markdown = spec
        ? exportOptionMarkdown(spec)
        : `**${loc.option.name}**: not an option exportfs knows (exportfs stops reading the file at it)`;
      return { markdown, span: loc.option.span };
    }
    case 'client': {
      const c = loc.client;
      const name = c.host ? `\`${c.host.text}\`` : '(no client: every host)';
      const options = effectiveOptions(c);
      const markdown =
        `**Client** ${name}\n\nCovers ${describeCoverage(c.spec)}.\n\n` +
        `Effective options: \`${options.text}\`\n\nSource: exports(5), "Machine Name Formats"`;
      return { markdown, span: c.host?.span ?? c.span };
    }
    case 'path': {
      const e = loc.entry;
      const clients =
        e.clients.length === 0
          ? 'every host (no client given)'
          : e.clients.map((c) => `\`${c.host?.text ?? '*'}\``).join(', ');
      const decoded = e.path.value !== e.path.raw ? ` (read as \`${e.path.value}\`)` : '';
      return {
        markdown: `**Export** \`${e.path.raw}\`${decoded}\n\nExported to ${clients}.`,
        span: e.path.span,
      };
    }
    case 'none':
      return undefined;
  }
}
