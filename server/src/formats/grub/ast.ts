import type { Span } from '../../core/text';
import type { GrubLogicalLine } from './logical-lines';
import type { GrubCommandSpec } from './options';

/**
 * The syntax tree of a GRUB legacy menu (menu.lst, grub.conf, a pxegrub per-host `.conf`): the commands
 * before the first `title` (the menu section) and the entries, each a `title` and its commands.
 */

/** One space-separated word of a command line, as GRUB reads it. */
export interface GrubWord {
  readonly text: string;
  readonly span: Span;
  /** Where the word starts in its logical line. */
  readonly at: number;
}

/** One command: its name, arguments and the logical line it stands on. */
export interface GrubCommand {
  readonly name: GrubWord;
  /** The table row of the command; undefined for a command GRUB does not know (and skips). */
  readonly spec: GrubCommandSpec | undefined;
  readonly args: readonly GrubWord[];
  /** Where the arguments start in the logical line (after the name, spaces and `=`). */
  readonly argsAt: number;
  readonly line: GrubLogicalLine;
  readonly span: Span;
}

/** A boot entry: a `title` and the commands up to the next one. */
export interface GrubEntry {
  readonly title: GrubCommand;
  /** The name shown in the menu (the rest of the `title` line). */
  readonly name: { readonly text: string; readonly span: Span };
  readonly commands: readonly GrubCommand[];
  readonly span: Span;
  /**
   * The entry's number as `default` and `fallback` count it. GRUB leaves out a title with no known command
   * after it (stage2/stage2.c `cmain`), so such an entry has none and the ones after it move up.
   */
  readonly number: number | undefined;
}

/** A Debian update-grub setting kept in a comment (`# kopt=root=/dev/hda1 ro`, `# xenhopt=dom0_mem=512M`). */
export interface GrubMagicComment {
  readonly key: { readonly text: string; readonly span: Span };
  readonly value: { readonly text: string; readonly span: Span };
  readonly span: Span;
}

/** A syntax problem; the rule layer turns it into a `grub/syntax` finding. */
export interface GrubSyntaxIssue {
  readonly span: Span;
  readonly message: string;
}

/** The parse result: never thrown, always a tree and its issues. */
export interface GrubMenuAst {
  /** Every command in file order. */
  readonly commands: readonly GrubCommand[];
  /** The commands before the first `title`. */
  readonly globals: readonly GrubCommand[];
  readonly entries: readonly GrubEntry[];
  readonly comments: readonly Span[];
  readonly magicComments: readonly GrubMagicComment[];
  readonly issues: readonly GrubSyntaxIssue[];
}
