import type { Span } from '../../core/text';
import type {
  Block,
  Command,
  FunctionDefinition,
  Grub2Ast,
  Grub2SyntaxIssue,
  IfClause,
  IfCommand,
} from './ast';
import type { LoopCommand, SimpleCommand } from './ast';
import { lexGrub2 } from './lexer';
import type { Word } from './word';
import type { Grub2Token } from './lexer';
import { bracketMessage, operatorMessage, strayKeywordMessage } from './messages';
import { blockNoun } from './titles';

/**
 * The grammar of GRUB 2 scripts (grub-core/script/parser.y), by recursive descent over the tokens of
 * lexer.ts. It follows parser.y production by production, so its verdict is grub-script-check's:
 * - `commands1: newlines0 command (delimiters1 command)*`: a list needs one command; between two commands
 *   exactly one `;` or newline, then only newlines;
 * - `grubcmd: word arguments0 block0`: a command word that is not a keyword, any words (keywords too) as
 *   arguments, then an optional `{ … }` block, which holds at least one command and may close right after
 *   it (`{ echo }`);
 * - `if`/`for`/`while`/`until` anywhere a command may stand; `function NAME { …; }` only at the top level.
 * Unlike grub-script-check, which stops at the first error, it reports and goes on, as GRUB itself does
 * at boot (it skips the command it could not parse). Never throws; always terminates.
 */

/** Words that are keywords where a command starts (yylex.l reserved words; GRUB implements only some). */
const KEYWORDS: ReadonlySet<string> = new Set([
  'case',
  'do',
  'done',
  'elif',
  'else',
  'esac',
  'fi',
  'for',
  'if',
  'in',
  'select',
  'then',
  'until',
  'while',
  'function',
]);

/** Tokens that end a command list. */
type ListEnd = 'eof' | '}' | 'then' | 'fi' | 'else' | 'elif' | 'do' | 'done';

/** The keywords among them. */
const KEYWORD_ENDS: ReadonlySet<string> = new Set(['then', 'fi', 'else', 'elif', 'do', 'done']);

/** The ends of the script. */
const SCRIPT_ENDS: readonly ListEnd[] = ['eof'];

/** The ends of a block's list, and of the parts of `if` and loops. */
const BLOCK_ENDS: readonly ListEnd[] = ['}'];
const THEN_ENDS: readonly ListEnd[] = ['then'];
const IF_BODY_ENDS: readonly ListEnd[] = ['fi', 'else', 'elif'];
const FI_ENDS: readonly ListEnd[] = ['fi'];
const DO_ENDS: readonly ListEnd[] = ['do'];
const DONE_ENDS: readonly ListEnd[] = ['done'];

/** Each end's bit in `innerEnds`'s key. */
const END_BITS: Readonly<Record<ListEnd, number>> = {
  eof: 1,
  '}': 2,
  then: 4,
  fi: 8,
  else: 16,
  elif: 32,
  do: 64,
  done: 128,
};

/**
 * The ends of the lists around a list, with its own ends and 'eof', one set per combination (by its bits):
 * each block of a large grub.cfg made its own set (issue 6).
 */
const innerSets: ReadonlySet<ListEnd>[] = [];

function innerEnds(outer: ReadonlySet<ListEnd>, ends: readonly ListEnd[]): ReadonlySet<ListEnd> {
  let key = END_BITS.eof;
  for (const e of outer) key |= END_BITS[e];
  for (const e of ends) key |= END_BITS[e];
  return (innerSets[key] ??= new Set<ListEnd>([...outer, ...ends, 'eof']));
}

/** The outer ends of the script's list. */
const NO_ENDS: ReadonlySet<ListEnd> = new Set();

const MAX_DEPTH = 64;

interface ListResult {
  readonly commands: Command[];
  /** The end token met: one of the list's own ends, or 'outer' for an enclosing construct's. */
  readonly end: ListEnd | 'outer';
}

/** Whether a word token is exactly the keyword `kw` (unquoted, alone). */
function isKeyword(t: Grub2Token, kw?: string): boolean {
  return t.kind === 'word' && KEYWORDS.has(t.image) && (kw === undefined || t.image === kw);
}

/** yylex.l `NAME`: what `for` and `function` need. */
function isName(t: Grub2Token): boolean {
  return t.kind === 'word' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(t.image) && !KEYWORDS.has(t.image);
}

class Grub2Parser {
  private pos = 0;
  private depth = 0;
  readonly issues: Grub2SyntaxIssue[] = [];

  constructor(private readonly tokens: readonly Grub2Token[]) {}

