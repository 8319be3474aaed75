import type { Span } from '../../core/text';
import type { BootEntry, LocatedText } from '../boot-entry';
import { analyseKernelBoot } from '../cmdline/kernel-boot';
import { SourceMap } from '../cmdline/source-map';
import type { GrubCommand, GrubEntry, GrubMenuAst, GrubWord } from './ast';
import { parseFileName } from './device';
import type { GrubFileName } from './device';
import { PlainLine } from './logical-lines';
import { lineSpan } from './parser';

/**
 * What a GRUB legacy entry boots. A Xen entry is `kernel /xen.gz <Xen options>`, then
 * `module /vmlinuz <Linux command line>` (dom0), then optionally `module /initrd.img`; a Linux entry is
 * `kernel /vmlinuz <command line>` and optionally `initrd` (or a `module`, which GRUB then loads as the
 * initrd: stage2/builtins.c `module_func`).
 */

/** How the image of a `kernel` line boots: GRUB decides by the file's format; we read its name and `--type=`. */
export type KernelKind = 'xen' | 'linux' | 'multiboot' | 'bsd' | 'chainloader' | 'unknown';

/** A file loaded by `kernel`, `module`, `modulenounzip`, `initrd` or `chainloader`, with its command line. */
export interface LoadedImage {
  readonly command: GrubCommand;
  readonly file: GrubWord;
  readonly fileName: GrubFileName;
  /** The words after the file: its command line. */
  readonly argsAt: number | undefined;
}

/** The images an entry loads. */
export interface GrubEntryBoot {
  readonly kernel: LoadedImage | undefined;
  readonly kind: KernelKind | undefined;
  readonly modules: readonly LoadedImage[];
  readonly initrd: LoadedImage | undefined;
}

const KERNEL_TYPES: Readonly<Record<string, KernelKind>> = {
  linux: 'linux',
  biglinux: 'linux',
  multiboot: 'multiboot',
  netbsd: 'bsd',
  freebsd: 'bsd',
  openbsd: 'bsd',
};

/** The base name of a path (`/boot/xen-3.2-1-i386.gz` → `xen-3.2-1-i386.gz`). */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).replace(/^\([^)]*\)/, '');
}

/** What a `kernel` line loads, judged by `--type=` and the file's name; `unknown` when neither says. */
export function kernelKind(cmd: GrubCommand, file: GrubWord | undefined): KernelKind {
  const base = baseName(file?.text ?? '');
  // `xen.gz`, `xen-4.0-amd64.gz`, `xen.gz-2.6.18-8.el5`; not XenoLinux, Xen 1.x's dom0 kernel.
  if (/^xen(?!o?linux)/i.test(base)) return 'xen';
  const type = cmd.args.map((a) => /^--type=(.*)$/.exec(a.text)?.[1]).find((t) => t !== undefined);
  if (type !== undefined) return KERNEL_TYPES[type] ?? 'unknown';
  return /^(vmlinu[xz]|bzimage)/i.test(base) ? 'linux' : 'unknown';
}

function loaded(command: GrubCommand): LoadedImage | undefined {
  const i = command.args.findIndex((a) => !a.text.startsWith('--'));
  if (i < 0) return undefined;
  const file = command.args[i];
  return { command, file, fileName: parseFileName(file.text), argsAt: command.args[i + 1]?.at };
}

const MODULE_COMMANDS = new Set(['module', 'modulenounzip']);

/** The images an entry loads, as GRUB would run its commands (a new `kernel` forgets earlier modules). */
export function entryBoot(entry: GrubEntry): GrubEntryBoot {
  let kernel: LoadedImage | undefined;
  let modules: LoadedImage[] = [];
  let initrd: LoadedImage | undefined;
  for (const cmd of entry.commands) {
    const name = cmd.spec?.name;
    if (name === 'kernel') {
      kernel = loaded(cmd);
      modules = [];
      initrd = undefined;
    } else if (name !== undefined && MODULE_COMMANDS.has(name)) {
      const m = loaded(cmd);
      if (m) modules.push(m);
    } else if (name === 'initrd') initrd = loaded(cmd) ?? initrd;
  }
  let kind = kernel ? kernelKind(kernel.command, kernel.file) : undefined;
  if (kind === 'unknown') kind = modules.length > 0 && !initrd ? 'multiboot' : 'linux';
  return { kernel, kind, modules, initrd };
}

