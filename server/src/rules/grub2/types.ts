import type { Finding } from '../../core/finding';
import type { Grub2Ast } from '../../formats/grub2/ast';
import type { Grub2Model } from '../../formats/grub2/model';
import type { AnalysedFile } from '../../workspace/analysed-file';

/** A parsed grub.cfg with its boot model: what `grub2/*` rules read. */
export interface Grub2File {
  readonly uri: string;
  readonly text: string;
  readonly format: 'grub2';
  readonly ast: Grub2Ast;
  readonly model: Grub2Model;
}

/** A check of one grub.cfg. */
export type Grub2FileCheck = (file: Grub2File) => Finding[];

/** A check across the grub.cfg files of the workspace. */
export type Grub2SetCheck = (files: readonly Grub2File[]) => Finding[];

/** Narrows an analysed file to a grub.cfg. */
export function isGrub2File(f: AnalysedFile | undefined): f is Grub2File {
  return f?.format === 'grub2';
}