  private peek(): Grub2Token {
    return this.tokens[this.pos];
  }

  private next(): Grub2Token {
    const t = this.tokens[this.pos];
    if (t.kind !== 'eof') this.pos++;
    return t;
  }

  private lastEnd(): number {
    const t = this.pos > 0 ? this.tokens[this.pos - 1] : undefined;
    return t ? t.start + t.image.length : 0;
  }

  private issue(span: Span, message: string): void {
    this.issues.push({ span, message });
  }

  private endOf(t: Grub2Token): ListEnd | undefined {
    if (t.kind === 'eof') return 'eof';
    if (t.kind === 'rbrace') return '}';
    if (t.kind === 'word' && KEYWORD_ENDS.has(t.image)) return t.image as ListEnd;
    return undefined;
  }

  /** The whole script (parser.y `script`). */
  script(): Command[] {
    return this.list(SCRIPT_ENDS, false, NO_ENDS, true).commands;
  }

  /**
   * A command list ending at one of `ends` (parser.y `commands1 delimiters0/1`). `delimitedEnd`: the end
   * token must follow a `;` or newline (function bodies, if/loop parts), not directly a command.
   */
  private list(
    ends: readonly ListEnd[],
    delimitedEnd: boolean,
    outer: ReadonlySet<ListEnd>,
    top = false,
  ): ListResult {
    const commands: Command[] = [];
    const inner = innerEnds(outer, ends);
    let state: 'start' | 'command' | 'delimited' = 'start';
    for (;;) {
      const t = this.peek();
      if (t.kind === 'newline') {
        this.next();
        if (state === 'command') state = 'delimited';
        continue;
      }
      if (t.kind === 'semi') {
        if (state === 'command') state = 'delimited';
        else
          this.issue(
            t.span,
            "a ';' with no command before it: GRUB allows one ';' or new line after a command",
          );
        this.next();
        continue;
      }
      const end = this.endOf(t);
      if (end !== undefined && ends.includes(end)) {
        this.checkEnd(t, state, delimitedEnd, top);
        return { commands, end };
      }
      if (end !== undefined && inner.has(end)) return { commands, end: 'outer' };
      if (state === 'command')
        this.issue(t.span, `'${t.image}' must start a new command: put a ';' or a new line before it`);
      this.command(commands, inner, top);
      state = 'command';
    }
  }

  private checkEnd(t: Grub2Token, state: string, delimitedEnd: boolean, top: boolean): void {
    if (top) return;
    const what = t.kind === 'eof' ? 'the end of the file' : `'${t.image}'`;
    if (state === 'start') this.issue(t.span, `no command before ${what}: GRUB needs at least one here`);
    else if (state === 'command' && delimitedEnd)
      this.issue(t.span, `GRUB needs a ';' or a new line before ${what}`);
  }

  /** One command at the current token, appended to `into`; always consumes at least one token. */
  private command(into: Command[], outer: ReadonlySet<ListEnd>, top: boolean): void {
    const t = this.peek();
    if (t.kind === 'word' && isKeyword(t)) {
      into.push(...this.compound(t, outer, top));
      return;
    }
    if (t.kind === 'word') {
      into.push(this.simple(outer));
      return;
    }
    if (t.kind === 'lbrace') {
      this.braceOnItsOwn(into, outer);
      return;
    }
    this.next();
    if (t.kind === 'rbrace') this.strayBraces(t);
    else this.issue(t.span, operatorMessage(t.image));
  }

  /**
   * One issue for a stray `}` and the `}`s right after it, on its line or the next ones: a run of them is
   * one mistake to the reader, and a megabyte of them must not become millions of diagnostics.
   */
  private strayBraces(first: Grub2Token): void {
    let last = first;
    for (;;) {
      let k = this.pos;
      while (this.tokens[k]?.kind === 'newline') k++;
      if (this.tokens[k]?.kind !== 'rbrace') break;
      last = this.tokens[k];
      this.pos = k + 1;
    }
    this.issue({ start: first.span.start, end: last.span.end }, "a '}' without a matching '{'");
  }

  private compound(t: Grub2Token, outer: ReadonlySet<ListEnd>, top: boolean): Command[] {
    if (this.depth >= MAX_DEPTH) return [this.tooDeep()];
    this.depth++;
    try {
      switch (t.image) {
        case 'if':
          return [this.ifCommand(outer)];
        case 'for':
          return [this.forCommand(outer)];
        case 'while':
        case 'until':
          return [this.whileCommand(outer)];
        case 'function':
          return [this.functionDefinition(outer, top)];
        default:
          this.next();
          this.issue(t.span, strayKeywordMessage(t.image));
          return [];
      }
    } finally {
      this.depth--;
    }
  }

