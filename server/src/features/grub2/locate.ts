import { spanContains } from '../../core/text';
import type { SimpleCommand } from '../../formats/grub2/ast';
import { walkSimpleCommands } from '../../formats/grub2/ast';
import type { Grub2Entry } from '../../formats/grub2/model';
import { loaderPath } from '../../formats/grub2/model';
import type { Word } from '../../formats/grub2/word';
import type { Grub2File } from '../../rules/grub2/types';

/** What the cursor is on in a grub.cfg. */
export type Grub2Location =
  | { readonly kind: 'command'; readonly command: SimpleCommand; readonly entry: Grub2Entry | undefined }
  | { readonly kind: 'title'; readonly entry: Grub2Entry }
  | { readonly kind: 'linux-arg'; readonly word: Word; readonly index: number }
  | { readonly kind: 'xen-arg'; readonly word: Word }
  | { readonly kind: 'none' };

/** The entry whose loaders include `c`. */
function entryOf(file: Grub2File, c: SimpleCommand): Grub2Entry | undefined {
  return file.model.entries.find((e) => e.loaders.includes(c) || e.command === c);
}

/** Finds what is under `offset`. */
export function locateInGrub2(file: Grub2File, offset: number): Grub2Location {
  const commands = walkSimpleCommands(file.ast.commands).filter((c) => spanContains(c.span, offset));
  const c = commands[commands.length - 1];
  if (!c) return { kind: 'none' };
  if (spanContains(c.name.span, offset)) return { kind: 'command', command: c, entry: entryOf(file, c) };
  const entry = file.model.entries.find((e) => e.command === c);
  if (entry?.entry.title && spanContains(entry.entry.title.span, offset)) return { kind: 'title', entry };
  const word = c.args.find((w) => spanContains(w.span, offset));
  if (!word) return { kind: 'none' };
  const owner = entryOf(file, c);
  const rest = loaderPath(c).rest;
  if (!owner || !rest.includes(word)) return { kind: 'none' };
  if (['multiboot2', 'multiboot', 'xen_hypervisor'].includes(c.name.text)) return { kind: 'xen-arg', word };
  const isKernel = owner.entry.kernel && loaderPath(c).path?.span === owner.entry.kernel.span;
  if (!isKernel) return { kind: 'none' };
  const piece = word.pieces.find((p) => p.kind === 'text' && p.offsets.includes(offset));
  const index = piece && piece.kind === 'text' ? piece.offsets.indexOf(offset) : word.text.length;
  return { kind: 'linux-arg', word, index };
}
