import { LineIndex } from '../../../server/src/core/text';
import { buildDhcpModel } from '../../../server/src/formats/dhcp/model';
import { parseDhcpConf } from '../../../server/src/formats/dhcp/parser';
import { DHCP_RULES } from '../../../server/src/rules/dhcp/catalogue';
import { checkDhcpFile, checkDhcpSet } from '../../../server/src/rules/dhcp';
import type { DhcpFile } from '../../../server/src/rules/dhcp/types';
import type { Finding } from '../../../server/src/core/finding';
import { testUri } from './site';

/** A dhcpd.conf as the analyser makes it. */
export function dhcpFile(path: string, text: string): DhcpFile {
  const ast = parseDhcpConf(text);
  return { uri: testUri(path), text, format: 'dhcpd-conf', ast, model: buildDhcpModel(ast), path };
}

/** Files from one string, each introduced by `=== path` (as in helpers/site.ts). */
export function dhcpFilesFromText(spec: string): DhcpFile[] {
  const parts = spec.split(/^=== (.+)\n/m).slice(1);
  const files: DhcpFile[] = [];
  for (let i = 0; i < parts.length; i += 2) files.push(dhcpFile(parts[i].trim(), parts[i + 1]));
  return files;
}

/** Every finding of the files, single-file and set checks. */
export function dhcpFindings(files: readonly DhcpFile[]): Finding[] {
  return [...files.flatMap(checkDhcpFile), ...checkDhcpSet(files)];
}

const SEVERITY = new Map(DHCP_RULES.map((r) => [r.id, r.severity]));

/** Every finding as `path:line:col-line:col severity rule-id` (1-based), sorted. */
export function renderDhcpFindings(files: readonly DhcpFile[]): string[] {
  return dhcpFindings(files)
    .map((f) => {
      const file = files.find((x) => x.uri === f.uri);
      const index = new LineIndex(file?.text ?? '');
      const s = index.position(f.span.start);
      const e = index.position(f.span.end);
      return `${file?.path}:${s.line + 1}:${s.character + 1}-${e.line + 1}:${e.character + 1} ${f.severity ?? SEVERITY.get(f.ruleId)} ${f.ruleId}`;
    })
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}
