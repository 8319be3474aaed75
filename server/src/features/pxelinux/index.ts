import { isPxelinuxFile } from '../../rules/pxelinux/types';
import type { FormatFeatures } from '../format-features';
import { completePxelinux } from './completion';
import { hoverPxelinux } from './hover';
import { pxelinuxFoldingSpans, pxelinuxSymbols } from './symbols';

export { completePxelinux } from './completion';
export { hoverPxelinux } from './hover';
export { pxelinuxFoldingSpans, pxelinuxSymbols } from './symbols';

/** The editor features of PXELINUX files. */
export const PXELINUX_FEATURES: FormatFeatures = {
  hover: (f, offset) => (isPxelinuxFile(f) ? hoverPxelinux(f, offset) : undefined),
  complete: (f, offset) => (isPxelinuxFile(f) ? completePxelinux(f, offset) : []),
  symbols: (f) => (isPxelinuxFile(f) ? pxelinuxSymbols(f) : []),
  folding: (f) => (isPxelinuxFile(f) ? pxelinuxFoldingSpans(f) : []),
};
