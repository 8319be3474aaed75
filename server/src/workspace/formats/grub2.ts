import { buildGrub2Model } from '../../formats/grub2/model';
import { parseGrub2 } from '../../formats/grub2/parser';
import { isGrub2Path, looksLikeGrub2, recogniseGrub2 } from '../../formats/grub2/recognise';
import { checkGrub2File, checkGrub2Set, isGrub2File } from '../../rules/grub2';
import type { Grub2File } from '../../rules/grub2';
import type { FormatAnalyser } from '../format-registry';

/** The workspace entry of GRUB 2 scripts (grub.cfg): recognised by name, confirmed by content. */
export const GRUB2_ANALYSER: FormatAnalyser = {
  id: 'grub2',
  languageId: 'grub2',
  syntaxRule: 'grub2/syntax',
  matchesPath: isGrub2Path,
  recognise: recogniseGrub2,
  matchesContent: looksLikeGrub2,
  // Nothing outside the text changes how a grub.cfg reads.
  contextKey: () => '',
  analyse(uri, text): Grub2File {
    const ast = parseGrub2(text);
    return { uri, text, format: 'grub2', ast, model: buildGrub2Model(uri, ast) };
  },
  check: (file) => (isGrub2File(file) ? checkGrub2File(file) : []),
  checkSet: (files) => checkGrub2Set(files.filter(isGrub2File)),
};
