import type { Span } from '../../core/text';
import { normaliseMac } from '../../core/mac';
import type { Toolstack } from '../option-spec';
import { analyseKernelBoot } from '../cmdline/kernel-boot';
import type { KernelBoot } from '../cmdline/kernel-boot';
import type { XenConfigAst } from './ast';
import { effectiveCommandLine } from './command-line-model';
import type { EffectiveCommandLine } from './command-line-model';
import { collectSettings, stringOf } from './settings';
import type { Setting } from './settings';
import { parseVifSpec, vifValue } from './vif';
import type { VifSpec } from './vif';

/** A string value with where it stands. */
export interface Located {
  readonly text: string;
  readonly span: Span;
}

/**
 * The boot model of one Xen domain: the format-neutral facts other checks use (name, kernel, ramdisk,
 * command line, NFS root, network identity), computed for the toolstack that will read the file.
 */
export interface XenDomain {
  readonly uri: string;
  readonly toolstack: Toolstack;
  readonly settings: ReadonlyMap<string, Setting>;
  readonly name: Located | undefined;
  readonly kernel: Located | undefined;
  readonly ramdisk: Located | undefined;
  readonly vifs: readonly VifSpec[];
  /** Fixed MACs of the vifs, normalised, with the span of each `mac=` pair. */
  readonly macs: readonly Located[];
  readonly commandLine: EffectiveCommandLine;
  readonly boot: KernelBoot;
}

function located(s: Setting | undefined): Located | undefined {
  const text = stringOf(s);
  return s && text !== undefined && s.value ? { text, span: s.value.span } : undefined;
}

/** The vif specs of a `vif` setting (list items that are strings). */
export function vifSpecs(settings: ReadonlyMap<string, Setting>): VifSpec[] {
  const v = settings.get('vif')?.value;
  const specs: VifSpec[] = [];
  if (v?.kind === 'list')
    for (const item of v.items) if (item.kind === 'string') specs.push(parseVifSpec(item));
  return specs;
}

function fixedMacs(vifs: readonly VifSpec[]): Located[] {
  const macs: Located[] = [];
  for (const spec of vifs) {
    const pair = vifValue(spec, 'mac');
    const mac = pair?.value ? normaliseMac(pair.value) : undefined;
    if (mac && pair) macs.push({ text: mac, span: pair.span });
  }
  return macs;
}

/** Builds the boot model of a parsed domain config. */
export function buildXenDomain(uri: string, ast: XenConfigAst, toolstack: Toolstack): XenDomain {
  const settings = collectSettings(ast);
  const vifs = vifSpecs(settings);
  const commandLine = effectiveCommandLine(settings, toolstack);
  return {
    uri,
    toolstack,
    settings,
    name: located(settings.get('name')),
    kernel: located(settings.get('kernel')),
    ramdisk: located(settings.get('ramdisk')),
    vifs,
    macs: fixedMacs(vifs),
    commandLine,
    boot: analyseKernelBoot(commandLine.text),
  };
}
