import { parseExports } from '../../formats/exports/parser';
import { isExportsPath, looksLikeExports, recogniseExports } from '../../formats/exports/recognise';
import { checkExportsFile, checkExportsSet, isExportsFile } from '../../rules/exports';
import type { ExportsFile } from '../../rules/exports';
import type { FormatAnalyser } from '../format-registry';

/** The workspace entry of NFS export tables (/etc/exports, /etc/exports.d/*.exports). */
export const EXPORTS_ANALYSER: FormatAnalyser = {
  id: 'nfs-exports',
  languageId: 'nfs-exports',
  syntaxRule: 'exports/syntax',
  matchesPath: isExportsPath,
  recognise: recogniseExports,
  matchesContent: looksLikeExports,
  // Nothing outside the text changes how an exports file reads.
  contextKey: () => '',
  analyse(uri, text): ExportsFile {
    return { uri, text, format: 'nfs-exports', ast: parseExports(text) };
  },
  check: (file) => (isExportsFile(file) ? checkExportsFile(file) : []),
  checkSet: (files) => checkExportsSet(files.filter(isExportsFile)),
};
