import { buildDhcpModel } from '../../formats/dhcp/model';
import { parseDhcpConf } from '../../formats/dhcp/parser';
import { checkDhcpFile, checkDhcpSet } from '../../rules/dhcp';
import { isDhcpFile } from '../../rules/dhcp/types';
import type { DhcpFile } from '../../rules/dhcp/types';
import type { FormatAnalysis } from './lazy-analyser';

/** Parsing and checking dhcpd.conf files (loaded with the first one: dhcp.ts). */
export const DHCP_ANALYSIS: FormatAnalysis = {
  analyse(uri, text, context): DhcpFile {
    const ast = parseDhcpConf(text);
    return { uri, text, format: 'dhcpd-conf', ast, model: buildDhcpModel(ast), path: context.path };
  },
  check: (file) => (isDhcpFile(file) ? checkDhcpFile(file) : []),
  checkSet: (files) => checkDhcpSet(files.filter(isDhcpFile)),
};
