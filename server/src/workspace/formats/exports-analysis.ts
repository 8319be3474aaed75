import { parseExports } from '../../formats/exports/parser';
import { checkExportsFile, checkExportsSet, isExportsFile } from '../../rules/exports';
import type { ExportsFile } from '../../rules/exports';
import type { FormatAnalysis } from './lazy-analyser';

/** Parsing and checking NFS export tables (loaded with the first one: exports.ts). */
export const EXPORTS_ANALYSIS: FormatAnalysis = {
  analyse(uri, text): ExportsFile {
    return { uri, text, format: 'nfs-exports', ast: parseExports(text) };
  },
  check: (file) => (isExportsFile(file) ? checkExportsFile(file) : []),
  checkSet: (files) => checkExportsSet(files.filter(isExportsFile)),
};
