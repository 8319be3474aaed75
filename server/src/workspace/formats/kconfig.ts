import { isKconfigPath, looksLikeKconfig, recogniseKconfig } from '../../formats/kconfig/recognise';
import type * as KconfigAnalysis from './kconfig-analysis';
import { lazyAnalyser } from './lazy-analyser';

/**
 * Kernel `.config` files in the workspace: `.config`, `config-<version>` and `*.config` by name, confirmed by
 * content (a `CONFIG_X=` or `# CONFIG_X is not set` line).
 */
export const KCONFIG_ANALYSER = lazyAnalyser(
  {
    id: 'kconfig',
    languageId: 'kconfig',
    syntaxRule: 'kconfig/syntax',
    matchesPath: isKconfigPath,
    recognise: recogniseKconfig,
    matchesContent: looksLikeKconfig,
    // The path decides whether the file was recognised by its name (said in the hover) and its version.
    contextKey: (c) => c.path,
  },
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use (lazy-analyser.ts)
  () => (require('./kconfig-analysis') as typeof KconfigAnalysis).KCONFIG_ANALYSIS,
);
