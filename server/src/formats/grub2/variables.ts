import type { Command } from './ast';
import { walkSimpleCommands } from './ast';
import { TextRun } from './word';
import type { Word } from './word';

/**
 * Variables whose value is known without running the script: set exactly once in the file, by
 * `set NAME=VALUE` or a bare `NAME=VALUE` command (GRUB 2 manual, "Shell-like scripting"), to a value with
 * no variable in it. Anything set twice, or to a computed value, stays unknown.
 */

/** The known variables of a script, by name. */
export type KnownVariables = ReadonlyMap<string, string>;

/** The `NAME` and value of an assignment word (`root=hd0,gpt2`), if it is one. */
export function assignmentOf(word: Word): { name: string; value: Word['pieces'] } | undefined {
  // Most words have no `=` after their first character (nor has their first piece, a prefix of their text):
  // no pieces made nor expression run for them (issue 6).
  if (word.text.indexOf('=') < 1) return undefined;
  const first = word.pieces[0];
  if (first?.kind !== 'text') return undefined;
  const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(first.text);
  if (!m) return undefined;
  const rest = first.text.slice(m[0].length);
  const head: Word['pieces'] = !rest
    ? []
    : first instanceof TextRun
      ? [new TextRun(rest, first.start + m[0].length)]
      : [{ kind: 'text' as const, text: rest, offsets: first.offsets.slice(m[0].length) }];
  return { name: m[1], value: [...head, ...word.pieces.slice(1)] };
}

/** Notes an assignment word (`set`'s argument or a bare `A=B`), if it is one, in `seen`. */
function noteAssignment(w: Word, seen: Map<string, string | undefined>): void {
  const a = assignmentOf(w);
  if (!a) return;
  const literal = a.value.every((p) => p.kind === 'text');
  const value = a.value.map((p) => (p.kind === 'text' ? p.text : '')).join('');
  seen.set(a.name, seen.has(a.name) || !literal ? undefined : value);
}

/** Reads the variables that are set once, to a literal value, anywhere in the script. */
export function knownVariables(commands: readonly Command[]): KnownVariables {
  const seen = new Map<string, string | undefined>();
  // The assignments a command makes: `set A=B` (each argument) or a bare `A=B`, in order.
  for (const c of walkSimpleCommands(commands)) {
    if (c.name.text === 'set') for (const w of c.args) noteAssignment(w, seen);
    else noteAssignment(c.name, seen);
  }
  const known = new Map<string, string>();
  for (const [k, v] of seen) if (v !== undefined) known.set(k, v);
  return known;
}

/** Whether a command word is an assignment (`NAME=VALUE`), which GRUB runs as `set`. */
export function isAssignmentCommand(name: Word): boolean {
  return assignmentOf(name) !== undefined;
}
