import { buildDhcpModel } from '../../formats/dhcp/model';
import { parseDhcpConf } from '../../formats/dhcp/parser';
import { reparseDhcpConf } from '../../formats/dhcp/reparse';
import {
  includeMatches,
  includePaths,
  isDhcpConfPath,
  looksLikeDhcpConf,
  recogniseDhcpConf,
} from '../../formats/dhcp/recognise';
import { checkDhcpFile, checkDhcpSet } from '../../rules/dhcp';
import { isDhcpFile } from '../../rules/dhcp/types';
import type { DhcpFile } from '../../rules/dhcp/types';
import type { FormatAnalyser } from '../format-registry';

/**
 * dhcpd.conf in the workspace: `dhcpd.conf` and `dhcpd*.conf` by name, confirmed by content. Files a
 * dhcpd.conf includes are recognised by reference (`includePaths` in formats/dhcp/recognise.ts).
 */
export const DHCP_ANALYSER: FormatAnalyser = {
  id: 'dhcpd-conf',
  languageId: 'dhcpd-conf',
  syntaxRule: 'dhcp/syntax',
  matchesPath: isDhcpConfPath,
  recognise: recogniseDhcpConf,
  matchesContent: looksLikeDhcpConf,
  // Nothing in the context changes a dhcpd.conf's analysis but its path (includes resolve against it).
  contextKey: (c) => c.path,
  analyse(uri, text, context, previous): DhcpFile {
    const ast = isDhcpFile(previous) ? reparseDhcpConf(text, previous) : parseDhcpConf(text);
    return { uri, text, format: 'dhcpd-conf', ast, model: buildDhcpModel(ast), path: context.path };
  },
  check: (file) => (isDhcpFile(file) ? checkDhcpFile(file) : []),
  checkSet: (files) => checkDhcpSet(files.filter(isDhcpFile)),
  references: (file) =>
    isDhcpFile(file)
      ? includePaths(file.ast).map((w) => ({
          format: 'dhcpd-conf',
          text: w.text,
          matches: (path: string) => includeMatches(file.path, w.text, path),
        }))
      : [],
};