  /** Stops analysing a script nested too deep: the rest of the file is skipped with one issue. */
  private tooDeep(): Command {
    const start = this.peek().span.start;
    this.issue(this.peek().span, `commands nested more than ${MAX_DEPTH} deep are not analysed`);
    while (this.peek().kind !== 'eof') this.next();
    const span = { start, end: this.lastEnd() };
    return { kind: 'if', clauses: [], fi: undefined, span };
  }

  /** parser.y `grubcmd: word arguments0 block0`. */
  private simple(outer: ReadonlySet<ListEnd>): SimpleCommand {
    const nameToken = this.next();
    const name = nameToken.word!;
    if (nameToken.image === '[[' || nameToken.image === ']]') this.issue(nameToken.span, bracketMessage());
    const args: Word[] = [];
    let block: Block | undefined;
    for (;;) {
      const t = this.peek();
      if (t.kind === 'word') {
        if (t.image === '[[' || t.image === ']]') this.issue(t.span, bracketMessage());
        args.push(this.next().word!);
      } else if (t.kind === 'operator') {
        this.next();
        this.issue(t.span, operatorMessage(t.image));
      } else if (t.kind === 'lbrace') {
        block = this.block(outer, false, name.text, args);
        break;
      } else break;
    }
    return { kind: 'simple', name, args, block, span: { start: nameToken.span.start, end: this.lastEnd() } };
  }

  /**
   * parser.y `block`. Messages name its owner: `owner` as it stands, or a command's name and arguments
   * (`ownerArgs`) read into "menuentry 'Debian'" only for a message.
   */
  private block(
    outer: ReadonlySet<ListEnd>,
    delimitedEnd: boolean,
    owner: string,
    ownerArgs?: readonly Word[],
  ): Block {
    const open = this.next().span;
    if (this.depth >= MAX_DEPTH) {
      const cmd = this.tooDeep();
      return { open, close: undefined, commands: [cmd], span: { start: open.start, end: this.lastEnd() } };
    }
    this.depth++;
    const r = this.list(BLOCK_ENDS, delimitedEnd, outer);
    this.depth--;
    let close: Span | undefined;
    if (r.end === '}') close = this.next().span;
    else {
      const where =
        this.peek().kind === 'eof'
          ? 'GRUB reads to the end of the file and rejects it'
          : `'${this.peek().image}' comes first`;
      const what = ownerArgs ? blockNoun(owner, ownerArgs) : owner;
      this.issue(open, `the '{' of ${what} is never closed (${where}): add a '}' after its last command`);
    }
    return { open, close, commands: r.commands, span: { start: open.start, end: this.lastEnd() } };
  }

  /** A `{` where a command should start: on its own line after `menuentry …`, GRUB's classic mistake. */
  private braceOnItsOwn(into: Command[], outer: ReadonlySet<ListEnd>): void {
    const t = this.peek();
    this.issue(
      t.span,
      "a '{' must stand on the same line as its command: GRUB reads 'menuentry …' and a '{' on the next line as two commands",
    );
    const block = this.block(outer, false, 'this block');
    const last = into[into.length - 1];
    if (last?.kind === 'simple' && !last.block) {
      into[into.length - 1] = { ...last, block, span: { start: last.span.start, end: block.span.end } };
    } else for (const c of block.commands) into.push(c);
  }

  /** The keyword `kw` where a construct needs it; reports its absence at `owner`. */
  private expectKeyword(kw: ListEnd, owner: Span, ownerName: string): Span | undefined {
    const t = this.peek();
    if (isKeyword(t, kw)) return this.next().span;
    this.issue(owner, `this '${ownerName}' has no '${kw}': GRUB rejects the whole construct`);
    return undefined;
  }

  /** parser.y `ifcmd`/`ifclause`. */
  private ifCommand(outer: ReadonlySet<ListEnd>): IfCommand {
    let keyword = this.next().span;
    const start = keyword.start;
    const clauses: IfClause[] = [];
    let fi: Span | undefined;
    for (;;) {
      const condition = this.list(THEN_ENDS, true, outer);
      if (condition.end !== 'then') {
        this.expectKeyword('then', keyword, 'if');
        clauses.push({ keyword, condition: condition.commands, body: [] });
        break;
      }
      this.next();
      const body = this.list(IF_BODY_ENDS, true, outer);
      clauses.push({ keyword, condition: condition.commands, body: body.commands });
      if (body.end === 'elif') {
        keyword = this.next().span;
        continue;
      }
      if (body.end === 'else') {
        const elseKw = this.next().span;
        const rest = this.list(FI_ENDS, true, outer);
        clauses.push({ keyword: elseKw, condition: [], body: rest.commands });
      }
      fi = this.expectKeyword('fi', { start, end: start + 2 }, 'if');
      break;
    }
    return { kind: 'if', clauses, fi, span: { start, end: this.lastEnd() } };
  }

