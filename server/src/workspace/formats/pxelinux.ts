import { machineOfPxelinuxName } from '../../formats/pxelinux/machine';
import { buildPxeModel } from '../../formats/pxelinux/model';
import { parsePxelinux } from '../../formats/pxelinux/parser';
import { isPxelinuxPath, looksLikePxelinux, recognisePxelinux } from '../../formats/pxelinux/recognise';
import { checkPxelinuxFile, checkPxelinuxSet, isPxelinuxFile } from '../../rules/pxelinux';
import type { PxelinuxFile } from '../../rules/pxelinux';
import type { FormatAnalyser } from '../format-registry';

/** The workspace entry of PXELINUX files (pxelinux.cfg/default, 01-<mac>, hex IP names). */
export const PXELINUX_ANALYSER: FormatAnalyser = {
  id: 'pxelinux',
  languageId: 'pxelinux',
  syntaxRule: 'pxelinux/syntax',
  matchesPath: isPxelinuxPath,
  recognise: recognisePxelinux,
  matchesContent: looksLikePxelinux,
  // The file name says which machine reads the file.
  contextKey: (c) => c.path,
  analyse(uri, text, context): PxelinuxFile {
    const ast = parsePxelinux(text);
    const base = context.path.slice(context.path.lastIndexOf('/') + 1);
    return {
      uri,
      text,
      format: 'pxelinux',
      path: context.path,
      ast,
      model: buildPxeModel(uri, ast),
      machine: machineOfPxelinuxName(base),
    };
  },
  check: (file) => (isPxelinuxFile(file) ? checkPxelinuxFile(file) : []),
  checkSet: (files) => checkPxelinuxSet(files.filter(isPxelinuxFile)),
};