/** The command line of a loaded image (the words after its file), mapped back to the file. */
export function imageCommandLine(
  image: LoadedImage,
): { text: string; map: SourceMap; span: Span } | undefined {
  if (image.argsAt === undefined) return undefined;
  const line = image.command.line;
  const text = line.text.slice(image.argsAt).trimEnd();
  const span = lineSpan(line, image.argsAt, image.argsAt + text.length);
  return {
    text,
    map:
      line instanceof PlainLine && image.argsAt + text.length <= line.text.length
        ? copiedRunMap(text.length, line.span.start + image.argsAt, span)
        : copiedMap(text.length, line.offsets.slice(image.argsAt, image.argsAt + text.length), span),
    span,
  };
}

/**
 * The map of a copied command line, plus an empty segment at its end: a finding about a missing value at
 * the very end (`nfsroot=` with nothing after it) then points just after the text instead of nowhere.
 */
function copiedMap(length: number, offsets: readonly number[], span: Span): SourceMap {
  return new SourceMap([
    { from: 0, to: length, span, offsets },
    { from: length, to: length + 1, span: { start: span.end, end: span.end } },
  ]);
}

/** The same for text copied whole from the file from offset `first`. */
function copiedRunMap(length: number, first: number, span: Span): SourceMap {
  return new SourceMap([
    { from: 0, to: length, span, first },
    { from: length, to: length + 1, span: { start: span.end, end: span.end } },
  ]);
}

function located(image: LoadedImage | undefined): LocatedText | undefined {
  if (!image) return undefined;
  const start = image.file.span.start + image.fileName.pathAt;
  return { text: image.fileName.path, span: { start, end: image.file.span.end } };
}

/** The format-neutral boot model of one entry. */
export function bootEntryOf(uri: string, entry: GrubEntry): BootEntry {
  const b = entryBoot(entry);
  const xen = b.kind === 'xen';
  const linux = xen ? b.modules[0] : b.kind === 'linux' ? b.kernel : undefined;
  const initrd = xen ? b.modules[1] : b.kind === 'linux' ? (b.initrd ?? b.modules[0]) : undefined;
  const hypervisorLine = xen && b.kernel ? imageCommandLine(b.kernel) : undefined;
  const commandLine = linux ? (imageCommandLine(linux) ?? emptyLine(linux)) : undefined;
  return {
    uri,
    title: { text: entry.name.text, span: entry.name.span },
    span: entry.span,
    hypervisor: xen ? located(b.kernel) : undefined,
    hypervisorArgs: hypervisorLine ? { text: hypervisorLine.text, span: hypervisorLine.span } : undefined,
    kernel: located(linux ?? (b.kind === 'multiboot' || b.kind === 'bsd' ? b.kernel : undefined)),
    initrd: located(initrd),
    commandLine: commandLine ? { text: commandLine.text, map: commandLine.map } : undefined,
    boot: commandLine ? analyseKernelBoot(commandLine.text) : undefined,
  };
}

/** An image loaded with no arguments: an empty command line that maps to the file name. */
function emptyLine(image: LoadedImage): { text: string; map: SourceMap } {
  return { text: '', map: copiedMap(0, [], { start: image.file.span.end, end: image.file.span.end }) };
}

/** The boot model of every entry GRUB shows in its menu. */
export function buildBootEntries(uri: string, ast: GrubMenuAst): BootEntry[] {
  return ast.entries.filter((e) => e.number !== undefined).map((e) => bootEntryOf(uri, e));
}
