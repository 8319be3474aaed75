import type { Finding } from '../core/finding';
import type { XenConfigAst } from '../formats/xen/ast';
import type { XenDomain } from '../formats/xen/domain';
import type { AnalysedFile } from '../workspace/analysed-file';

/** A parsed Xen domain config with its boot model: what Xen rules read. */
export interface XenFile {
  readonly uri: string;
  readonly text: string;
  readonly format: 'xen-config';
  readonly ast: XenConfigAst;
  readonly domain: XenDomain;
}

/** A check of one Xen domain config. */
export type XenFileCheck = (file: XenFile) => Finding[];

/** A check across every Xen domain config of the workspace. */
export type XenSetCheck = (files: readonly XenFile[]) => Finding[];

/** Narrows an analysed file to a Xen domain config. */
export function isXenFile(f: AnalysedFile | undefined): f is XenFile {
  return f?.format === 'xen-config';
}
