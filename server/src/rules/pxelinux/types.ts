import type { Finding } from '../../core/finding';
import type { PxeAst } from '../../formats/pxelinux/ast';
import type { PxelinuxMachine } from '../../formats/pxelinux/machine';
import type { PxeModel } from '../../formats/pxelinux/model';
import type { AnalysedFile } from '../../workspace/analysed-file';

/** A parsed PXELINUX file with its boot model and the machine its name stands for: what `pxelinux/*` rules read. */
export interface PxelinuxFile {
  readonly uri: string;
  readonly text: string;
  readonly format: 'pxelinux';
  /** The path relative to the workspace root. */
  readonly path: string;
  readonly ast: PxeAst;
  readonly model: PxeModel;
  readonly machine: PxelinuxMachine;
}

/** A check of one PXELINUX file. */
export type PxelinuxFileCheck = (file: PxelinuxFile) => Finding[];

/** A check across the PXELINUX files of the workspace. */
export type PxelinuxSetCheck = (files: readonly PxelinuxFile[]) => Finding[];

/** Narrows an analysed file to a PXELINUX file. */
export function isPxelinuxFile(f: AnalysedFile | undefined): f is PxelinuxFile {
  return f?.format === 'pxelinux';
}
