import { buildGrub2Model } from '../../formats/grub2/model';
import { parseGrub2 } from '../../formats/grub2/parser';
import { checkGrub2File, checkGrub2Set, isGrub2File } from '../../rules/grub2';
import type { Grub2File } from '../../rules/grub2';
import type { FormatAnalysis } from './lazy-analyser';

/** Parsing and checking GRUB 2 scripts (loaded with the first one: grub2.ts). */
export const GRUB2_ANALYSIS: FormatAnalysis = {
  analyse(uri, text): Grub2File {
    const ast = parseGrub2(text);
    return { uri, text, format: 'grub2', ast, model: buildGrub2Model(uri, ast) };
  },
  check: (file) => (isGrub2File(file) ? checkGrub2File(file) : []),
  checkSet: (files) => checkGrub2Set(files.filter(isGrub2File)),
};
