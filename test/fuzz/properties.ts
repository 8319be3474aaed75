import type { Finding, FixSpec } from '../../server/src/core/finding';
import type { Span } from '../../server/src/core/text';
import { bootChainHover, bootChainsIn } from '../../server/src/features/boot-chain';
import { featuresOf } from '../../server/src/features/format-features';
import { FixVerifier } from '../../server/src/features/fix-verification';
import type { SymbolSpec } from '../../server/src/features/symbols';
import { navigationOf, siteDefinition, siteReferences } from '../../server/src/features/site-navigation';
import type { AnalysedFile, FormatId } from '../../server/src/workspace/analysed-file';
import { analyserOf } from '../../server/src/workspace/format-registry';
import { Workspace } from '../../server/src/workspace/workspace';
import type { Rng } from './prng';
import { below } from './prng';

/** What can go wrong with one input. */
export type FailureKind = 'crash' | 'hang' | 'out-of-range' | 'bad-fix';

/** A property an input breaks: its kind, a one-line reason and, for a crash, the stack. */
export interface Failure {
  readonly kind: FailureKind;
  readonly reason: string;
  readonly stack?: string;
}

/** How much to exercise per input and the time bound (a hang detector, not a benchmark). */
export interface PropertyOptions {
  /** Random offsets at which hover, completion and definition are asked. */
  readonly offsets?: number;
  /** Quick fixes applied and re-parsed at the most. */
  readonly maxFixes?: number;
  /**
   * Whether only the fixes a user is offered are tried (those `FixVerifier` lets through, as code actions
   * do; the default), or every fix the rules write (to find rules whose fixes the safety net has to hold back).
   */
  readonly rawFixes?: boolean;
  /** The time bound: `baseMs + perKbMs` per KB of input. */
  readonly baseMs?: number;
  readonly perKbMs?: number;
}

const URI = 'file:///fuzz/';

/** A file analysed through the workspace, or directly when the workspace skips it (NUL bytes). */
interface Analysed {
  readonly ws: Workspace;
  readonly uri: string;
  readonly text: string;
  readonly file: AnalysedFile;
  readonly findings: readonly Finding[];
  readonly skipped: boolean;
}

/**
 * Runs a text through the `Workspace` with its format forced. A file the workspace skips (binary) is also
 * analysed and checked directly: parsers must survive NUL bytes even where the editor never shows them.
 */
function analyse(format: FormatId, path: string, text: string): Analysed {
  const ws = new Workspace();
  const uri = URI + path;
  ws.setFile(uri, path, text, 1, { format });
  const findings = ws.check().get(uri) ?? [];
  const file = ws.analysedFile(uri);
  if (file) return { ws, uri, text, file, findings, skipped: false };
  const analyser = analyserOf(format);
  const direct = analyser.analyse(uri, text, { path, toolstack: ws.toolstackOf(path) });
  const all = [...findings, ...analyser.check(direct), ...analyser.checkSet([direct])];
  return { ws, uri, text, file: direct, findings: all, skipped: true };
}

function inside(s: Span | undefined, length: number): boolean {
  return (
    s !== undefined &&
    Number.isInteger(s.start) &&
    Number.isInteger(s.end) &&
    s.start >= 0 &&
    s.start <= s.end &&
    s.end <= length
  );
}

function show(s: Span | undefined): string {
  return s ? `${s.start}-${s.end}` : 'undefined';
}

