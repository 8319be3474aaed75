import type { Span } from '../../core/text';
import type { KconfigAst, KconfigComment } from './ast';

/**
 * The sections of a `.config`. conf writes the title of each menu and `comment` as a block of three
 * comment lines (`#`, `# Title`, `#`), and since Linux 5.x closes each menu with `# end of Title`
 * (scripts/kconfig/confdata.c `conf_write`). A block that is later closed is a menu and holds what comes
 * up to its `# end of`, nested blocks included; a block never closed (a comment, or any block of an older
 * kernel) holds what comes up to the next block or the end of its menu.
 */

/** A section with its nested sections. */
export interface KconfigSection {
  readonly title: string;
  /** From the first `#` of the title block to the last line the section holds. */
  readonly span: Span;
  /** The title line. */
  readonly titleSpan: Span;
  readonly children: readonly KconfigSection[];
}

interface Block {
  readonly title: string;
  readonly start: number;
  readonly titleSpan: Span;
  /** Where the title block ends: what the section holds starts after it. */
  readonly end: number;
}

interface Open {
  readonly block: Block;
  readonly menu: boolean;
  readonly children: KconfigSection[];
}

/** The title blocks: `#`, `# Title`, `#` on three consecutive lines. */
function titleBlocks(text: string, comments: readonly KconfigComment[]): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i + 2 < comments.length; i++) {
    const [a, b, c] = [comments[i], comments[i + 1], comments[i + 2]];
    if (a.text !== '' || b.text === '' || c.text !== '') continue;
    if (!adjacent(text, a.span, b.span) || !adjacent(text, b.span, c.span)) continue;
    if (/^end of /.test(b.text)) continue;
    blocks.push({ title: b.text, start: a.span.start, titleSpan: b.span, end: c.span.end });
    i += 2;
  }
  return blocks;
}

function adjacent(text: string, a: Span, b: Span): boolean {
  return /^\r?\n$/.test(text.slice(a.end, b.start));
}

/** The sections of a parsed `.config`, outermost first; the kernel header block is not a section. */
export function kconfigSections(text: string, ast: KconfigAst): KconfigSection[] {
  const comments = ast.comments.toArray();
  const blocks = titleBlocks(text, comments).filter(
    (b) => !/Kernel Configuration$|^Linux kernel version/.test(b.title),
  );
  const ends = comments.filter((c) => /^end of /.test(c.text));
  const menus = closedBlocks(blocks, ends);
  const events = [
    ...blocks.map((b) => ({
      at: b.start,
      block: b as Block | undefined,
      end: undefined as KconfigComment | undefined,
    })),
    ...ends.map((e) => ({ at: e.span.start, block: undefined, end: e })),
  ].sort((x, y) => x.at - y.at);
  const root: KconfigSection[] = [];
  const stack: Open[] = [];
  const close = (until: number): void => {
    const top = stack.pop();
    if (!top) return;
    const section = {
      title: top.block.title,
      span: { start: top.block.start, end: until },
      titleSpan: top.block.titleSpan,
      children: top.children,
    };
    (stack.length > 0 ? stack[stack.length - 1].children : root).push(section);
  };
  const lastLineBefore = (at: number): number =>
    Math.max(0, text.lastIndexOf('\n', at - 1) - (text[text.lastIndexOf('\n', at - 1) - 1] === '\r' ? 1 : 0));
  for (const ev of events) {
    if (ev.block) {
      while (stack.length > 0 && !stack[stack.length - 1].menu) close(lastLineBefore(ev.at));
      stack.push({ block: ev.block, menu: menus.has(ev.block), children: [] });
      continue;
    }
    const title = ev.end?.text.slice('end of '.length);
    if (!stack.some((o) => o.menu && o.block.title === title)) continue;
    while (
      stack.length > 0 &&
      !(stack[stack.length - 1].menu && stack[stack.length - 1].block.title === title)
    )
      close(lastLineBefore(ev.at));
    close(ev.end?.span.end ?? ev.at);
  }
  const end = text.trimEnd().length;
  while (stack.length > 0) close(end);
  return root;
}

/** The blocks that an `# end of Title` closes (matched innermost first, as menus nest). */
function closedBlocks(blocks: readonly Block[], ends: readonly KconfigComment[]): Set<Block> {
  const menus = new Set<Block>();
  const events = [
    ...blocks.map((b) => ({ at: b.start, block: b as Block | undefined, title: b.title })),
    ...ends.map((e) => ({ at: e.span.start, block: undefined, title: e.text.slice('end of '.length) })),
  ].sort((x, y) => x.at - y.at);
  const open: Block[] = [];
  for (const ev of events) {
    if (ev.block) {
      open.push(ev.block);
      continue;
    }
    const i = open.map((b) => b.title).lastIndexOf(ev.title);
    if (i < 0) continue;
    menus.add(open[i]);
    open.splice(i);
  }
  return menus;
}
