import { spanContains } from '../../core/text';
import type { Span } from '../../core/text';
import type { KconfigComment } from '../../formats/kconfig/ast';
import type { KconfigSection } from '../../formats/kconfig/sections';
import { KCONFIG_SYMBOL_MAP } from '../../formats/kconfig/symbols';
import type { KconfigFile } from '../../rules/kconfig/types';
import type { SymbolSpec } from '../symbols';

/** A document symbol with children: a section with its subsections and the network-boot symbols it sets. */
export interface KconfigSymbolSpec extends SymbolSpec {
  readonly children: readonly KconfigSymbolSpec[];
}

function tableEntries(file: KconfigFile, span: Span, inner: readonly KconfigSection[]): KconfigSymbolSpec[] {
  return file.ast.entries
    .select((name) => KCONFIG_SYMBOL_MAP.has(name))
    .filter((e) => spanContains(span, e.line.start))
    .filter((e) => !inner.some((s) => spanContains(s.span, e.line.start)))
    .map((e) => ({
      name: `CONFIG_${e.name}`,
      detail: e.kind === 'not-set' ? 'is not set' : e.value.raw,
      kind: 7,
      span: e.line,
      selection: e.nameSpan,
      children: [],
    }));
}

function sectionSymbol(file: KconfigFile, s: KconfigSection): KconfigSymbolSpec {
  const children = [
    ...s.children.map((c) => sectionSymbol(file, c)),
    ...tableEntries(file, s.span, s.children),
  ];
  children.sort((a, b) => a.span.start - b.span.start);
  return { name: s.title, detail: '', kind: 2, span: s.span, selection: s.titleSpan, children };
}

/**
 * The outline: the sections conf writes (menus nest, closed by `# end of …`), and inside them the lines that
 * set symbols of the network-boot table; table symbols outside every section stand at the top.
 */
export function kconfigSymbols(file: KconfigFile): KconfigSymbolSpec[] {
  const top = [
    ...file.sections.map((s) => sectionSymbol(file, s)),
    ...tableEntries(file, { start: 0, end: file.text.length }, file.sections),
  ];
  return top.sort((a, b) => a.span.start - b.span.start);
}

/** Folding ranges: every section, and the header comment block. */
export function kconfigFoldingSpans(file: KconfigFile): { span: Span; comment: boolean }[] {
  const spans: { span: Span; comment: boolean }[] = [];
  const walk = (list: readonly KconfigSection[]): void => {
    for (const s of list) {
      spans.push({ span: s.span, comment: false });
      walk(s.children);
    }
  };
  walk(file.sections);
  const header = file.model.version;
  if (header) {
    // The comments before the header's end (they come in order, so the first one past it ends the list).
    const block: KconfigComment[] = [];
    for (let i = 0; i < file.ast.comments.length; i++) {
      const c = file.ast.comments.at(i);
      if (c.span.end > header.span.end + 3) break;
      block.push(c);
    }
    const run = block.filter(
      (c, i) => i === 0 || /^\r?\n$/.test(file.text.slice(block[i - 1].span.end, c.span.start)),
    );
    if (run.length > 1)
      spans.push({ span: { start: run[0].span.start, end: run[run.length - 1].span.end }, comment: true });
  }
  return spans.sort((a, b) => a.span.start - b.span.start);
}
