import type { Finding } from '../../../server/src/core/finding';
import { LineIndex } from '../../../server/src/core/text';
import type { RuleInfo } from '../../../server/src/rules/catalogue';
import type { FormatAnalyser } from '../../../server/src/workspace/format-registry';
import type { AnalysedFile } from '../../../server/src/workspace/analysed-file';

/**
 * Checks one boot-loader file (grub.cfg, a pxelinux.cfg file) through its analyser alone (the workspace
 * registry is wired separately) and renders each finding as `line:col-line:col severity rule-id`.
 */
export function checkBootFile(
  analyser: FormatAnalyser,
  rules: readonly RuleInfo[],
  path: string,
  text: string,
  withMessages = false,
): { file: AnalysedFile; findings: Finding[]; lines: string[] } {
  const file = analyser.analyse(`file:///site/${path}`, text, { path, toolstack: 'xl' });
  const findings = [...analyser.check(file), ...analyser.checkSet([file])];
  const severity = new Map(rules.map((r) => [r.id, r.severity]));
  const other = new Map([
    ['cmdline/ip', 'error'],
    ['cmdline/nfsroot', 'error'],
    ['cmdline/nfsroot-without-nfs-root', 'warning'],
    ['cmdline/nfsroot-hostname', 'error'],
    ['cmdline/gateway-off-subnet', 'warning'],
  ]);
  const index = new LineIndex(text);
  const lines = findings
    .map((f) => {
      const s = index.position(f.span.start);
      const e = index.position(f.span.end);
      const sev = f.severity ?? severity.get(f.ruleId) ?? other.get(f.ruleId) ?? 'unknown-rule';
      return `${s.line + 1}:${s.character + 1}-${e.line + 1}:${e.character + 1} ${sev} ${f.ruleId}${withMessages ? `: ${f.message}` : ''}`;
    })
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  return { file, findings, lines };
}

/** Applies non-overlapping edits (offsets) to a text. */
export function applyFixEdits(
  text: string,
  edits: readonly { span: { start: number; end: number }; newText: string }[],
): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.span.start - a.span.start))
    out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}
