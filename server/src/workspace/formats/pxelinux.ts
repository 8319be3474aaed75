import { isPxelinuxPath, looksLikePxelinux, recognisePxelinux } from '../../formats/pxelinux/recognise';
import { lazyAnalyser } from './lazy-analyser';
import type * as PxelinuxAnalysis from './pxelinux-analysis';

/** The workspace entry of PXELINUX files (pxelinux.cfg/default, 01-<mac>, hex IP names). */
export const PXELINUX_ANALYSER = lazyAnalyser(
  {
    id: 'pxelinux',
    languageId: 'pxelinux',
    syntaxRule: 'pxelinux/syntax',
    matchesPath: isPxelinuxPath,
    recognise: recognisePxelinux,
    matchesContent: looksLikePxelinux,
    // The file name says which machine reads the file.
    contextKey: (c) => c.path,
  },
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use (lazy-analyser.ts)
  () => (require('./pxelinux-analysis') as typeof PxelinuxAnalysis).PXELINUX_ANALYSIS,
);
