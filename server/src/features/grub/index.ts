import { isGrubFile } from '../../rules/grub/types';
import type { FormatFeatures } from '../format-features';
import { completeGrub } from './completion';
import { hoverGrub } from './hover';
import { grubFoldingSpans, grubSymbols } from './symbols';

export { completeGrub } from './completion';
export { configfileTarget } from './definition';
export { hoverGrub } from './hover';
export { grubFoldingSpans, grubSymbols } from './symbols';

/** The editor features of GRUB legacy menus. */
export const GRUB_FEATURES: FormatFeatures = {
  hover: (f, offset) => (isGrubFile(f) ? hoverGrub(f, offset) : undefined),
  complete: (f, offset) => (isGrubFile(f) ? completeGrub(f, offset) : []),
  symbols: (f) => (isGrubFile(f) ? grubSymbols(f) : []),
  folding: (f) => (isGrubFile(f) ? grubFoldingSpans(f) : []),
};
