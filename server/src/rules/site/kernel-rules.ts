import type { Finding, FixSpec, RelatedLocation } from '../../core/finding';
import type { LocatedText } from '../../formats/boot-entry';
import { requestedNfsVersion } from '../../formats/cmdline/nfsroot-param';
import { describeValue, nfsRootRequirements } from '../../formats/kconfig/model';
import type { NfsRootOptions, NfsRootProblem, NfsRootRequirements } from '../../formats/kconfig/model';
import type { KconfigFile } from '../kconfig/types';
import { everythingFix, problemFix } from './kernel-fixes';
import type { SiteModel } from './site-model';
import type { BootSubject } from './subjects';

/**
 * The `kernel/*` rules (shared RULES.md, "Across files"): a kernel that mounts its root over NFS itself
 * against its `.config` (DOMAIN.md, "Kernel config"). What the config lacks is computed by the Kconfig
 * model (`nfsRootRequirements`); this file only places it on the kernel reference. With an initrd/ramdisk
 * the initramfs mounts the root (init/main.c runs its /init; init/do_mounts.c is never reached), so the
 * rules fall back to one information.
 */

/** The kernel reference of one subject whose root is NFS, with its config once found. */
interface KernelRef {
  readonly site: SiteModel;
  readonly subject: BootSubject;
  readonly kernel: LocatedText;
}

/** How the kernel boots, as the model asks: a Xen guest or not, `ip=` protocol, `nfsroot=…,vers=`. */
function optionsOf(subject: BootSubject): NfsRootOptions {
  const autoconf = subject.boot.ip?.parsed.autoconf;
  const protocol = autoconf === 'dhcp' || autoconf === 'bootp' || autoconf === 'rarp' ? autoconf : undefined;
  const nfsroot = subject.boot.nfsroot;
  return {
    domU: subject.kind === 'domU',
    protocol,
    nfsVersion: nfsroot ? requestedNfsVersion(nfsroot.parsed.options) : undefined,
  };
}

/** `kernel/config-not-found`: no `.config` for this kernel, with how to map one (CONTRACT.md, topology). */
function configNotFound(ref: KernelRef): Finding {
  const { site, subject, kernel } = ref;
  const mapped = site.topology.kernels.get(kernel.text);
  const beside = site.configPathBeside(subject);
  const what = `this kernel builds in what an NFS root needs (ROOT_NFS, NFS_FS, IP_PNP${
    subject.kind === 'domU' ? ', XEN_NETDEV_FRONTEND' : ''
  })`;
  const message =
    mapped !== undefined
      ? `xen-nfs-boot.json maps ${kernel.text} to ${mapped}, but no kernel .config is at that path in the workspace, so it is not checked whether ${what}`
      : `No .config for ${kernel.text} is in the workspace, so it is not checked whether ${what}: map one in xen-nfs-boot.json ("kernels": { "${kernel.text}": "<path of its .config>" })${
          beside !== undefined ? ` or put it beside the image as ${beside}` : ''
        }`;
  return { ruleId: 'kernel/config-not-found', uri: subject.uri, span: kernel.span, message };
}

/** The `.config` line of a problem's symbol, or the file's start when the symbol has no line. */
function relatedOf(config: KconfigFile, configPath: string, p: NfsRootProblem): RelatedLocation {
  if (!p.current)
    return {
      uri: config.uri,
      span: { start: 0, end: 0 },
      message: `${configPath} has no CONFIG_${p.symbol} line`,
    };
  return {
    uri: config.uri,
    span: p.current.entry.line,
    message: `CONFIG_${p.symbol} ${describeValue(config.model, p.symbol)} here`,
  };
}

/** The problems grouped by rule, in the model's order (IP_PNP and IP_PNP_DHCP are one rule). */
function byRule(problems: readonly NfsRootProblem[]): NfsRootProblem[][] {
  const groups = new Map<string, NfsRootProblem[]>();
  for (const p of problems) groups.set(p.ruleId, [...(groups.get(p.ruleId) ?? []), p]);
  return [...groups.values()];
}

/** What the quick fixes cannot set (dependencies outside the model's table): said in each message. */
function unresolvedNote(requirements: NfsRootRequirements): string {
  const list = requirements.unresolved.map((u) => `CONFIG_${u.symbol}`);
  return list.length === 0
    ? ''
    : `. The quick fixes cannot set ${list.join(', ')}, which this also needs: set it with make menuconfig`;
}