  /** parser.y `forcmd: for NAME in arguments0 delimiters1 do commands1 delimiters1 done`. */
  private forCommand(outer: ReadonlySet<ListEnd>): LoopCommand {
    const keyword = this.next().span;
    let variable;
    if (isName(this.peek())) variable = this.next().word;
    else this.issue(this.peek().span, "'for' needs a variable name (letters, digits, '_') after it");
    const items = [];
    if (isKeyword(this.peek(), 'in')) {
      this.next();
      while (this.peek().kind === 'word') items.push(this.next().word!);
    } else this.issue(this.peek().span, "'for NAME' must be followed by 'in'");
    const sep = this.peek();
    if (sep.kind === 'semi' || sep.kind === 'newline') this.next();
    else this.issue(sep.span, "GRUB needs a ';' or a new line before 'do'");
    while (this.peek().kind === 'newline') this.next();
    return this.loopBody('for', keyword, variable, items, [], outer);
  }

  /** parser.y `whilecmd`/`untilcmd`. */
  private whileCommand(outer: ReadonlySet<ListEnd>): LoopCommand {
    const kwToken = this.next();
    const condition = this.list(DO_ENDS, true, outer);
    const kind = kwToken.image === 'while' ? 'while' : 'until';
    if (condition.end !== 'do') {
      this.expectKeyword('do', kwToken.span, kind);
      const span = { start: kwToken.span.start, end: this.lastEnd() };
      return {
        kind,
        keyword: kwToken.span,
        variable: undefined,
        items: [],
        condition: condition.commands,
        body: [],
        done: undefined,
        span,
      };
    }
    return this.loopBody(kind, kwToken.span, undefined, [], condition.commands, outer);
  }

  private loopBody(
    kind: LoopCommand['kind'],
    keyword: Span,
    variable: LoopCommand['variable'],
    items: LoopCommand['items'],
    condition: Command[],
    outer: ReadonlySet<ListEnd>,
  ): LoopCommand {
    let body: Command[] = [];
    let done: Span | undefined;
    if (this.expectKeyword('do', keyword, kind)) {
      body = this.list(DONE_ENDS, true, outer).commands;
      done = this.expectKeyword('done', keyword, kind);
    }
    return {
      kind,
      keyword,
      variable,
      items,
      condition,
      body,
      done,
      span: { start: keyword.start, end: this.lastEnd() },
    };
  }

  /** parser.y `function: "function" NAME delimiters0 "{" commands1 delimiters1 "}"`, a top-level statement. */
  private functionDefinition(outer: ReadonlySet<ListEnd>, top: boolean): FunctionDefinition {
    const keyword = this.next().span;
    if (!top) this.issue(keyword, 'GRUB allows function definitions only at the top level of the file');
    let name: Word | undefined;
    if (isName(this.peek())) name = this.next().word;
    else {
      this.issue(this.peek().span, "'function' needs a name (letters, digits, '_')");
      if (this.peek().kind === 'word' && !isKeyword(this.peek())) this.next();
    }
    if (this.peek().kind === 'semi') this.next();
    while (this.peek().kind === 'newline') this.next();
    let body: Block | undefined;
    if (this.peek().kind === 'lbrace') body = this.block(outer, true, `function ${name?.text ?? ''}`.trim());
    else this.issue(this.peek().span, "a function needs its body in '{ … }'");
    return { kind: 'function', keyword, name, body, span: { start: keyword.start, end: this.lastEnd() } };
  }
}

/** Parses a grub.cfg; never throws. */
export function parseGrub2(text: string): Grub2Ast {
  const lexed = lexGrub2(text);
  const parser = new Grub2Parser(lexed.tokens);
  const commands = parser.script();
  const issues: Grub2SyntaxIssue[] = [...lexed.errors];
  for (const t of lexed.tokens) {
    const problems = t.word?.problems;
    if (problems !== undefined && problems.length > 0) for (const p of problems) issues.push(p);
  }
  for (const issue of parser.issues) issues.push(issue);
  issues.sort((a, b) => a.span.start - b.span.start);
  return { commands, issues, comments: lexed.comments };
}
