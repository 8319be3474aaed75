import type { Finding } from '../../core/finding';
import type { ExportsAst } from '../../formats/exports/ast';
import type { AnalysedFile } from '../../workspace/analysed-file';

/** A parsed exports file (/etc/exports or /etc/exports.d/*.exports): what exports rules read. */
export interface ExportsFile {
  readonly uri: string;
  readonly text: string;
  readonly format: 'nfs-exports';
  readonly ast: ExportsAst;
}

/** A check of one exports file. */
export type ExportsFileCheck = (file: ExportsFile) => Finding[];

/** A check across the exports files of the workspace. */
export type ExportsSetCheck = (files: readonly ExportsFile[]) => Finding[];

/** Narrows an analysed file to an exports file. */
export function isExportsFile(f: AnalysedFile | undefined): f is ExportsFile {
  return f?.format === 'nfs-exports';
}

/** What exportfs does after a fatal error in a file (support/nfs/exports.c: getexportent returns NULL). */
export const EXPORTFS_STOPS = 'exportfs rejects it and stops reading the file: no entry after it is exported';
