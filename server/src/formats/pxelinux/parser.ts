import type { Span } from '../../core/text';
import { PxeRun } from './ast';
import type { PxeAst, PxeLabel, PxeLine, PxeSyntaxIssue, PxeText } from './ast';
import { PXE_KEYWORD_MAP, PXE_MENU_KEYWORD_MAP } from './keywords';
import { lexPxelinux } from './lexer';
import type { PxeRawLine } from './lexer';

/**
 * Reads a PXELINUX file line by line as syslinux's readconfig.c does: `#` starts a comment line, the first
 * word is a case-insensitive keyword, the rest of the line its argument (APPEND keeps it verbatim), `TEXT
 * HELP` runs to `ENDTEXT`, `MENU BEGIN` nests to `MENU END`. Never throws.
 */

/** Keywords whose lines belong to the label above them. */
function isLabelLine(line: PxeLine): boolean {
  if (line.keyword.name === 'menu') {
    const sub = line.sub ? PXE_MENU_KEYWORD_MAP.get(line.sub.name) : undefined;
    return sub?.scope === 'label' || line.sub?.name === 'separator';
  }
  const spec = PXE_KEYWORD_MAP.get(line.keyword.name);
  return spec?.scope !== 'global';
}

function restOf(text: string, raw: PxeRawLine, from: number): PxeText | undefined {
  if (from >= raw.words.length) return undefined;
  const start = raw.words[from].span.start;
  const end = raw.span.end;
  return new PxeRun(text.slice(start, end), { start, end });
}

function toLine(text: string, raw: PxeRawLine): PxeLine {
  const [first, second] = raw.words;
  const keyword = { name: first.text.toLowerCase(), raw: first.text, span: first.span };
  const isMenu = keyword.name === 'menu' && second !== undefined;
  const sub = isMenu ? { name: second.text.toLowerCase(), raw: second.text, span: second.span } : undefined;
  return { keyword, sub, args: restOf(text, raw, isMenu ? 2 : 1), span: raw.span };
}

const NO_ISSUES: readonly PxeSyntaxIssue[] = [];

function lineIssues(line: PxeLine): readonly PxeSyntaxIssue[] {
  const spec =
    line.keyword.name === 'menu' && line.sub
      ? PXE_MENU_KEYWORD_MAP.get(line.sub.name)
      : PXE_KEYWORD_MAP.get(line.keyword.name);
  if (!spec || (line.keyword.name === 'menu' && !line.sub)) return NO_ISSUES;
  // Named only for a message: most lines have none (issue 6).
  const name = (): string =>
    line.sub ? `MENU ${line.sub.raw.toUpperCase()}` : line.keyword.raw.toUpperCase();
  if ((spec.argument === 'file' || spec.argument === 'label') && !line.args && spec.name !== 'exit') {
    return [
      {
        span: line.span,
        message: `${name()} needs ${spec.argument === 'file' ? 'a file name' : 'a label'}: syslinux ignores the line`,
      },
    ];
  }
  if (spec.name === 'label' && line.keyword.name === 'label' && !line.args)
    return [{ span: line.span, message: 'LABEL needs a name' }];
  if (spec.argument === 'number' && line.args && !/^-?\d+$/.test(line.args.text.split(/\s/)[0])) {
    const read = parseInt(line.args.text, 10);
    return [
      {
        span: line.args.span,
        message: `${name()} takes a number: syslinux reads '${line.args.text}' as ${Number.isNaN(read) ? 0 : read}`,
      },
    ];
  }
  return NO_ISSUES;
}

class PxeParser {
  readonly lines: PxeLine[] = [];
  readonly globals: PxeLine[] = [];
  readonly labels: PxeLabel[] = [];
  readonly menus: { tag: string; span: Span }[] = [];
  readonly issues: PxeSyntaxIssue[] = [];
  readonly comments: Span[] = [];
  readonly textBlocks: Span[] = [];
  private readonly menuStack: { tag: string; start: Span }[] = [];
  private current:
    | { name: PxeText | undefined; line: PxeLine; lines: PxeLine[]; menus: string[] }
    | undefined;
  private helpStart: Span | undefined;

  constructor(private readonly text: string) {}

  run(raws: readonly PxeRawLine[]): void {
    for (const raw of raws) this.line(raw);
    this.closeLabel();
    if (this.helpStart)
      this.issues.push({
        span: this.helpStart,
        message: 'TEXT HELP without ENDTEXT: the rest of the file is help text',
      });
    for (const m of this.menuStack)
      this.issues.push({ span: m.start, message: `MENU BEGIN ${m.tag} has no MENU END` });
  }

  private line(raw: PxeRawLine): void {
    const first = raw.words[0].text.toLowerCase();
    if (this.helpStart) {
      if (first === 'endtext') {
        this.textBlocks.push({ start: this.helpStart.start, end: raw.span.end });
        this.helpStart = undefined;
      }
      return;
    }
    if (first.startsWith('#')) {
      this.comments.push(raw.span);
      return;
    }
    const line = toLine(this.text, raw);
    this.lines.push(line);
    for (const issue of lineIssues(line)) this.issues.push(issue);
    if (line.keyword.name === 'text' && line.sub === undefined && raw.words[1]?.text.toLowerCase() === 'help')
      this.helpStart = raw.span;
    this.structure(line);
  }

  private structure(line: PxeLine): void {
    const menuSub = line.keyword.name === 'menu' ? line.sub?.name : undefined;
    if (line.keyword.name === 'label') {
      this.closeLabel();
      this.current = { name: line.args, line, lines: [], menus: this.menuStack.map((m) => m.tag) };
    } else if (menuSub === 'begin' || menuSub === 'end') {
      this.closeLabel();
      this.globals.push(line);
      if (menuSub === 'begin') this.menuStack.push({ tag: line.args?.text ?? '', start: line.span });
      else {
        const open = this.menuStack.pop();
        if (open) this.menus.push({ tag: open.tag, span: { start: open.start.start, end: line.span.end } });
        else this.issues.push({ span: line.span, message: 'MENU END without MENU BEGIN' });
      }
    } else if (this.current && isLabelLine(line)) this.current.lines.push(line);
    else this.globals.push(line);
  }

  private closeLabel(): void {
    const c = this.current;
    if (!c) return;
    const last = c.lines[c.lines.length - 1] ?? c.line;
    this.labels.push({
      name: c.name,
      line: c.line,
      lines: c.lines,
      menus: c.menus,
      span: { start: c.line.span.start, end: last.span.end },
    });
    this.current = undefined;
  }
}

/** Parses a PXELINUX configuration file; never throws. */
export function parsePxelinux(text: string): PxeAst {
  const p = new PxeParser(text);
  p.run(lexPxelinux(text, true));
  return {
    lines: p.lines,
    globals: p.globals,
    labels: p.labels,
    menus: p.menus,
    issues: p.issues.sort((a, b) => a.span.start - b.span.start),
    comments: p.comments,
    textBlocks: p.textBlocks,
  };
}
