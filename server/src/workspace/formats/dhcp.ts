import {
  includeMatches,
  isDhcpConfPath,
  looksLikeDhcpConf,
  recogniseDhcpConf,
} from '../../formats/dhcp/recognise';
import { isDhcpFile } from '../../rules/dhcp/types';
import type * as DhcpAnalysis from './dhcp-analysis';
import { lazyAnalyser } from './lazy-analyser';

/**
 * dhcpd.conf in the workspace: `dhcpd.conf` and `dhcpd*.conf` by name, confirmed by content. Files a
 * dhcpd.conf includes are recognised by reference (the tree's `includes`, kept as it is read).
 */
export const DHCP_ANALYSER = lazyAnalyser(
  {
    id: 'dhcpd-conf',
    languageId: 'dhcpd-conf',
    syntaxRule: 'dhcp/syntax',
    matchesPath: isDhcpConfPath,
    recognise: recogniseDhcpConf,
    matchesContent: looksLikeDhcpConf,
    // Nothing in the context changes a dhcpd.conf's analysis but its path (includes resolve against it).
    contextKey: (c) => c.path,
    references: (file) =>
      isDhcpFile(file)
        ? file.ast.includes.map((w) => ({
            format: 'dhcpd-conf',
            text: w.text,
            matches: (path: string) => includeMatches(file.path, w.text, path),
          }))
        : [],
  },
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use (lazy-analyser.ts)
  () => (require('./dhcp-analysis') as typeof DhcpAnalysis).DHCP_ANALYSIS,
);
