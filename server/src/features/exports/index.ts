import { isExportsFile } from '../../rules/exports/types';
import type { FormatFeatures } from '../format-features';
import { completeExports } from './completion';
import { hoverExports } from './hover';
import { exportsFoldingSpans, exportsSymbols } from './symbols';

export { completeExports } from './completion';
export { hoverExports } from './hover';
export { exportsFoldingSpans, exportsSymbols } from './symbols';

/** The editor features of exports files. */
export const EXPORTS_FEATURES: FormatFeatures = {
  hover: (f, offset) => (isExportsFile(f) ? hoverExports(f, offset) : undefined),
  complete: (f, offset) => (isExportsFile(f) ? completeExports(f, offset) : []),
  symbols: (f) => (isExportsFile(f) ? exportsSymbols(f) : []),
  folding: (f) => (isExportsFile(f) ? exportsFoldingSpans(f) : []),
};
