import { isXenConfigPath, looksLikeXenConfig, recogniseXenConfig } from '../../formats/xen/recognise';
import type * as XenAnalysis from './xen-analysis';
import { lazyAnalyser } from './lazy-analyser';

/** The workspace entry of Xen domain configs (shared CONTRACT.md, "Which files are ours"). */
export const XEN_CONFIG_ANALYSER = lazyAnalyser(
  {
    id: 'xen-config',
    languageId: 'xen-config',
    syntaxRule: 'xen/syntax',
    matchesPath: isXenConfigPath,
    recognise: recogniseXenConfig,
    matchesContent: looksLikeXenConfig,
    // The toolstack decides what the domain boots with (xm synthesises `ip=` and `nfsroot=`).
    contextKey: (c) => c.toolstack,
  },
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use (lazy-analyser.ts)
  () => (require('./xen-analysis') as typeof XenAnalysis).XEN_CONFIG_ANALYSIS,
);
