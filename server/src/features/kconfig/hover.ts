import { spanContains } from '../../core/text';
import type { Span } from '../../core/text';
import type { KconfigEntry } from '../../formats/kconfig/ast';
import { KCONFIG_SYMBOL_MAP, symbolCondition } from '../../formats/kconfig/symbols';
import type { KconfigSymbolSpec } from '../../formats/kconfig/symbols';
import type { KconfigFile } from '../../rules/kconfig/types';
import type { HoverResult } from '../hover';

/** The Markdown of a table symbol: what it does, its Kconfig facts and what an NFS root needs from it. */
export function kconfigSymbolMarkdown(spec: KconfigSymbolSpec): string {
  const facts = [`type: ${spec.type}`];
  if (spec.default !== undefined) facts.push(`default: ${spec.default}`);
  if (spec.prompt === false) facts.push('no prompt (set by other symbols)');
  const lines = [`**CONFIG_${spec.name}** (kernel config symbol)`, spec.doc];
  if (spec.gone) lines.push(`**Gone:** ${spec.gone}`);
  lines.push(facts.join(' · '));
  const condition = symbolCondition(spec);
  if (condition) lines.push(`depends on: \`${condition}\``);
  if (spec.selects?.length) lines.push(`selects: ${spec.selects.map((s) => `\`${s}\``).join(', ')}`);
  if (spec.nfsRoot) lines.push(`**NFS root:** ${spec.nfsRoot}`);
  lines.push(`Source: ${spec.source} (Linux 6.1)`);
  return lines.join('\n\n');
}

function guessedType(entry: KconfigEntry): string {
  if (entry.kind === 'not-set') return 'bool or tristate';
  switch (entry.value.kind) {
    case 'tristate':
      return entry.value.tristate === 'm' ? 'tristate' : 'bool or tristate';
    case 'number':
      return 'int (or hex)';
    case 'hex':
      return 'hex';
    case 'string':
      return 'string';
    default:
      return 'unknown (the value is not one conf reads)';
  }
}

function entryHover(file: KconfigFile, entry: KconfigEntry): HoverResult {
  const spec = KCONFIG_SYMBOL_MAP.get(entry.name);
  const sections: string[] = [];
  if (entry.kind === 'not-set') {
    sections.push(
      `\`# CONFIG_${entry.name} is not set\` is a setting, not a comment: it sets the symbol to **n**, as conf writes it for a visible bool or tristate that is off.`,
    );
  }
  const effective = file.model.symbols.get(entry.name);
  const value = entry.kind === 'not-set' ? 'n' : entry.value.raw;
  // Entries are built on demand, so the line that decides is told by where it stands.
  const overridden =
    effective && effective.entry.line.start !== entry.line.start ? ' (a later line overrides it)' : '';
  if (spec) sections.unshift(kconfigSymbolMarkdown(spec));
  else
    sections.unshift(
      `**CONFIG_${entry.name}** (kernel config symbol)\n\nNot in this extension’s table of network-boot symbols.\n\ntype (from the value): ${guessedType(entry)}`,
    );
  sections.push(`Value here: \`${value}\`${overridden}`);
  return { markdown: sections.join('\n\n---\n\n'), span: entry.nameSpan };
}

function firstLineNote(file: KconfigFile): string {
  const name = file.path.slice(file.path.lastIndexOf('/') + 1);
  return `**Kernel .config, recognised by its content**: \`${name}\` is not named \`.config\`, \`config-<version>\` or \`*.config\`, but its lines set kernel config symbols. If it is something else, change the file’s language.`;
}

/** Hover at an offset of a `.config`: symbols from the table, any other symbol's value, the header. */
export function hoverKconfig(file: KconfigFile, offset: number): HoverResult | undefined {
  const firstLineEnd = file.text.search(/\r?\n|$/);
  const note = file.recognisedBy === 'content' && offset <= firstLineEnd ? firstLineNote(file) : undefined;
  const index = file.ast.entries.indexAt(offset);
  const entry = index >= 0 ? file.ast.entries.at(index) : undefined;
  const version = file.model.version;
  let result: HoverResult | undefined;
  if (entry) result = entryHover(file, entry);
  else if (version && spanContains(version.span, offset)) {
    const arch = version.arch ? ` for ${version.arch}` : '';
    result = {
      markdown: `**Kernel version ${version.version}**${arch}, as the kernel’s configuration tool wrote it. Rules that join this config to a kernel image use it.`,
      span: version.span,
    };
  }
  if (!note) return result;
  const span: Span = result?.span ?? { start: 0, end: firstLineEnd };
  return { markdown: result ? `${note}\n\n---\n\n${result.markdown}` : note, span };
}
