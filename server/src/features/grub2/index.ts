import { isGrub2File } from '../../rules/grub2/types';
import type { FormatFeatures } from '../format-features';
import { completeGrub2 } from './completion';
import { hoverGrub2 } from './hover';
import { grub2FoldingSpans, grub2Symbols } from './symbols';

export { completeGrub2 } from './completion';
export { hoverGrub2 } from './hover';
export { grub2FoldingSpans, grub2Symbols } from './symbols';

/** The editor features of grub.cfg files. */
export const GRUB2_FEATURES: FormatFeatures = {
  hover: (f, offset) => (isGrub2File(f) ? hoverGrub2(f, offset) : undefined),
  complete: (f, offset) => (isGrub2File(f) ? completeGrub2(f, offset) : []),
  symbols: (f) => (isGrub2File(f) ? grub2Symbols(f) : []),
  folding: (f) => (isGrub2File(f) ? grub2FoldingSpans(f) : []),
};
