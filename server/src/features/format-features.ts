import type { Span } from '../core/text';
import { isXenFile } from '../rules/types';
import type { AnalysedFile, FormatId } from '../workspace/analysed-file';
import { completeXen } from './completion';
import type { CompletionEntry } from './completion';
import { hoverXen } from './hover';
import type { HoverResult } from './hover';
import { xenFoldingSpans, xenSymbols } from './symbols';
import { DHCP_FEATURES } from './dhcp';
import { EXPORTS_FEATURES } from './exports';
import { GRUB_FEATURES, configfileTarget } from './grub';
import { KCONFIG_FEATURES } from './kconfig';
import { GRUB2_FEATURES } from './grub2';
import { PXELINUX_FEATURES } from './pxelinux';
import { isGrubFile } from '../rules/grub/types';
import type { SymbolSpec } from './symbols';

/** The editor features of one format, over its analysed files. One entry per format. */
export interface FormatFeatures {
  hover(file: AnalysedFile, offset: number): HoverResult | undefined;
  complete(file: AnalysedFile, offset: number): CompletionEntry[];
  symbols(file: AnalysedFile): SymbolSpec[];
  folding(file: AnalysedFile): { span: Span; comment: boolean }[];
  /** The path (as written, absolute on its host) that the reference at `offset` names, for go-to-definition. */
  definition?(file: AnalysedFile, offset: number): string | undefined;
}

const XEN_FEATURES: FormatFeatures = {
  hover: (f, offset) => (isXenFile(f) ? hoverXen(f, offset) : undefined),
  complete: (f, offset) => (isXenFile(f) ? completeXen(f, offset) : []),
  symbols: (f) => (isXenFile(f) ? xenSymbols(f) : []),
  folding: (f) => (isXenFile(f) ? xenFoldingSpans(f) : []),
};

/** A format without editor features yet answers nothing (diagnostics still come from its rules). */
const NO_FEATURES: FormatFeatures = {
  hover: () => undefined,
  complete: () => [],
  symbols: () => [],
  folding: () => [],
};

const FEATURES: Readonly<Partial<Record<FormatId, FormatFeatures>>> = {
  'xen-config': XEN_FEATURES,
  'nfs-exports': EXPORTS_FEATURES,
  'dhcpd-conf': DHCP_FEATURES,
  'grub-legacy': {
    ...GRUB_FEATURES,
    definition: (f, offset) => (isGrubFile(f) ? configfileTarget(f, offset) : undefined),
  },
  grub2: GRUB2_FEATURES,
  pxelinux: PXELINUX_FEATURES,
  kconfig: KCONFIG_FEATURES,
};

/** The features of a file's format. */
export function featuresOf(file: AnalysedFile): FormatFeatures {
  return FEATURES[file.format] ?? NO_FEATURES;
}
