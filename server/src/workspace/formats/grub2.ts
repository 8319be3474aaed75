import { isGrub2Path, looksLikeGrub2, recogniseGrub2 } from '../../formats/grub2/recognise';
import type * as Grub2Analysis from './grub2-analysis';
import { lazyAnalyser } from './lazy-analyser';

/** The workspace entry of GRUB 2 scripts (grub.cfg): recognised by name, confirmed by content. */
export const GRUB2_ANALYSER = lazyAnalyser(
  {
    id: 'grub2',
    languageId: 'grub2',
    syntaxRule: 'grub2/syntax',
    matchesPath: isGrub2Path,
    recognise: recogniseGrub2,
    matchesContent: looksLikeGrub2,
    // Nothing outside the text changes how a grub.cfg reads.
    contextKey: () => '',
  },
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use (lazy-analyser.ts)
  () => (require('./grub2-analysis') as typeof Grub2Analysis).GRUB2_ANALYSIS,
);
