import type { Span } from '../../core/text';
import type { BootEntry, LocatedText } from '../boot-entry';
import { analyseKernelBoot } from '../cmdline/kernel-boot';
import { copiedText, SourceMap } from '../cmdline/source-map';
import { PxeRun, textOffset } from './ast';
import type { PxeAst, PxeLabel, PxeLine, PxeText } from './ast';

/**
 * The boot model of a PXELINUX file: each LABEL as a `BootEntry`. A Linux label is `KERNEL vmlinuz` +
 * `APPEND <command line>` (+ `INITRD` or `initrd=` in APPEND); a Xen label is `KERNEL mboot.c32` + `APPEND
 * xen.gz <Xen options> --- vmlinuz <Linux command line> --- initrd.img` (syslinux com32/mboot). A label with
 * no APPEND takes the global one.
 */

const KERNEL_KEYWORDS = new Set(['kernel', 'linux', 'com32', 'boot', 'bss', 'pxe', 'fdimage', 'comboot']);

/** A label and what it boots. */
export interface PxeEntry {
  readonly entry: BootEntry;
  readonly label: PxeLabel;
  /** The KERNEL (or LINUX, COM32, …) line. */
  readonly kernelLine: PxeLine | undefined;
  /** The APPEND line in effect (the label's, else the global one). */
  readonly appendLine: PxeLine | undefined;
  /** Whether the label boots Xen through mboot.c32. */
  readonly mboot: boolean;
  /** The `---`-separated parts of an mboot.c32 APPEND. */
  readonly mbootParts: readonly PxeText[];
  /** The IPAPPEND/SYSAPPEND value in effect, if any. */
  readonly ipappend: number | undefined;
}

/** The model of a PXELINUX file. */
export interface PxeModel {
  readonly entries: readonly PxeEntry[];
  readonly labelNames: ReadonlySet<string>;
}

function lineOf(label: PxeLabel, name: string, alias?: string): PxeLine | undefined {
  for (const l of label.lines) if (l.keyword.name === name || l.keyword.name === alias) return l;
  return undefined;
}

// Regular expressions without state, made once (issue 6).
const SPACE = /\s/;
const MBOOT = /(^|\/)mboot\.c32$/i;
const NOT_LINUX = /\.(c32|0|bin|bs|bss|img|com|cbt)$/i;

/** A slice of a text with its offsets, trimmed. */
function slice(t: PxeText, from: number, to: number): PxeText | undefined {
  let a = from;
  let b = to;
  while (a < b && SPACE.test(t.text[a])) a++;
  while (b > a && SPACE.test(t.text[b - 1])) b--;
  if (a >= b) return undefined;
  const span = { start: textOffset(t, a), end: textOffset(t, b - 1) + 1 };
  if (t instanceof PxeRun) return new PxeRun(t.text.slice(a, b), span);
  return { text: t.text.slice(a, b), span, offsets: t.offsets.slice(a, b) };
}

/** Splits mboot.c32's APPEND on ` --- ` words. */
export function splitMboot(args: PxeText): PxeText[] {
  const parts: PxeText[] = [];
  const re = /(^|\s)---(?=\s|$)/g;
  let from = 0;
  for (let m = re.exec(args.text); m; m = re.exec(args.text)) {
    const at = m.index + m[1].length;
    const part = slice(args, from, at);
    if (part) parts.push(part);
    from = at + 3;
  }
  const last = slice(args, from, args.text.length);
  if (last) parts.push(last);
  return parts;
}

/** The first word of a text, and the rest. */
function headAndRest(t: PxeText): { head: LocatedText; rest: PxeText | undefined } {
  const m = /^\S+/.exec(t.text);
  const n = m ? m[0].length : 0;
  return {
    head: { text: t.text.slice(0, n), span: { start: t.span.start, end: textOffset(t, n - 1) + 1 } },
    rest: slice(t, n, t.text.length),
  };
}

/** The source map of a text copied from the file (by arithmetic for a run). */
function copiedMap(t: PxeText): SourceMap {
  if (t instanceof PxeRun && t.text.length > 0)
    return new SourceMap([{ from: 0, to: t.text.length, span: t.span, first: t.span.start }]);
  return copiedText(t.offsets, t.span);
}

function located(t: PxeText | undefined): LocatedText | undefined {
  return t ? { text: t.text, span: t.span } : undefined;
}

