import type { Finding, FixSpec, TextEditSpec } from '../core/finding';
import type { AnalysedFile, FileContext, FormatId } from '../workspace/analysed-file';
import { analyserOf } from '../workspace/format-registry';
import type { FormatAnalyser } from '../workspace/format-registry';
import type { Workspace } from '../workspace/workspace';

/**
 * The safety net behind every quick fix: a fix is offered only if applying it and re-parsing each file it
 * edits raises no syntax finding (the format's `syntaxRule`, from the format registry) that the file did not
 * have before. Findings are compared by rule ID, message and position, positions after an edit shifted back
 * by what the edit added or removed, so an error a fix merely moves is not new.
 *
 * Cost: one analysis of the edited file per distinct fix, only when code actions are asked for (never on
 * typing), plus one check of the current analysis per edited file. Both are linear in the file. Two caps
 * keep a request cheap on huge files: files above `MAX_VERIFIED_FILE_CHARS` are not re-parsed at all (their
 * fixes are offered unverified, as the rules wrote them: one parse of a multi-megabyte file per fix would
 * stall the editor), and a request re-parses at most `VERIFY_BUDGET_CHARS` in total; fixes past that budget
 * are withheld rather than offered unverified (asking again on a smaller range offers them).
 */
export const MAX_VERIFIED_FILE_CHARS = 1_500_000;
export const VERIFY_BUDGET_CHARS = 4_000_000;

/** What the verifier needs of a file a fix edits. */
export interface FixTarget {
  readonly text: string;
  /** Undefined for a file of none of our formats: there is nothing to re-parse. */
  readonly format: FormatId | undefined;
  readonly context: FileContext;
  /** The analysis of `text`, when one is at hand (saves a parse). */
  readonly file?: AnalysedFile;
}

/** A file a fix edits, or undefined when the workspace does not know it. */
export type TargetOf = (uri: string) => FixTarget | undefined;

/** The workspace's files as fix targets (skipped files, binary or too large, are not parsed). */
export function workspaceTargets(workspace: Workspace): TargetOf {
  return (uri) => {
    const f = workspace.getFile(uri);
    if (!f || f.skipped) return undefined;
    const context = { path: f.path, toolstack: workspace.toolstackOf(f.path) };
    return { text: f.text, format: f.format, context, file: workspace.analysedFile(uri) };
  };
}

type Counts = Map<string, number>;

/** Decides which fixes may be offered; one instance per code-action request (it caches per file and fix). */
export class FixVerifier {
  private readonly before = new Map<string, readonly Finding[]>();
  private readonly verdicts = new Map<string, boolean>();
  private spent = 0;

  constructor(
    private readonly targetOf: TargetOf,
    private readonly budget: number = VERIFY_BUDGET_CHARS,
  ) {}

  /** Whether `fix` may be offered: every file it edits re-parses with no new syntax finding. */
  accepts(fix: FixSpec): boolean {
    const key = JSON.stringify(fix.edits.map((e) => [e.uri, e.span.start, e.span.end, e.newText]));
    let verdict = this.verdicts.get(key);
    if (verdict === undefined) {
      verdict = [...byUri(fix.edits)].every(([uri, edits]) => this.keepsSyntax(uri, edits));
      this.verdicts.set(key, verdict);
    }
    return verdict;
  }

  private keepsSyntax(uri: string, edits: readonly TextEditSpec[]): boolean {
    const target = this.targetOf(uri);
    // A file we cannot read or that is none of our formats has no syntax findings to compare.
    if (!target?.format) return true;
    // Too large to re-parse per fix: offered as the rule wrote it (see the cost note above).
    if (target.text.length > MAX_VERIFIED_FILE_CHARS) return true;
    const sorted = [...edits].sort((x, y) => x.span.start - y.span.start || x.span.end - y.span.end);
    const text = applySorted(target.text, sorted);
    if (text === undefined) return false;
    if (this.spent + text.length > this.budget) return false;
    this.spent += text.length;
    const analyser = analyserOf(target.format);
    const rule = analyser.syntaxRule;
    const left: Counts = new Map();
    for (const f of this.syntaxBefore(uri, target, analyser)) {
      const k = findingKey(f, original(f.span.start, sorted));
      left.set(k, (left.get(k) ?? 0) + 1);
    }
    const after = analyser.check(analyser.analyse(uri, text, target.context));
    for (const f of after) {
      if (f.ruleId !== rule || f.uri !== uri) continue;
      const k = findingKey(f, toBefore(f.span.start, sorted));
      const n = left.get(k) ?? 0;
      if (n === 0) return false;
      left.set(k, n - 1);
    }
    return true;
  }

  /** The file's syntax findings now (checked once per file and request). */
  private syntaxBefore(uri: string, target: FixTarget, analyser: FormatAnalyser): readonly Finding[] {
    const cached = this.before.get(uri);
    if (cached) return cached;
    const rule = analyser.syntaxRule;
    const file = target.file ?? analyser.analyse(uri, target.text, target.context);
    const found = analyser.check(file).filter((f) => f.ruleId === rule && f.uri === uri);
    this.before.set(uri, found);
    return found;
  }
}

/**
 * Counted by the position before the edits; a finding inside replaced text counts at the replacement's
 * start, so the edits themselves do not need exact positions to match.
 */
function findingKey(f: Finding, at: number): string {
  return `${f.ruleId}\u0000${f.message}\u0000${at}`;
}

function byUri(edits: readonly TextEditSpec[]): Map<string, TextEditSpec[]> {
  const out = new Map<string, TextEditSpec[]>();
  for (const e of edits) {
    const list = out.get(e.uri);
    if (list) list.push(e);
    else out.set(e.uri, [e]);
  }
  return out;
}

/** The text after sorted edits, or undefined when two overlap (no editor can apply that). */
function applySorted(text: string, edits: readonly TextEditSpec[]): string | undefined {
  const parts: string[] = [];
  let at = 0;
  for (const e of edits) {
    if (e.span.start < at || e.span.end > text.length) return undefined;
    parts.push(text.slice(at, e.span.start), e.newText);
    at = e.span.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** Maps an offset of the edited text back to the original: inside an edit's new text, to its start. */
function toBefore(offset: number, edits: readonly TextEditSpec[]): number {
  let delta = 0;
  for (const e of edits) {
    const start = e.span.start + delta;
    if (offset < start) return offset - delta;
    if (offset < start + e.newText.length) return e.span.start;
    delta += e.newText.length - (e.span.end - e.span.start);
  }
  return offset - delta;
}

/** An original offset inside a replaced span counts at the span's start, as `toBefore` maps new text. */
function original(offset: number, edits: readonly TextEditSpec[]): number {
  for (const e of edits) if (offset > e.span.start && offset < e.span.end) return e.span.start;
  return offset;
}
