import type { BootEntry } from '../../formats/boot-entry';
import { IP_FIELDS } from '../../formats/cmdline/params';
import { KERNEL_PARAM_MAP } from '../../formats/cmdline/param-index';
import type { GrubEntry } from '../../formats/grub/ast';
import { magicCommentSpec } from '../../formats/grub/magic-comments';
import { bootEntryOf } from '../../formats/grub/model';
import type { GrubCommandSpec } from '../../formats/grub/options';
import type { SubOptionSpec } from '../../formats/option-spec';
import { XEN_HYPERVISOR_PARAMS } from '../../formats/xen/xen-params';
import type { GrubFile } from '../../rules/grub/types';
import type { HoverResult } from '../hover';
import { commandLineKind, commandLineStart, locateInGrub } from './locate';
import type { GrubLocation } from './locate';

/** Xen's own options by name. */
const XEN_PARAM_MAP: ReadonlyMap<string, SubOptionSpec> = new Map(
  XEN_HYPERVISOR_PARAMS.map((p) => [p.name, p]),
);

/** The Markdown of a command's table row. */
export function commandMarkdown(spec: GrubCommandSpec): string {
  const notes: string[] = [];
  if (spec.scope === 'menu') notes.push('only before the first `title`');
  if (spec.scope === 'entry') notes.push('only inside an entry');
  if (spec.netboot) notes.push('only in GRUB builds with network support (pxegrub)');
  if (spec.patched) notes.push(`not in GRUB 0.97 itself: ${spec.patched}`);
  const deprecated = spec.deprecated ? `\n\n**Deprecated:** ${spec.deprecated}` : '';
  const facts = notes.length > 0 ? `\n\n${notes.join(' · ')}` : '';
  return `**${spec.name}** (GRUB legacy)\n\n\`${spec.syntax}\`\n\n${spec.doc}${deprecated}${facts}\n\nSource: ${spec.source}`;
}

function subOptionMarkdown(title: string, spec: SubOptionSpec): string {
  const values = spec.values ? `\n\nvalues: ${spec.values.map((v) => `\`${v}\``).join(', ')}` : '';
  const deprecated = spec.deprecated ? `\n\n**Deprecated:** ${spec.deprecated}` : '';
  return `**${title}**\n\n${spec.doc}${values}${deprecated}\n\nSource: ${spec.source}`;
}

/** Inline code; runs of spaces (from `\` continuations) shown as one. */
const code = (s: string | undefined): string => (s ? `\`${s.replace(/\s+/g, ' ')}\`` : '(none)');

function nfsSummary(entry: BootEntry): string | undefined {
  const b = entry.boot;
  if (!b?.rootIsNfs) return undefined;
  const server = b.server;
  const from = !server
    ? 'no server: the kernel has no way to learn one'
    : server.kind === 'autoconf'
      ? `the server from ${server.protocol} autoconfiguration`
      : `server ${server.address} (from ${server.kind}=)`;
  const path = b.nfsroot?.parsed.path ? ` path ${code(b.nfsroot.parsed.path)},` : '';
  const initrd = entry.initrd ? '; the initramfs, not the kernel, mounts it' : '';
  return `NFS root:${path} ${from}${initrd}`;
}

/** The boot summary of an entry: hypervisor, kernel, initrd and the Linux command line. */
export function entryMarkdown(file: GrubFile, entry: GrubEntry): string {
  const number =
    entry.number === undefined ? 'not shown: it has no command GRUB knows' : `entry ${entry.number}`;
  const boot = bootEntryOf(file.uri, entry);
  const lines = [`**${entry.name.text || '(no title)'}** (GRUB legacy, ${number})`];
  if (boot.hypervisor) {
    lines.push(
      `Hypervisor: ${code(boot.hypervisor.text)} ${boot.hypervisorArgs ? code(boot.hypervisorArgs.text) : ''}`,
    );
  }
  lines.push(`Kernel: ${code(boot.kernel?.text)}`, `Initrd: ${code(boot.initrd?.text)}`);
  if (boot.commandLine)
    lines.push(`Linux command line: ${boot.commandLine.text ? code(boot.commandLine.text) : '(empty)'}`);
  const nfs = nfsSummary(boot);
  if (nfs) lines.push(nfs);
  return lines.join('\n\n');
}

function xenParamHover(name: string): string | undefined {
  const spec = XEN_PARAM_MAP.get(name) ?? XEN_PARAM_MAP.get(name.replace(/^no-?/, ''));
  return spec ? subOptionMarkdown(`${spec.name} (Xen hypervisor option)`, spec) : undefined;
}

function kernelParamHover(text: string, index: number): string {
  const eq = text.indexOf('=');
  const name = eq < 0 ? text : text.slice(0, eq);
  const spec = KERNEL_PARAM_MAP.get(name);
  if (!spec) return `**${name}**: a kernel parameter this extension does not document`;
  let markdown = subOptionMarkdown(`${name}= (kernel parameter)`, spec);
  if (name === 'ip' && eq >= 0 && index > eq) {
    const field = text.slice(eq + 1, index).split(':').length - 1;
    const f = IP_FIELDS[field];
    if (f) markdown = `${subOptionMarkdown(`ip= field ${field + 1}: ${f.name}`, f)}\n\n---\n\n${markdown}`;
  }
  return markdown;
}

function argumentHover(
  file: GrubFile,
  loc: Extract<GrubLocation, { kind: 'argument' }>,
): HoverResult | undefined {
  const { command, entry, word } = loc;
  if (command.spec?.scope === 'title' && entry)
    return { markdown: entryMarkdown(file, entry), span: entry.name.span };
  const kind = commandLineKind(command, entry);
  const inCommandLine = command.args.indexOf(word) >= commandLineStart(command);
  if (kind && inCommandLine) {
    const name = word.text.split('=')[0];
    const markdown = kind === 'xen' ? xenParamHover(name) : kernelParamHover(word.text, loc.index);
    return markdown ? { markdown, span: word.span } : undefined;
  }
  return command.spec ? { markdown: commandMarkdown(command.spec), span: word.span } : undefined;
}

/** Hover at an offset of a GRUB legacy menu. */
export function hoverGrub(file: GrubFile, offset: number): HoverResult | undefined {
  const loc = locateInGrub(file, offset);
  switch (loc.kind) {
    case 'magic': {
      const spec = magicCommentSpec(loc.magic.key.text);
      return spec
        ? {
            markdown: `**${loc.magic.key.text}** (Debian update-grub setting)\n\n${spec.doc}`,
            span: loc.magic.span,
          }
        : undefined;
    }
    case 'command': {
      const { command, entry } = loc;
      if (!command.spec) {
        return {
          markdown: `**${command.name.text}**: not a GRUB legacy command (GRUB skips it)`,
          span: command.name.span,
        };
      }
      const summary =
        command.spec.scope === 'title' && entry ? `\n\n---\n\n${entryMarkdown(file, entry)}` : '';
      return { markdown: `${commandMarkdown(command.spec)}${summary}`, span: command.name.span };
    }
    case 'argument':
      return argumentHover(file, loc);
    case 'none':
      return undefined;
  }
}
