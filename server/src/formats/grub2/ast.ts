import type { Span } from '../../core/text';
import type { Word } from './word';

/**
 * The syntax tree of a GRUB 2 script (grub.cfg), after grub-core/script/parser.y. `menuentry` and
 * `submenu` are ordinary commands whose last argument is a `{ … }` block, exactly as GRUB parses them.
 */

export type { Word, WordPiece } from './word';

/** A `{ … }` block argument. */
export interface Block {
  readonly open: Span;
  /** Undefined when the block is never closed (a syntax issue says so). */
  readonly close: Span | undefined;
  readonly commands: readonly Command[];
  readonly span: Span;
}

/** A command with its arguments and an optional block: `linux /vmlinuz root=/dev/nfs`, `menuentry 'x' { … }`. */
export interface SimpleCommand {
  readonly kind: 'simple';
  readonly name: Word;
  readonly args: readonly Word[];
  readonly block: Block | undefined;
  readonly span: Span;
}

/** One clause of an `if`: the `if`/`elif` condition with its `then` part, or the `else` part (no condition). */
export interface IfClause {
  readonly keyword: Span;
  readonly condition: readonly Command[];
  readonly body: readonly Command[];
}

/** `if …; then …; [elif …; then …;] [else …;] fi`. */
export interface IfCommand {
  readonly kind: 'if';
  readonly clauses: readonly IfClause[];
  readonly fi: Span | undefined;
  readonly span: Span;
}

/** `for NAME in WORDS; do …; done`, `while …; do …; done`, `until …; do …; done`. */
export interface LoopCommand {
  readonly kind: 'for' | 'while' | 'until';
  readonly keyword: Span;
  /** The loop variable of `for`. */
  readonly variable: Word | undefined;
  readonly items: readonly Word[];
  readonly condition: readonly Command[];
  readonly body: readonly Command[];
  readonly done: Span | undefined;
  readonly span: Span;
}

/** `function NAME { … }` (only at the top level). */
export interface FunctionDefinition {
  readonly kind: 'function';
  readonly keyword: Span;
  readonly name: Word | undefined;
  readonly body: Block | undefined;
  readonly span: Span;
}

/** Any command. */
export type Command = SimpleCommand | IfCommand | LoopCommand | FunctionDefinition;

/** A syntax problem: grub-script-check rejects the file, and GRUB skips the command at boot. */
export interface Grub2SyntaxIssue {
  readonly span: Span;
  readonly message: string;
}

/** The parse result: never thrown, always a tree and its issues. */
export interface Grub2Ast {
  readonly commands: readonly Command[];
  readonly issues: readonly Grub2SyntaxIssue[];
  readonly comments: readonly Span[];
}

/** Every simple command of a list, nested blocks and compound bodies included, in file order. */
export function walkSimpleCommands(commands: readonly Command[]): SimpleCommand[] {
  const out: SimpleCommand[] = [];
  const visit = (list: readonly Command[]): void => {
    for (const c of list) {
      if (c.kind === 'simple') {
        out.push(c);
        if (c.block) visit(c.block.commands);
      } else if (c.kind === 'if') for (const cl of c.clauses) visit([...cl.condition, ...cl.body]);
      else if (c.kind === 'function') visit(c.body?.commands ?? []);
      else visit([...c.condition, ...c.body]);
    }
  };
  visit(commands);
  return out;
}
