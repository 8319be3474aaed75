import { spanContains } from '../../core/text';
import type { GrubCommand, GrubEntry, GrubMagicComment, GrubWord } from '../../formats/grub/ast';
import { entryBoot } from '../../formats/grub/model';
import type { GrubFile } from '../../rules/grub/types';

/** What the cursor is on in a GRUB legacy menu. */
export type GrubLocation =
  | { readonly kind: 'command'; readonly command: GrubCommand; readonly entry: GrubEntry | undefined }
  | {
      readonly kind: 'argument';
      readonly command: GrubCommand;
      readonly entry: GrubEntry | undefined;
      readonly word: GrubWord;
      /** The cursor's index inside the word. */
      readonly index: number;
    }
  | { readonly kind: 'magic'; readonly magic: GrubMagicComment }
  | { readonly kind: 'none' };

/** The entry a command belongs to, if it is not in the menu section. */
export function entryOf(file: GrubFile, command: GrubCommand): GrubEntry | undefined {
  return file.ast.entries.find((e) => e.title === command || e.commands.includes(command));
}

/** The command whose line holds `offset` (its name to its last character). */
export function commandAt(file: GrubFile, offset: number): GrubCommand | undefined {
  return file.ast.commands.find((c) => offset >= c.line.span.start && offset <= c.line.span.end);
}

/** Locates `offset` in a menu. */
export function locateInGrub(file: GrubFile, offset: number): GrubLocation {
  const magic = file.ast.magicComments.find((m) => spanContains(m.span, offset));
  if (magic) return { kind: 'magic', magic };
  const command = commandAt(file, offset);
  if (!command) return { kind: 'none' };
  const entry = entryOf(file, command);
  if (spanContains(command.name.span, offset)) return { kind: 'command', command, entry };
  const word = command.args.find((a) => spanContains(a.span, offset));
  if (!word) return { kind: 'none' };
  return { kind: 'argument', command, entry, word, index: offset - word.span.start };
}

/** Which kind of command line a command carries: Xen's (`kernel /xen.gz`), Linux's, or none. */
export function commandLineKind(
  command: GrubCommand,
  entry: GrubEntry | undefined,
): 'xen' | 'linux' | undefined {
  if (!entry) return undefined;
  const boot = entryBoot(entry);
  if (boot.kernel?.command === command) {
    return boot.kind === 'xen' ? 'xen' : boot.kind === 'linux' ? 'linux' : undefined;
  }
  return boot.kind === 'xen' && boot.modules[0]?.command === command ? 'linux' : undefined;
}

/** The index of the first argument after the loaded file, i.e. where a command line starts. */
export function commandLineStart(command: GrubCommand): number {
  const file = command.args.findIndex((a) => !a.text.startsWith('--'));
  return file < 0 ? command.args.length : file + 1;
}
