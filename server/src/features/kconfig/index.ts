import { isKconfigFile } from '../../rules/kconfig/types';
import type { FormatFeatures } from '../format-features';
import { completeKconfig } from './completion';
import { hoverKconfig } from './hover';
import { kconfigFoldingSpans, kconfigSymbols } from './symbols';

export { completeKconfig } from './completion';
export { hoverKconfig, kconfigSymbolMarkdown } from './hover';
export { kconfigFoldingSpans, kconfigSymbols } from './symbols';

/** The editor features of kernel `.config` files. */
export const KCONFIG_FEATURES: FormatFeatures = {
  hover: (f, offset) => (isKconfigFile(f) ? hoverKconfig(f, offset) : undefined),
  complete: (f, offset) => (isKconfigFile(f) ? completeKconfig(f, offset) : []),
  symbols: (f) => (isKconfigFile(f) ? kconfigSymbols(f) : []),
  folding: (f) => (isKconfigFile(f) ? kconfigFoldingSpans(f) : []),
};
