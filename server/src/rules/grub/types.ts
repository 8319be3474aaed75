import type { Finding } from '../../core/finding';
import type { BootEntry } from '../../formats/boot-entry';
import type { GrubMenuAst } from '../../formats/grub/ast';
import type { AnalysedFile } from '../../workspace/analysed-file';

/** A parsed GRUB legacy menu with the boot model of its entries: what `grub/*` rules read. */
export interface GrubFile {
  readonly uri: string;
  readonly text: string;
  readonly format: 'grub-legacy';
  readonly ast: GrubMenuAst;
  /** One per entry GRUB shows (a `title` with at least one known command), in menu order. */
  readonly entries: readonly BootEntry[];
}

/** A check of one GRUB legacy menu. */
export type GrubFileCheck = (file: GrubFile) => Finding[];

/** A check across every GRUB legacy menu of the workspace. */
export type GrubSetCheck = (files: readonly GrubFile[]) => Finding[];

/** Narrows an analysed file to a GRUB legacy menu. */
export function isGrubFile(f: AnalysedFile | undefined): f is GrubFile {
  return f?.format === 'grub-legacy';
}
