import type { Finding } from '../../core/finding';
import { nearest } from '../../core/text-distance';
import { PXE_KEYWORD_MAP, PXE_MENU_KEYWORD_MAP } from '../../formats/pxelinux/keywords';
import type { PxeKeywordSpec } from '../../formats/pxelinux/keywords';
import type { PxelinuxFile } from './types';

/** `pxelinux/syntax`: the issues the parser found. */
export function checkPxeSyntax(file: PxelinuxFile): Finding[] {
  return file.ast.issues.map((i) => ({
    ruleId: 'pxelinux/syntax',
    uri: file.uri,
    span: i.span,
    message: i.message,
  }));
}

/** What a replacement keyword needs of the rest of its line and of the file around it. */
interface LineShape {
  /** The words after the misspelt one, blanks trimmed; undefined when there are none. */
  readonly args: string | undefined;
  /** Whether an ENDTEXT line follows (a TEXT HELP block would end there). */
  readonly endTextFollows: boolean;
  /** MENU BEGIN lines minus MENU END lines in the file. */
  readonly openMenus: number;
}

/**
 * Whether the line would read cleanly with `spec` as its keyword (parser.ts `lineIssues`): a file or label
 * where one is needed, a number where one is read; TEXT HELP only when an ENDTEXT follows; MENU BEGIN and
 * MENU END only when they balance an END or a BEGIN the file already lacks. A spelling fix that trades one
 * ignored line for a syntax error is no fix.
 */
function fitsLine(spec: PxeKeywordSpec, shape: LineShape, menuLine: boolean): boolean {
  // The first word only: splitting a megabyte of arguments for every candidate keyword was quadratic.
  const first = shape.args !== undefined ? firstWord(shape.args).toLowerCase() : undefined;
  if (spec.argument === 'file' || spec.argument === 'label')
    return shape.args !== undefined || spec.name === 'exit';
  if (spec.argument === 'number') return first === undefined || /^-?\d+$/.test(first);
  if (!menuLine && spec.name === 'label') return shape.args !== undefined;
  if (!menuLine && spec.name === 'text') return first !== 'help' || shape.endTextFollows;
  if (!menuLine && spec.name === 'menu') return menuTail(shape);
  if (menuLine && spec.name === 'begin') return shape.openMenus < 0;
  if (menuLine && spec.name === 'end') return shape.openMenus > 0;
  return true;
}

/** `MENU` replacing a misspelt word: the next word must be a MENU keyword its own rest fits. */
function menuTail(shape: LineShape): boolean {
  const args = shape.args ?? '';
  const sub = firstWord(args);
  const spec = PXE_MENU_KEYWORD_MAP.get(sub.toLowerCase());
  const rest = args.slice(sub.length).trim();
  return spec !== undefined && fitsLine(spec, { ...shape, args: rest || undefined }, true);
}

/** The first whitespace-separated word of a text (empty if it starts with a blank). */
function firstWord(text: string): string {
  return /^\S*/.exec(text)?.[0] ?? '';
}

function menuBalance(file: PxelinuxFile): number {
  let open = 0;
  for (const l of file.ast.lines)
    if (l.keyword.name === 'menu' && l.sub?.name === 'begin') open++;
    else if (l.keyword.name === 'menu' && l.sub?.name === 'end') open--;
  return open;
}

