import { isExportsPath, looksLikeExports, recogniseExports } from '../../formats/exports/recognise';
import type * as ExportsAnalysis from './exports-analysis';
import { lazyAnalyser } from './lazy-analyser';

/** The workspace entry of NFS export tables (/etc/exports, /etc/exports.d/*.exports). */
export const EXPORTS_ANALYSER = lazyAnalyser(
  {
    id: 'nfs-exports',
    languageId: 'nfs-exports',
    syntaxRule: 'exports/syntax',
    matchesPath: isExportsPath,
    recognise: recogniseExports,
    matchesContent: looksLikeExports,
    // Nothing outside the text changes how an exports file reads.
    contextKey: () => '',
  },
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use (lazy-analyser.ts)
  () => (require('./exports-analysis') as typeof ExportsAnalysis).EXPORTS_ANALYSIS,
);