/** Every span an analysis and the features put in front of a user, with what it belongs to. */
function outOfRange(a: Analysed, rnd: Rng, offsets: number): string | undefined {
  const lengthOf = (uri: string): number | undefined =>
    uri === a.uri ? a.text.length : a.ws.getFile(uri)?.text.length;
  const check = (what: string, uri: string, s: Span | undefined): string | undefined => {
    const length = lengthOf(uri);
    if (length === undefined) return `${what} in an unknown file ${uri}`;
    return inside(s, length) ? undefined : `${what} at ${show(s)} outside 0-${length}`;
  };
  const problems: (string | undefined)[] = [];
  for (const f of a.findings) {
    problems.push(check(`${f.ruleId} finding`, f.uri, f.span));
    for (const r of f.related ?? []) problems.push(check(`${f.ruleId} related`, r.uri, r.span));
    for (const fix of f.fixes ?? [])
      for (const e of fix.edits) problems.push(check(`${f.ruleId} fix '${fix.title}'`, e.uri, e.span));
  }
  const features = featuresOf(a.file);
  const walk = (symbols: readonly SymbolSpec[]): void => {
    for (const s of symbols) {
      problems.push(
        check(`symbol ${s.name}`, a.uri, s.span),
        check(`symbol ${s.name} selection`, a.uri, s.selection),
      );
      walk(s.children ?? []);
    }
  };
  walk(features.symbols(a.file));
  for (const f of features.folding(a.file)) problems.push(check('folding range', a.uri, f.span));
  const navigation = a.skipped ? undefined : navigationOf(a.ws);
  const site = navigation?.site;
  for (const chain of site ? bootChainsIn(site, a.uri) : [])
    problems.push(check('boot chain', a.uri, chain.anchor));
  for (let i = 0; i < offsets; i++) {
    const at = below(rnd, a.text.length + 1);
    const hover = features.hover(a.file, at);
    if (hover) problems.push(check(`hover at ${at}`, a.uri, hover.span));
    features.complete(a.file, at);
    features.definition?.(a.file, at);
    if (navigation && site) {
      bootChainHover(site, a.uri, at);
      for (const l of siteDefinition(navigation, a.uri, at))
        problems.push(check(`definition at ${at}`, l.uri, l.span));
      for (const l of siteReferences(navigation, a.uri, at))
        problems.push(check(`reference at ${at}`, l.uri, l.span));
    }
  }
  return problems.find((p) => p !== undefined);
}

/**
 * Applies one file's edits; returns the new text and where each edit's text now lies, or undefined when
 * two edits overlap (no editor can apply that).
 */
function applyEdits(
  text: string,
  edits: readonly { span: Span; newText: string }[],
): { text: string; regions: Span[] } | undefined {
  const sorted = [...edits].sort((x, y) => x.span.start - y.span.start || x.span.end - y.span.end);
  let out = '';
  let at = 0;
  const regions: Span[] = [];
  for (const e of sorted) {
    if (e.span.start < at) return undefined;
    out += text.slice(at, e.span.start);
    regions.push({ start: out.length, end: out.length + e.newText.length });
    out += e.newText;
    at = e.span.end;
  }
  return { text: out + text.slice(at), regions };
}

function syntaxMessages(a: Analysed, rule: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of a.findings)
    if (f.ruleId === rule && f.uri === a.uri) counts.set(f.message, (counts.get(f.message) ?? 0) + 1);
  return counts;
}

/** The fixes a user is offered for this file: what the code-action pipeline's verifier lets through. */
function offeredFixes(a: Analysed, format: FormatId, path: string): (fix: FixSpec) => boolean {
  const verifier = new FixVerifier((uri) =>
    uri === a.uri
      ? { text: a.text, format, context: { path, toolstack: a.ws.toolstackOf(path) }, file: a.file }
      : undefined,
  );
  return (fix) => verifier.accepts(fix);
}