/** `pxelinux/unknown-keyword`: syslinux skips lines whose keyword it does not know, without a word. */
export function checkUnknownKeywords(file: PxelinuxFile): Finding[] {
  const findings: Finding[] = [];
  const lines = file.ast.lines;
  const openMenus = menuBalance(file);
  let lastEndText = -1;
  lines.forEach((l, i) => {
    if (l.keyword.name === 'endtext') lastEndText = i;
  });
  lines.forEach((line, i) => {
    const isMenu = line.keyword.name === 'menu';
    const known = isMenu
      ? !line.sub || PXE_MENU_KEYWORD_MAP.has(line.sub.name)
      : PXE_KEYWORD_MAP.has(line.keyword.name);
    if (known) return;
    const word = isMenu && line.sub ? line.sub : line.keyword;
    const shape = { args: line.args?.text, endTextFollows: lastEndText > i, openMenus };
    const table = isMenu ? PXE_MENU_KEYWORD_MAP : PXE_KEYWORD_MAP;
    const fitting = [...table.values()]
      .filter((spec) => fitsLine(spec, shape, isMenu))
      .map((spec) => spec.name);
    const upper = nearest(word.name, fitting)?.toUpperCase();
    findings.push({
      ruleId: 'pxelinux/unknown-keyword',
      uri: file.uri,
      span: word.span,
      message: `'${word.raw}' is not a ${isMenu ? 'MENU ' : ''}keyword syslinux knows${upper ? ` (did you mean '${upper}'?)` : ''}: it ignores the line`,
      fixes: upper
        ? [
            {
              title: `Change to '${upper}'`,
              edits: [{ uri: file.uri, span: word.span, newText: upper }],
              preferred: true,
            },
          ]
        : undefined,
    });
  });
  return findings;
}

/**
 * `pxelinux/default-unknown-label`: DEFAULT/ONTIMEOUT naming no label makes syslinux try to boot a kernel of
 * that name. Not judged when the value looks like a file, or when the file includes others (their labels
 * count too).
 */
export function checkDefaultLabel(file: PxelinuxFile): Finding[] {
  const includes = file.ast.lines.some(
    (l) => l.keyword.name === 'include' || (l.keyword.name === 'menu' && l.sub?.name === 'include'),
  );
  if (includes) return [];
  const names = file.model.labelNames;
  return file.ast.globals
    .filter((l) => (l.keyword.name === 'default' || l.keyword.name === 'ontimeout') && l.args)
    .flatMap((l) => {
      const value = l.args?.text.split(/\s/)[0] ?? '';
      if (names.has(value.toLowerCase()) || /[./]/.test(value)) return [];
      const span = {
        start: l.args?.span.start ?? l.span.start,
        end: (l.args?.span.start ?? l.span.start) + value.length,
      };
      const suggestion = nearest(value, names);
      return [
        {
          ruleId: 'pxelinux/default-unknown-label',
          uri: file.uri,
          span,
          message: `${l.keyword.raw.toUpperCase()} '${value}' names no LABEL in this file${suggestion ? ` (did you mean '${suggestion}'?)` : ''}: syslinux then looks for a kernel file called '${value}'`,
          fixes: suggestion
            ? [
                {
                  title: `Change to '${suggestion}'`,
                  edits: [{ uri: file.uri, span, newText: suggestion }],
                  preferred: true,
                },
              ]
            : undefined,
        },
      ];
    });
}

/** `pxelinux/bad-mac-filename`: PXELINUX asks for `01-aa-bb-cc-dd-ee-ff`; any other `01-…` name is never read. */
export function checkMacFilename(file: PxelinuxFile): Finding[] {
  if (file.machine.kind !== 'bad-mac') return [];
  const firstLine = file.text.indexOf('\n');
  return [
    {
      ruleId: 'pxelinux/bad-mac-filename',
      uri: file.uri,
      span: { start: 0, end: firstLine < 0 ? file.text.length : firstLine },
      message: `the file name '${file.path.slice(file.path.lastIndexOf('/') + 1)}' is no MAC address PXELINUX asks for: ${file.machine.reason}`,
    },
  ];
}

/** `pxelinux/xen-without-dom0`: mboot.c32 with no `--- vmlinuz …` part starts Xen without a dom0 kernel. */
export function checkXenWithoutDom0(file: PxelinuxFile): Finding[] {
  return file.model.entries
    .filter((e) => e.mboot && e.mbootParts.length < 2)
    .map((e) => ({
      ruleId: 'pxelinux/xen-without-dom0',
      uri: file.uri,
      span: e.appendLine?.args?.span ?? e.kernelLine?.span ?? e.label.span,
      message: `label '${e.label.name?.text ?? ''}' boots mboot.c32 with ${e.mbootParts.length === 0 ? 'no APPEND' : 'only the hypervisor'}: write APPEND xen.gz <Xen options> --- vmlinuz <Linux options> [--- initrd.img]`,
    }));
}
