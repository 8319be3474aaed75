import { parseKconfig } from '../../formats/kconfig/parser';
import { buildKconfigModel } from '../../formats/kconfig/model';
import { isKconfigPath, looksLikeKconfig, recogniseKconfig } from '../../formats/kconfig/recognise';
import { kconfigSections } from '../../formats/kconfig/sections';
import { checkKconfigFile, checkKconfigSet, isKconfigFile } from '../../rules/kconfig';
import type { KconfigFile } from '../../rules/kconfig';
import type { FormatAnalyser } from '../format-registry';

/**
 * Kernel `.config` files in the workspace: `.config`, `config-<version>` and `*.config` by name, confirmed by
 * content (a `CONFIG_X=` or `# CONFIG_X is not set` line).
 */
export const KCONFIG_ANALYSER: FormatAnalyser = {
  id: 'kconfig',
  languageId: 'kconfig',
  syntaxRule: 'kconfig/syntax',
  matchesPath: isKconfigPath,
  recognise: recogniseKconfig,
  matchesContent: looksLikeKconfig,
  // The path decides whether the file was recognised by its name (said in the hover) and its version.
  contextKey: (c) => c.path,
  analyse(uri, text, context): KconfigFile {
    const ast = parseKconfig(text);
    return {
      uri,
      text,
      format: 'kconfig',
      ast,
      model: buildKconfigModel(ast),
      sections: kconfigSections(text, ast),
      path: context.path,
      recognisedBy: isKconfigPath(context.path) ? 'name' : 'content',
    };
  },
  check: (file) => (isKconfigFile(file) ? checkKconfigFile(file) : []),
  checkSet: (files) => checkKconfigSet(files.filter(isKconfigFile)),
};