/** The initrd of a Linux label: `INITRD file[,file]`, else `initrd=file[,file]` in APPEND. */
function initrdOf(label: PxeLabel, append: PxeText | undefined): LocatedText | undefined {
  const line = lineOf(label, 'initrd');
  if (line?.args) return { text: line.args.text.split(',')[0], span: line.args.span };
  const m = append ? /(^|\s)initrd=([^\s,]+)/.exec(append.text) : null;
  if (!m || !append) return undefined;
  const start = m.index + m[1].length + 'initrd='.length;
  return {
    text: m[2],
    span: { start: textOffset(append, start), end: textOffset(append, start + m[2].length - 1) + 1 },
  };
}

function numberOf(line: PxeLine | undefined): number | undefined {
  const n = line?.args ? parseInt(line.args.text, 10) : NaN;
  return Number.isNaN(n) ? undefined : n;
}

/** The global lines a label falls back on, found once per file (not once per label: files have thousands). */
interface GlobalDefaults {
  readonly append: PxeLine | undefined;
  readonly ipappend: PxeLine | undefined;
}

function globalDefaults(globals: readonly PxeLine[]): GlobalDefaults {
  return {
    append: globals.find((l) => l.keyword.name === 'append'),
    ipappend: globals.find((l) => ['ipappend', 'sysappend'].includes(l.keyword.name)),
  };
}

function buildEntry(uri: string, label: PxeLabel, globals: GlobalDefaults): PxeEntry {
  const kernelLine = label.lines.find((l) => KERNEL_KEYWORDS.has(l.keyword.name));
  const ownAppend = lineOf(label, 'append');
  const appendLine = ownAppend ?? globals.append;
  const append = appendLine?.args && appendLine.args.text !== '-' ? appendLine.args : undefined;
  const kernelFile = kernelLine?.args?.text.split(/\s/)[0] ?? '';
  const mboot = MBOOT.test(kernelFile);
  const mbootParts = mboot && append ? splitMboot(append) : [];
  const ipappend = numberOf(lineOf(label, 'ipappend', 'sysappend') ?? globals.ipappend);
  const title = located(label.name);
  let entry: BootEntry;
  if (mboot) {
    const [xen, linux, initrd] = mbootParts.map(headAndRest);
    const cmd = linux?.rest;
    entry = {
      uri,
      title,
      span: label.span,
      hypervisor: xen?.head,
      hypervisorArgs: located(xen?.rest),
      kernel: linux?.head,
      initrd: initrd?.head,
      commandLine: cmd ? { text: cmd.text, map: copiedMap(cmd) } : undefined,
      boot: linux ? analyseKernelBoot(cmd?.text ?? '') : undefined,
    };
  } else {
    const isLinux =
      kernelLine !== undefined &&
      (kernelLine.keyword.name === 'linux' ||
        (kernelLine.keyword.name === 'kernel' && !NOT_LINUX.test(kernelFile)));
    const kernel: LocatedText | undefined = kernelLine?.args
      ? {
          text: kernelFile,
          span: { start: kernelLine.args.span.start, end: kernelLine.args.span.start + kernelFile.length },
        }
      : undefined;
    entry = {
      uri,
      title,
      span: label.span,
      hypervisor: undefined,
      hypervisorArgs: undefined,
      kernel: isLinux ? kernel : undefined,
      initrd: isLinux ? initrdOf(label, append) : undefined,
      commandLine: isLinux && append ? { text: append.text, map: copiedMap(append) } : undefined,
      boot: isLinux ? analyseKernelBoot(append?.text ?? '') : undefined,
    };
  }
  return { entry, label, kernelLine, appendLine, mboot, mbootParts, ipappend };
}

/** Builds the model of a parsed PXELINUX file. */
export function buildPxeModel(uri: string, ast: PxeAst): PxeModel {
  const defaults = globalDefaults(ast.globals);
  const entries = ast.labels.map((l) => buildEntry(uri, l, defaults));
  const labelNames = new Set<string>();
  for (const l of ast.labels) if (l.name) labelNames.add(l.name.text.toLowerCase());
  return { entries, labelNames };
}

/** Where the kernel command line of an entry stands, for diagnostics without a command line. */
export function entrySpan(e: PxeEntry): Span {
  return e.appendLine?.span ?? e.label.span;
}
