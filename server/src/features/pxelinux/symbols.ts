import type { PxelinuxFile } from '../../rules/pxelinux/types';
import type { SymbolSpec } from '../symbols';
import { foldingSpans } from '../folding';
import type { FoldingSpan } from '../folding';

/** The outline: one symbol per LABEL (kind Module), detail saying what it boots. */
export function pxelinuxSymbols(file: PxelinuxFile): SymbolSpec[] {
  return file.model.entries.map((e) => {
    const menuLabel = e.label.lines.find((l) => l.keyword.name === 'menu' && l.sub?.name === 'label')?.args
      ?.text;
    const boots = e.entry.hypervisor
      ? `Xen: ${e.entry.kernel?.text ?? 'no dom0 kernel'}`
      : (e.entry.kernel?.text ?? e.kernelLine?.args?.text ?? '');
    const detail = [menuLabel?.replace(/\^/g, ''), boots].filter((x) => x).join(' · ');
    return {
      name: e.label.name?.text ?? '(no name)',
      detail,
      kind: 2,
      span: e.label.span,
      selection: e.label.name?.span ?? e.label.line.span,
    };
  });
}

/** Folding ranges: labels, MENU BEGIN … MENU END, TEXT HELP … ENDTEXT, and runs of comment lines. */
export function pxelinuxFoldingSpans(file: PxelinuxFile): FoldingSpan[] {
  const blocks = [
    ...file.ast.labels.map((l) => l.span),
    ...file.ast.menus.map((m) => m.span),
    ...file.ast.textBlocks,
  ];
  return foldingSpans(file.text, blocks, file.ast.comments);
}
