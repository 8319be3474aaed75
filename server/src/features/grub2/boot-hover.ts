import type { BootEntry } from '../../formats/boot-entry';
import { KERNEL_PARAM_MAP } from '../../formats/cmdline/param-index';
import { IP_FIELDS } from '../../formats/cmdline/params';
import type { SubOptionSpec } from '../../formats/option-spec';
import { XEN_HYPERVISOR_PARAMS } from '../../formats/xen/xen-params';

/**
 * Hover text shared by the boot-loader formats (GRUB 2, PXELINUX): the summary of what an entry boots,
 * and the documentation of a kernel parameter or a Xen hypervisor option under the cursor.
 */

const XEN_PARAM_MAP: ReadonlyMap<string, SubOptionSpec> = new Map(
  XEN_HYPERVISOR_PARAMS.map((p) => [p.name, p]),
);

function specMarkdown(title: string, spec: SubOptionSpec): string {
  const values = spec.values ? `\n\nvalues: ${spec.values.map((v) => `\`${v}\``).join(', ')}` : '';
  const deprecated = spec.deprecated ? `\n\n**Deprecated:** ${spec.deprecated}` : '';
  return `**${title}**\n\n${spec.doc}${values}${deprecated}\n\nSource: ${spec.source}`;
}

/** What the kernel will do about its root, in one line. */
function nfsSummary(entry: BootEntry): string | undefined {
  const b = entry.boot;
  if (!b) return undefined;
  if (!b.rootIsNfs && !b.nfsroot) return b.root ? `Root: \`${b.root.value ?? ''}\`` : undefined;
  const server = b.server
    ? b.server.kind === 'autoconf'
      ? `learnt by ${b.server.protocol} autoconfiguration`
      : `${b.server.address} (from ${b.server.kind}=)`
    : 'unknown';
  const path = b.nfsroot?.parsed.path ?? '/tftpboot/<client-ip> (the default)';
  const mounter = entry.initrd ? 'the initramfs mounts it' : 'the kernel mounts it';
  return `NFS root: server ${server}, path \`${path}\`; ${mounter}`;
}

/** The Markdown summary of a boot entry: hypervisor, kernel, initrd, command line and NFS root. */
export function bootSummaryMarkdown(entry: BootEntry, what: string): string {
  const lines = [`**${what}** ${entry.title ? `\`${entry.title.text}\`` : '(untitled)'}`];
  if (entry.hypervisor) {
    const args = entry.hypervisorArgs?.text ? ` \`${entry.hypervisorArgs.text}\`` : '';
    lines.push(`Xen hypervisor: \`${entry.hypervisor.text}\`${args}`);
  }
  lines.push(
    entry.kernel
      ? `${entry.hypervisor ? 'dom0 kernel' : 'Kernel'}: \`${entry.kernel.text}\``
      : 'Kernel: none loaded',
  );
  if (entry.initrd) lines.push(`Initrd: \`${entry.initrd.text}\``);
  if (entry.commandLine) lines.push(`Kernel command line: \`${entry.commandLine.text || '(empty)'}\``);
  const nfs = nfsSummary(entry);
  if (nfs) lines.push(nfs);
  return lines.join('\n\n');
}

/** The documentation of the kernel parameter `word`; `at` is the cursor's index in the word (for `ip=` fields). */
export function kernelParamMarkdown(word: string, at: number): string | undefined {
  const eq = word.indexOf('=');
  const name = eq < 0 ? word : word.slice(0, eq);
  const spec = KERNEL_PARAM_MAP.get(name);
  if (!spec) return undefined;
  const markdown = specMarkdown(`${name}= (kernel parameter)`, spec);
  if (name !== 'ip' || eq < 0 || at <= eq) return markdown;
  const index = word.slice(eq + 1, at).split(':').length - 1;
  const field = IP_FIELDS[index];
  return field
    ? `${specMarkdown(`ip= field ${index + 1}: ${field.name}`, field)}\n\n---\n\n${markdown}`
    : markdown;
}

/** The documentation of the Xen hypervisor option `word` (`dom0_mem=…`, `no-…` booleans included). */
export function xenParamMarkdown(word: string): string | undefined {
  const name = word.split('=')[0];
  const spec = XEN_PARAM_MAP.get(name) ?? XEN_PARAM_MAP.get(name.replace(/^no-/, ''));
  return spec ? specMarkdown(`${spec.name} (Xen hypervisor option)`, spec) : undefined;
}

/** Xen hypervisor options, for completion. */
export const XEN_PARAMS_FOR_COMPLETION: readonly SubOptionSpec[] = XEN_HYPERVISOR_PARAMS;