/** The first quick fix (of at most `maxFixes`) whose result raises a syntax error the text did not have. */
function badFix(
  a: Analysed,
  format: FormatId,
  path: string,
  rule: string,
  options: PropertyOptions,
  bound: number,
): Failure | undefined {
  const before = syntaxMessages(a, rule);
  const maxFixes = options.maxFixes ?? 4;
  const offered = options.rawFixes ? () => true : offeredFixes(a, format, path);
  let tried = 0;
  for (const f of a.findings) {
    for (const fix of f.fixes ?? []) {
      if (!offered(fix)) continue;
      if (tried++ >= maxFixes) return undefined;
      const edits = fix.edits.filter((e) => e.uri === a.uri);
      if (edits.length === 0) continue;
      const applied = applyEdits(a.text, edits);
      if (applied === undefined)
        return { kind: 'bad-fix', reason: `${f.ruleId} fix '${fix.title}' has overlapping edits` };
      const fixed = applied.text;
      const started = performance.now();
      const after = analyse(format, path, fixed);
      const ms = performance.now() - started;
      const slow = ms > bound ? tooSlow(fixed, ms, bound, (t) => analyse(format, path, t)) : undefined;
      if (slow) return { kind: 'hang', reason: `re-checking after ${f.ruleId} fix '${fix.title}' ${slow}` };
      // New: a syntax error on or next to the text the fix wrote, with a message the text did not have
      // (errors a fix merely uncovers elsewhere, e.g. in the arguments of a renamed keyword, are not its own).
      const seen = new Map(before);
      for (const err of after.findings) {
        if (err.ruleId !== rule || err.uri !== after.uri) continue;
        const left = seen.get(err.message) ?? 0;
        if (left > 0) {
          seen.set(err.message, left - 1);
          continue;
        }
        if (applied.regions.some((r) => err.span.start <= r.end && err.span.end >= r.start))
          return {
            kind: 'bad-fix',
            reason: `${f.ruleId} fix '${fix.title}' raises ${rule}: ${oneLine(err.message)}`,
          };
      }
    }
  }
  return undefined;
}

function timed(run: () => unknown): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

function oneLine(s: string): string {
  const flat = s.replace(/\s+/g, ' ');
  return flat.length > 160 ? `${flat.slice(0, 157)}...` : flat;
}

/** The time an input of `length` UTF-16 units may take. */
export function timeBound(length: number, options: PropertyOptions = {}): number {
  return (options.baseMs ?? 200) + ((options.perKbMs ?? 2) * length) / 1024;
}

/**
 * Whether work over `text` that took `ms`, more than its `bound`, is a hang, and why. Wall time on a shared
 * machine is noisy, so it is measured again, and then the text twice over is timed: linear work takes about
 * twice as long, a super-linear algorithm (the hangs found so far) four times or more. A hang is work that
 * grows faster than 3x for 2x the text, or is slow beyond doubt (3 times the bound) whatever the load.
 */
function tooSlow(
  text: string,
  ms: number,
  bound: number,
  run: (text: string) => unknown,
): string | undefined {
  const once = Math.min(
    ms,
    timed(() => run(text)),
  );
  if (once <= bound) return undefined;
  const twice = timed(() => run(`${text}\n${text}`));
  if (twice <= 3 * once && once <= 3 * bound) return undefined;
  return `took ${Math.round(once)} ms (bound ${Math.round(bound)} ms), ${Math.round(twice)} ms for the text twice over`;
}

/**
 * Checks every property of the whole server on one input of `format`: analysis and checks never throw;
 * every finding, related location, fix edit, symbol, folding range, hover and definition lies inside its
 * file; the features answer at random offsets; each quick fix applied and re-checked raises no new syntax
 * error of the format; and analysis plus features finish within `timeBound` (or, when the machine is
 * busy, grow linearly: see `tooSlow`). Returns the first failure, or undefined.
 */
export function checkInput(
  format: FormatId,
  path: string,
  syntaxRule: string,
  text: string,
  rnd: Rng,
  options: PropertyOptions = {},
): Failure | undefined {
  const bound = timeBound(text.length, options);
  const offsets = options.offsets ?? 3;
  try {
    const started = performance.now();
    const a = analyse(format, path, text);
    const problem = outOfRange(a, rnd, offsets);
    const ms = performance.now() - started;
    if (problem) return { kind: 'out-of-range', reason: oneLine(problem) };
    const slow =
      ms > bound
        ? tooSlow(text, ms, bound, (t) => outOfRange(analyse(format, path, t), rnd, offsets))
        : undefined;
    if (slow) return { kind: 'hang', reason: `analysis and features ${slow}` };
    return badFix(a, format, path, syntaxRule, options, bound);
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    return { kind: 'crash', reason: oneLine(`${err.name}: ${err.message}`), stack: err.stack };
  }
}
