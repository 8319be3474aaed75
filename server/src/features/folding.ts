import type { Span } from '../core/text';

/** A folding range before positions are converted: a block, or a run of comment lines. */
export interface FoldingSpan {
  readonly span: Span;
  readonly comment: boolean;
}

/**
 * The folding ranges every format offers: its blocks that span several lines, and runs of comments on
 * consecutive lines (only blank space between them) that span several lines.
 */
export function foldingSpans(
  text: string,
  blocks: readonly Span[],
  comments: readonly Span[],
): FoldingSpan[] {
  const multiLine = (s: Span): boolean => text.slice(s.start, s.end).includes('\n');
  const spans: FoldingSpan[] = blocks.filter(multiLine).map((span) => ({ span, comment: false }));
  let run: Span | undefined;
  for (const c of comments) {
    if (run && /^[ \t\r]*\n[ \t]*$/.test(text.slice(run.end, c.start)))
      run = { start: run.start, end: c.end };
    else {
      if (run && multiLine(run)) spans.push({ span: run, comment: true });
      run = c;
    }
  }
  if (run && multiLine(run)) spans.push({ span: run, comment: true });
  return spans;
}