/** What the findings of one failing rule say, the same for every machine that boots the kernel the same way. */
interface ProblemTemplate {
  readonly ruleId: string;
  readonly message: string;
  readonly related: readonly RelatedLocation[];
  readonly fixes: readonly FixSpec[];
}

/**
 * The findings' words, related lines and fixes per requirements (one object per config and way of booting,
 * `nfsRootRequirements`) and config path: a site boots hundreds of machines on a few kernels, and the fixes'
 * edits were built again for each machine (issue 6). They are read, never changed (`Finding` is read-only).
 */
const templateMemo = new WeakMap<NfsRootRequirements, Map<string, readonly ProblemTemplate[]>>();

function problemTemplates(
  config: KconfigFile,
  configPath: string,
  requirements: NfsRootRequirements,
): readonly ProblemTemplate[] {
  let byPath = templateMemo.get(requirements);
  if (!byPath) templateMemo.set(requirements, (byPath = new Map()));
  const known = byPath.get(configPath);
  if (known) return known;
  const groups = byRule(requirements.problems);
  const all = everythingFix(config, configPath, requirements);
  const templates = groups.map((group): ProblemTemplate => {
    const fixes: FixSpec[] = [problemFix(config, configPath, group)];
    if (groups.length > 1) fixes.push(all);
    return {
      ruleId: group[0].ruleId,
      message: `In ${configPath}, ${group.map((p) => p.message).join('. ')}${unresolvedNote(requirements)}`,
      related: group.map((p) => relatedOf(config, configPath, p)),
      fixes,
    };
  });
  byPath.set(configPath, templates);
  return templates;
}

/** One error per failing rule on the kernel reference, each with its own fix and the fix for everything. */
function problemFindings(
  ref: KernelRef,
  config: KconfigFile,
  configPath: string,
  requirements: NfsRootRequirements,
): Finding[] {
  return problemTemplates(config, configPath, requirements).map(
    (t): Finding => ({
      ruleId: t.ruleId,
      uri: ref.subject.uri,
      span: ref.kernel.span,
      message: t.message,
      related: t.related,
      fixes: t.fixes,
    }),
  );
}

/** With an initramfs: one information that the initramfs must mount the root, since the kernel cannot. */
function initramfsNote(
  ref: KernelRef,
  initrd: LocatedText,
  config: KconfigFile,
  configPath: string,
  problems: readonly NfsRootProblem[],
): Finding {
  const lead = problems.find((p) => p.ruleId === 'kernel/root-nfs-disabled') ?? problems[0];
  const others = problems.filter((p) => p !== lead).map((p) => `CONFIG_${p.symbol}`);
  const fact = `CONFIG_${lead.symbol} ${describeValue(config.model, lead.symbol)}${
    others.length > 0 ? `; not built in either: ${others.join(', ')}` : ''
  }`;
  return {
    ruleId: lead.ruleId,
    uri: ref.subject.uri,
    span: ref.kernel.span,
    severity: 'information',
    message: `This kernel cannot mount an NFS root by itself (in ${configPath}, ${fact}), so the initramfs ${initrd.text} must mount it: it has to carry the NFS client and the network driver`,
    related: problems.map((p) => relatedOf(config, configPath, p)),
  };
}

function checkRef(ref: KernelRef): Finding[] {
  const { site, subject } = ref;
  const config = site.kconfigFor(subject);
  // With an initramfs the kernel's config does not decide the boot: a missing one is not worth a word.
  if (!config) return subject.initrd ? [] : [configNotFound(ref)];
  const requirements = nfsRootRequirements(config, optionsOf(subject));
  if (requirements.problems.length === 0) return [];
  const configPath = site.pathOf(config.uri) ?? config.path;
  if (subject.initrd) return [initramfsNote(ref, subject.initrd, config, configPath, requirements.problems)];
  return problemFindings(ref, config, configPath, requirements);
}

/** `kernel/*`: every subject whose root is NFS (`root=/dev/nfs`), once per kernel reference. */
export function checkKernelConfigs(
  site: SiteModel,
  subjects: Iterable<BootSubject> = site.subjects,
): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const subject of subjects) {
    const kernel = subject.kernel;
    if (!subject.boot.rootIsNfs || !kernel) continue;
    const key = `${subject.uri}#${kernel.span.start}:${kernel.span.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(...checkRef({ site, subject, kernel }));
  }
  return out;
}
