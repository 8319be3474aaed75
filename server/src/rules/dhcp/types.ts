import type { Finding } from '../../core/finding';
import type { DhcpConfAst } from '../../formats/dhcp/ast';
import type { DhcpModel } from '../../formats/dhcp/model';
import type { AnalysedFile } from '../../workspace/analysed-file';

/** A parsed dhcpd.conf (or a file one includes) with its model: what DHCP rules read. */
export interface DhcpFile {
  readonly uri: string;
  readonly text: string;
  readonly format: 'dhcpd-conf';
  readonly ast: DhcpConfAst;
  readonly model: DhcpModel;
  /** The path relative to the workspace root, `/` separators: resolves `include`s. */
  readonly path: string;
}

/** A check of one dhcpd.conf. */
export type DhcpFileCheck = (file: DhcpFile) => Finding[];

/** A check across the dhcpd.conf files of the workspace. */
export type DhcpSetCheck = (files: readonly DhcpFile[]) => Finding[];

/** Narrows an analysed file to a dhcpd.conf. */
export function isDhcpFile(f: AnalysedFile | undefined): f is DhcpFile {
  return f?.format === 'dhcpd-conf';
}
