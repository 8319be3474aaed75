import { isDhcpFile } from '../../rules/dhcp/types';
import type { FormatFeatures } from '../format-features';
import { completeDhcp } from './completion';
import { hoverDhcp } from './hover';
import { dhcpFoldingSpans, dhcpSymbols } from './symbols';

/** The editor features of dhcpd.conf files. */
export const DHCP_FEATURES: FormatFeatures = {
  hover: (f, offset) => (isDhcpFile(f) ? hoverDhcp(f, offset) : undefined),
  complete: (f, offset) => (isDhcpFile(f) ? completeDhcp(f, offset) : []),
  symbols: (f) => (isDhcpFile(f) ? dhcpSymbols(f) : []),
  folding: (f) => (isDhcpFile(f) ? dhcpFoldingSpans(f) : []),
};
