import { buildDhcpModel } from '../../formats/dhcp/model';
import { parseDhcpConf } from '../../formats/dhcp/parser';
import { reparseDhcpConf } from '../../formats/dhcp/reparse';
import { rebuildDhcpModel } from '../../formats/dhcp/model-splice';
import { checkDhcpFile, checkDhcpSet } from '../../rules/dhcp';
import { isDhcpFile } from '../../rules/dhcp/types';
import type { DhcpFile } from '../../rules/dhcp/types';
import type { FormatAnalysis } from './lazy-analyser';

/** Parsing and checking dhcpd.conf files (loaded with the first one: dhcp.ts). */
export const DHCP_ANALYSIS: FormatAnalysis = {
  analyse(uri, text, context, previous): DhcpFile {
    // The previous analysis of the same file is handed over (workspace.ts): only the edited pieces are read.
    if (isDhcpFile(previous)) {
      const ast = reparseDhcpConf(text, previous);
      return {
        uri,
        text,
        format: 'dhcpd-conf',
        ast,
        model: rebuildDhcpModel(ast, previous.model),
        path: context.path,
      };
    }
    const ast = parseDhcpConf(text);
    return { uri, text, format: 'dhcpd-conf', ast, model: buildDhcpModel(ast), path: context.path };
  },
  check: (file) => (isDhcpFile(file) ? checkDhcpFile(file) : []),
  checkSet: (files) => checkDhcpSet(files.filter(isDhcpFile)),
};
