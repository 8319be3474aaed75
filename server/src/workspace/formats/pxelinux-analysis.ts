import { machineOfPxelinuxName } from '../../formats/pxelinux/machine';
import { buildPxeModel } from '../../formats/pxelinux/model';
import { parsePxelinux } from '../../formats/pxelinux/parser';
import { checkPxelinuxFile, checkPxelinuxSet, isPxelinuxFile } from '../../rules/pxelinux';
import type { PxelinuxFile } from '../../rules/pxelinux';
import type { FormatAnalysis } from './lazy-analyser';

/** Parsing and checking PXELINUX files (loaded with the first one: pxelinux.ts). */
export const PXELINUX_ANALYSIS: FormatAnalysis = {
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
