import { isGrubLegacyPath, looksLikeGrubLegacy, recogniseGrubLegacy } from '../../formats/grub/recognise';
import type * as GrubAnalysis from './grub-analysis';
import { lazyAnalyser } from './lazy-analyser';

/**
 * The workspace entry of GRUB legacy menus (menu.lst, grub.conf, pxegrub `grub/<host>.conf`). Files the
 * menus load are looked up in the site's file map (`grub/missing-file`, grub-analysis.ts).
 */
export const GRUB_ANALYSER = lazyAnalyser(
  {
    id: 'grub-legacy',
    languageId: 'grub-legacy',
    syntaxRule: 'grub/syntax',
    matchesPath: isGrubLegacyPath,
    recognise: recogniseGrubLegacy,
    matchesContent: looksLikeGrubLegacy,
    // Nothing outside the text changes how a menu reads.
    contextKey: () => '',
    toleratesNul: true,
  },
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use (lazy-analyser.ts)
  () => (require('./grub-analysis') as typeof GrubAnalysis).GRUB_ANALYSIS,
);
