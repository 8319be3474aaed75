import type { Span } from '../../core/text';
import type { PxelinuxFile } from '../../rules/pxelinux/types';
import type { SymbolSpec } from '../symbols';

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
export function pxelinuxFoldingSpans(file: PxelinuxFile): { span: Span; comment: boolean }[] {
  const blocks = [
    ...file.ast.labels.map((l) => l.span),
    ...file.ast.menus.map((m) => m.span),
    ...file.ast.textBlocks,
  ];
  const spans = blocks
    .filter((s) => file.text.slice(s.start, s.end).includes('\n'))
    .map((span) => ({ span, comment: false }));
  let run: Span | undefined;
  const flush = (): void => {
    if (run && file.text.slice(run.start, run.end).includes('\n')) spans.push({ span: run, comment: true });
  };
  for (const c of file.ast.comments) {
    if (run && /^[ \t]*\n[ \t]*$/.test(file.text.slice(run.end, c.start)))
      run = { start: run.start, end: c.end };
    else {
      flush();
      run = c;
    }
  }
  flush();
  return spans;
}
