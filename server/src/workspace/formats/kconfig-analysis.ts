import { buildKconfigModel } from '../../formats/kconfig/model';
import { parseKconfig } from '../../formats/kconfig/parser';
import { isKconfigPath } from '../../formats/kconfig/recognise';
import { kconfigSections } from '../../formats/kconfig/sections';
import type { KconfigSection } from '../../formats/kconfig/sections';
import { checkKconfigFile, checkKconfigSet, isKconfigFile } from '../../rules/kconfig';
import type { KconfigFile } from '../../rules/kconfig';
import type { FormatAnalysis } from './lazy-analyser';

/** Parsing and checking kernel `.config` files (loaded with the first one: kconfig.ts). */
export const KCONFIG_ANALYSIS: FormatAnalysis = {
  analyse(uri, text, context): KconfigFile {
    const ast = parseKconfig(text);
    let sections: readonly KconfigSection[] | undefined;
    return {
      uri,
      text,
      format: 'kconfig',
      ast,
      model: buildKconfigModel(ast),
      // Built when the outline or folding first asks: some 400 objects per section-rich `.config`, 4 MB for
      // a site's 50 files that the checks never read (issue 6).
      get sections() {
        return (sections ??= kconfigSections(text, ast));
      },
      path: context.path,
      recognisedBy: isKconfigPath(context.path) ? 'name' : 'content',
    };
  },
  check: (file) => (isKconfigFile(file) ? checkKconfigFile(file) : []),
  checkSet: (files) => checkKconfigSet(files.filter(isKconfigFile)),
};
