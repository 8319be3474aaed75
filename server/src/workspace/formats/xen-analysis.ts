import { buildXenDomain } from '../../formats/xen/domain';
import { parseXenConfig } from '../../formats/xen/parser';
import { checkXenFile, checkXenSet } from '../../rules';
import { isXenFile } from '../../rules/types';
import type { XenFile } from '../../rules/types';
import type { FormatAnalysis } from './lazy-analyser';

/** Parsing and checking Xen domain configs (loaded with the first one: xen.ts). */
export const XEN_CONFIG_ANALYSIS: FormatAnalysis = {
  analyse(uri, text, context): XenFile {
    const ast = parseXenConfig(text);
    return { uri, text, format: 'xen-config', ast, domain: buildXenDomain(uri, ast, context.toolstack) };
  },
  check: (file) => (isXenFile(file) ? checkXenFile(file) : []),
  checkSet: (files) => checkXenSet(files.filter(isXenFile)),
};
