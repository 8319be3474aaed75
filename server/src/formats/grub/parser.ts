import type { Span } from '../../core/text';
import { checkArguments } from './arguments';
import type { GrubCommand, GrubEntry, GrubMenuAst, GrubSyntaxIssue, GrubWord } from './ast';
import { lineWordsByGrammar, scanLineWords } from './line-grammar';
import type { LineBounds, ScannedLine } from './line-grammar';
import { GRUB_LINE_MAX, lineOffset, splitGrubLines } from './logical-lines';
import type { GrubLogicalLine } from './logical-lines';
import { findMagicComments } from './magic-comments';
import { GRUB_COMMAND_MAP } from './options';

/**
 * Parses a GRUB legacy menu. Never throws: the file is read line by line as GRUB reads it
 * (logical-lines.ts), each line goes through the Chevrotain line grammar, and the commands are grouped into
 * the menu section and the entries as stage2/stage2.c `cmain` groups them.
 */
export function parseGrubMenu(text: string): GrubMenuAst {
  const split = splitGrubLines(text);
  const issues: GrubSyntaxIssue[] = split.truncated.map((span) => ({
    span,
    message: `GRUB reads only the first ${GRUB_LINE_MAX} characters of a line: the rest is lost`,
  }));
  const commands: GrubCommand[] = [];
  for (const line of split.lines) {
    const cmd = parseCommand(line, issues);
    if (cmd) {
      commands.push(cmd);
      issues.push(...checkArguments(cmd));
    }
  }
  const { globals, entries } = groupEntries(commands);
  issues.sort((a, b) => a.span.start - b.span.start);
  return {
    commands,
    globals,
    entries,
    comments: split.comments,
    magicComments: findMagicComments(text, split.comments),
    issues,
  };
}

/** The file span of characters `[from, to)` of a logical line. */
export function lineSpan(line: GrubLogicalLine, from: number, to: number): Span {
  // A line has one offset per character of its text.
  const a = lineOffset(line, Math.min(from, line.text.length - 1)) ?? line.span.start;
  const b = lineOffset(line, Math.min(to, line.text.length) - 1) ?? a;
  return { start: a, end: Math.max(a, b + 1) };
}

function word(line: GrubLogicalLine, from: number, to: number): GrubWord {
  return new LineWord(line.text.slice(from, to), from, line);
}

/**
 * A word of a line; its span is made when read, from the line (`lineSpan`): most words are never asked
 * where they stand, and a span per word was a third of what reading a menu's lines allocated (issue 6).
 */
class LineWord implements GrubWord {
  readonly #line: GrubLogicalLine;

  constructor(
    readonly text: string,
    readonly at: number,
    line: GrubLogicalLine,
  ) {
    this.#line = line;
  }

  get span(): Span {
    return lineSpan(this.#line, this.at, this.at + this.text.length);
  }
}

/** The bounds of a line's words, reused from line to line. */
const bounds: LineBounds = { at: [], count: 0 };

/** A line's words by the hand reader (`scanLineWords`), else by the grammar, as bounds in `bounds`. */
function scanLine(text: string): ScannedLine {
  const scanned = scanLineWords(text, bounds);
  if (scanned) return scanned;
  const parsed = lineWordsByGrammar(text);
  for (const r of parsed.name ? [parsed.name, ...parsed.args] : parsed.args) {
    bounds.at[bounds.count++] = r.from;
    bounds.at[bounds.count++] = r.to;
  }
  return { nul: parsed.nul, empty: parsed.empty, named: parsed.name !== undefined };
}

function parseCommand(line: GrubLogicalLine, issues: GrubSyntaxIssue[]): GrubCommand | undefined {
  const parsed = scanLine(line.text);
  if (parsed.nul) {
    issues.push({
      span: lineSpan(line, parsed.nul.from, parsed.nul.to),
      message: 'a NUL byte: GRUB keeps lines as C strings and reads this line only up to here',
    });
  }
  if (parsed.empty) return undefined;
  if (!parsed.named) {
    issues.push({ span: lineSpan(line, 0, 1), message: 'a line starting with `=` names no command' });
    return undefined;
  }
  const at = bounds.at;
  const name = word(line, at[0], at[1]);
  const args = new Array<GrubWord>((bounds.count - 2) / 2);
  for (let k = 2; k < bounds.count; k += 2) args[(k - 2) / 2] = word(line, at[k], at[k + 1]);
  const last = args.length > 0 ? bounds.count - 2 : 0;
  return {
    name,
    spec: GRUB_COMMAND_MAP.get(name.text),
    args,
    argsAt: args[0]?.at ?? line.text.length,
    line,
    // The name's span's start and the last word's span's end.
    span: lineSpan(line, at[0], at[last + 1]),
  };
}

function groupEntries(commands: readonly GrubCommand[]): { globals: GrubCommand[]; entries: GrubEntry[] } {
  const globals: GrubCommand[] = [];
  const groups: { title: GrubCommand; commands: GrubCommand[] }[] = [];
  for (const cmd of commands) {
    if (cmd.spec?.scope === 'title') groups.push({ title: cmd, commands: [] });
    else if (groups.length === 0) globals.push(cmd);
    else groups[groups.length - 1].commands.push(cmd);
  }
  let next = 0;
  const entries = groups.map((g): GrubEntry => {
    // Unknown commands are skipped before they count (stage2.c `cmain`): an entry needs a known one.
    const counted = g.commands.some((c) => c.spec !== undefined);
    const last = g.commands[g.commands.length - 1] ?? g.title;
    return {
      title: g.title,
      name: titleName(g.title),
      commands: g.commands,
      span: { start: g.title.span.start, end: last.span.end },
      number: counted ? next++ : undefined,
    };
  });
  return { globals, entries };
}

function titleName(title: GrubCommand): { text: string; span: Span } {
  const text = title.line.text.slice(title.argsAt).trimEnd();
  if (text === '') return { text, span: { start: title.name.span.end, end: title.name.span.end } };
  return { text, span: lineSpan(title.line, title.argsAt, title.argsAt + text.length) };
}
