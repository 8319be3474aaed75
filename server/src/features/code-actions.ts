import type { Finding } from '../core/finding';
import type { Workspace } from '../workspace/workspace';
import type { LineIndexCache, LspDiagnostic } from './diagnostics';
import { FixVerifier, workspaceTargets } from './fix-verification';

type Range = LspDiagnostic['range'];

/** A quick fix in LSP's shape. */
export interface LspCodeAction {
  title: string;
  kind: 'quickfix';
  diagnostics: LspDiagnostic[];
  isPreferred?: boolean;
  edit: { changes: Record<string, { range: Range; newText: string }[]> };
}

function sameRange(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

/**
 * The quick fixes for the diagnostics a client sends back: each is matched to the finding it came from
 * (same rule ID, same range), and the finding's fixes become workspace edits, possibly in other files.
 * Only fixes that leave every file they edit without new syntax errors are offered (fix-verification.ts).
 */
export function codeActionsFor(
  workspace: Workspace,
  findings: readonly Finding[],
  diagnostics: readonly LspDiagnostic[],
  lines: LineIndexCache,
): LspCodeAction[] {
  const actions: LspCodeAction[] = [];
  const verifier = new FixVerifier(workspaceTargets(workspace));
  for (const d of diagnostics) {
    const code = typeof d.code === 'object' && d.code !== null ? (d.code as { value: string }).value : d.code;
    for (const f of findings) {
      if (f.ruleId !== code || !f.fixes?.length) continue;
      const index = lines.get(f.uri, workspace.getFile(f.uri)?.text ?? '');
      if (!sameRange(index.range(f.span), d.range)) continue;
      for (const fix of f.fixes) {
        if (!verifier.accepts(fix)) continue;
        const changes: LspCodeAction['edit']['changes'] = {};
        for (const e of fix.edits) {
          const target = lines.get(e.uri, workspace.getFile(e.uri)?.text ?? '');
          (changes[e.uri] ??= []).push({ range: target.range(e.span), newText: e.newText });
        }
        actions.push({
          title: fix.title,
          kind: 'quickfix',
          diagnostics: [d],
          isPreferred: fix.preferred,
          edit: { changes },
        });
      }
    }
  }
  return actions;
}
