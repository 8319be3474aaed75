import { LineIndex } from '../../../server/src/core/text';
import { effectiveSeverity } from '../../../server/src/features/diagnostics';
import { parseTopology } from '../../../server/src/workspace/topology';
import { Workspace } from '../../../server/src/workspace/workspace';

/** The URI a test file gets. */
export function testUri(path: string): string {
  return `file:///site/${path}`;
}

/**
 * Builds a workspace from one string holding several files, each introduced by `=== path`.
 * A file named `xen-nfs-boot.json` becomes the topology.
 */
export function siteFromText(spec: string): Workspace {
  const ws = new Workspace();
  const parts = spec.split(/^=== (.+)\n/m).slice(1);
  for (let i = 0; i < parts.length; i += 2) {
    const path = parts[i].trim();
    const text = parts[i + 1];
    if (path === 'xen-nfs-boot.json') ws.setTopology(parseTopology(text).topology);
    else ws.setFile(testUri(path), path, text, 1);
  }
  return ws;
}

/**
 * Every diagnostic of the workspace as one line: `path:line:col-line:col severity rule-id: message`
 * (1-based, like the CLI), sorted by file and position.
 */
export function renderFindings(ws: Workspace, withMessages = false): string[] {
  const lines: string[] = [];
  for (const [uri, findings] of ws.check()) {
    const file = ws.getFile(uri);
    if (!file) continue;
    const index = new LineIndex(file.text);
    for (const f of findings) {
      const sev = effectiveSeverity(ws, f);
      if (!sev) continue;
      const s = index.position(f.span.start);
      const e = index.position(f.span.end);
      const where = `${file.path}:${s.line + 1}:${s.character + 1}-${e.line + 1}:${e.character + 1}`;
      lines.push(`${where} ${sev} ${f.ruleId}${withMessages ? `: ${f.message}` : ''}`);
    }
  }
  return lines.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

/** The text a finding's span covers, for assertions that read like the file. */
export function spanText(ws: Workspace, uri: string, span: { start: number; end: number }): string {
  return (ws.getFile(uri)?.text ?? '').slice(span.start, span.end);
}

/** Splits a text with one `<|>` cursor marker into the text and the cursor offset. */
export function cursor(textWithMarker: string): { text: string; offset: number } {
  const offset = textWithMarker.indexOf('<|>');
  if (offset < 0) throw new Error('no <|> marker');
  return { text: textWithMarker.replace('<|>', ''), offset };
}

/** Applies non-overlapping edits (offsets) to a text. */
export function applyEdits(
  text: string,
  edits: readonly { span: { start: number; end: number }; newText: string }[],
): string {
  const sorted = [...edits].sort((a, b) => b.span.start - a.span.start);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}
