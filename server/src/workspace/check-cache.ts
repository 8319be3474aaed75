import type { Finding } from '../core/finding';
import { SITE_CHECKS, checkSubjectGroups } from '../rules/site';
import type { CheckBudget } from '../rules/site';
import { SiteFacts, SiteModel, isFactFile } from '../rules/site/site-model';
import type { BootSubject } from '../rules/site/subjects';
import type { AnalysedFile, FormatId, SiteContext } from './analysed-file';
import { FORMATS } from './format-registry';

/**
 * The incremental part of `Workspace.check()` (issue 6). A file's findings come in parts, each cached with
 * what it was computed from:
 * - its single-file findings (cached with the file's analysis, workspace.ts);
 * - its share of its format's set checks (`checkSet`: duplicates across files), re-run when a file of that
 *   format or the site (topology, paths) changed;
 * - its cross-file findings (`rules/site`), re-run when the file's own boot subjects or the site's facts
 *   (exports, dhcpd.conf, kernel configs, topology) changed. Every cross-file finding sits in its subject's
 *   file (RULES.md), so an edit in one domain config re-checks that file only.
 * An unchanged part is the same array as last time, so the server republishes only files whose parts
 * changed (`sameParts`).
 */

/** One analysed file as the cache sees it; `serial` changes whenever the file is analysed again. */
export interface CheckedFile {
  readonly uri: string;
  readonly serial: number;
  readonly file: AnalysedFile;
  readonly findings: readonly Finding[];
  readonly subjects: readonly BootSubject[];
}

/** What one run of the checks reads from the workspace. */
export interface CheckInput {
  /** Every file in workspace order, with its analysis (undefined: none of our formats, or skipped). */
  readonly files: readonly { readonly uri: string; readonly checked: CheckedFile | undefined }[];
  readonly site: SiteContext;
  /** Changes whenever the topology or the site's paths change. */
  readonly siteEpoch: number;
  /** The time each file's cross-file checks may take (none: unlimited). */
  readonly budget?: CheckBudget;
  textOf(uri: string): string | undefined;
}

/** A file's findings, in parts that keep their identity while unchanged. */
export type FindingParts = readonly (readonly Finding[])[];

/** One file's findings from a run of the checks. */
export interface FileParts {
  readonly uri: string;
  readonly parts: FindingParts;
}

const NONE: readonly Finding[] = [];
const NO_GROUPS: FindingParts = SITE_CHECKS.map(() => NONE);

interface SetEntry {
  readonly serials: readonly number[];
  readonly epoch: number;
  readonly byUri: ReadonlyMap<string, readonly Finding[]>;
}

/** A file's cross-file findings, one list per group of SITE_CHECKS, with the fact keys they were computed for. */
interface SiteEntry {
  readonly serial: number;
  readonly keys: readonly string[];
  readonly groups: readonly (readonly Finding[])[];
}

/** The analysed fact files (exports, dhcpd.conf, kconfig) among the input's files. */
function factFiles(input: CheckInput): CheckedFile[] {
  return input.files.flatMap((f) => (f.checked && isFactFile(f.checked.file) ? [f.checked] : []));
}

/** A key that changes when the topology, the site's paths or one of these files' analyses change. */
function factsKey(input: CheckInput, files: readonly CheckedFile[]): string {
  return `${input.siteEpoch}|${files.map((f) => f.serial).join(',')}`;
}

/** Whether two files' parts are the same arrays (nothing to republish). */
export function sameParts(a: FindingParts | undefined, b: FindingParts): boolean {
  return a !== undefined && a.length === b.length && a.every((p, i) => p === b[i]);
}

/** Caches of the set checks, the site facts and the cross-file findings, across runs. */
export class CheckCache {
  private readonly sets = new Map<FormatId, SetEntry>();
  private readonly siteFindings = new Map<string, SiteEntry>();
  private facts: { readonly key: string; readonly facts: SiteFacts } | undefined;

  /**
   * For each group of SITE_CHECKS, a key that changes when the facts it reads change: the topology and paths
   * (`siteEpoch`) and the analyses of the fact files of the formats it reads.
   */
  groupKeys(input: CheckInput): string[] {
    const facts = factFiles(input);
    return SITE_CHECKS.map((g) =>
      factsKey(
        input,
        facts.filter((f) => g.reads.includes(f.file.format)),
      ),
    );
  }

  /** The facts of the site for these files: the cached ones while no fact file and no topology changed. */
  factsFor(input: CheckInput): SiteFacts {
    const facts = factFiles(input);
    const key = factsKey(input, facts);
    if (this.facts?.key !== key)
      this.facts = {
        key,
        facts: new SiteFacts(
          facts.map((f) => f.file),
          input.site.topology,
          input.site.pathOf,
        ),
      };
    return this.facts.facts;
  }

  /** The site model of these files (subjects in workspace order, the cached facts). */
  modelFor(input: CheckInput): SiteModel {
    const subjects = input.files.flatMap((f) => f.checked?.subjects ?? []);
    return new SiteModel(subjects, this.factsFor(input), (uri) => input.textOf(uri));
  }

  /**
   * Runs the checks, yielding each file's parts as soon as they are known (`undefined` between other units
   * of work), so that a caller can publish early, pause (the server answers requests meanwhile) or abandon
   * a stale run; what was computed stays cached. Files whose cross-file findings must be computed again
   * come last, those `first` says first (the documents open in the editor).
   */
  *run(
    input: CheckInput,
    extra: ReadonlyMap<string, readonly Finding[]>,
    first: (uri: string) => boolean = () => false,
  ): Generator<FileParts | undefined, void> {
    const sets = new Map<string, readonly Finding[]>();
    for (const analyser of FORMATS) {
      const group = input.files.flatMap((f) => (f.checked?.file.format === analyser.id ? [f.checked] : []));
      for (const [uri, findings] of this.setEntry(analyser.id, group, input).byUri) sets.set(uri, findings);
      yield undefined;
    }
    const model = this.modelFor(input);
    const keys = this.groupKeys(input);
    const partsOf = (uri: string, checked: CheckedFile | undefined, site: FindingParts): FileParts => ({
      uri,
      parts: [extra.get(uri) ?? NONE, checked?.findings ?? NONE, sets.get(uri) ?? NONE, ...site],
    });
    const siteParts = (checked: CheckedFile): FindingParts =>
      this.siteEntry(model, checked, keys, input.budget).groups;
    const later: CheckedFile[] = [];
    for (const { uri, checked } of input.files) {
      if (!checked || checked.subjects.length === 0) yield partsOf(uri, checked, NO_GROUPS);
      else if (this.isCurrent(checked, keys)) yield partsOf(uri, checked, siteParts(checked));
      else later.push(checked);
    }
    const ordered = [...later.filter((c) => first(c.uri)), ...later.filter((c) => !first(c.uri))];
    for (const checked of ordered) yield partsOf(checked.uri, checked, siteParts(checked));
    const live = new Set(input.files.map((f) => f.uri));
    for (const uri of this.siteFindings.keys()) if (!live.has(uri)) this.siteFindings.delete(uri);
  }

  /** One file's share of its format's set checks (cached like `run`'s). */
  setFindingsOf(input: CheckInput, format: FormatId, uri: string): readonly Finding[] {
    const group = input.files.flatMap((f) => (f.checked?.file.format === format ? [f.checked] : []));
    return this.setEntry(format, group, input).byUri.get(uri) ?? NONE;
  }

  private isCurrent(checked: CheckedFile, keys: readonly string[]): boolean {
    const cached = this.siteFindings.get(checked.uri);
    return (
      cached !== undefined && cached.serial === checked.serial && cached.keys.every((k, i) => k === keys[i])
    );
  }

  /** A file's cross-file findings: the groups whose inputs changed are computed again, the others kept. */
  private siteEntry(
    model: SiteModel,
    checked: CheckedFile,
    keys: readonly string[],
    budget: CheckBudget | undefined,
  ): SiteEntry {
    const cached = this.siteFindings.get(checked.uri);
    const same = cached?.serial === checked.serial;
    const stale = SITE_CHECKS.filter((_, i) => !same || cached?.keys[i] !== keys[i]);
    if (cached && stale.length === 0) return cached;
    const fresh = checkSubjectGroups(model, checked.subjects, stale, budget);
    const groups = SITE_CHECKS.map((g, i) => {
      const at = stale.indexOf(g);
      const old = cached?.groups[i];
      if (at < 0 && old) return old;
      const found = fresh[at] ?? [];
      return old && sameFindings(old, found) ? old : found;
    });
    const entry = { serial: checked.serial, keys, groups };
    this.siteFindings.set(checked.uri, entry);
    return entry;
  }

  private setEntry(format: FormatId, group: readonly CheckedFile[], input: CheckInput): SetEntry {
    const serials = group.map((f) => f.serial);
    const cached = this.sets.get(format);
    if (
      cached &&
      cached.epoch === input.siteEpoch &&
      cached.serials.length === serials.length &&
      cached.serials.every((s, i) => s === serials[i])
    )
      return cached;
    const analyser = FORMATS.find((a) => a.id === format);
    const findings = analyser
      ? analyser.checkSet(
          group.map((f) => f.file),
          input.site,
        )
      : [];
    const byUri = new Map<string, Finding[]>();
    for (const f of findings) {
      const list = byUri.get(f.uri);
      if (list) list.push(f);
      else byUri.set(f.uri, [f]);
    }
    const entry = { serials, epoch: input.siteEpoch, byUri: keepUnchanged(cached?.byUri, byUri) };
    this.sets.set(format, entry);
    return entry;
  }
}

/** The new lists, except that a file whose findings did not change keeps its old array. */
function keepUnchanged(
  before: ReadonlyMap<string, readonly Finding[]> | undefined,
  after: Map<string, Finding[]>,
): Map<string, readonly Finding[]> {
  const out = new Map<string, readonly Finding[]>();
  for (const [uri, findings] of after) {
    const old = before?.get(uri);
    out.set(uri, old && sameFindings(old, findings) ? old : findings);
  }
  return out;
}

/**
 * Whether two lists hold the same diagnostics (rule, place, message, severity, related information).
 * Quick fixes are not compared: code actions compute them afresh (Workspace.findingsForActions).
 */
export function sameFindings(a: readonly Finding[], b: readonly Finding[]): boolean {
  return a.length === b.length && a.every((f, i) => sameFinding(f, b[i]));
}

function sameFinding(a: Finding, b: Finding): boolean {
  const ra = a.related ?? [];
  const rb = b.related ?? [];
  return (
    a.ruleId === b.ruleId &&
    a.uri === b.uri &&
    a.span.start === b.span.start &&
    a.span.end === b.span.end &&
    a.message === b.message &&
    a.severity === b.severity &&
    ra.length === rb.length &&
    ra.every(
      (r, i) =>
        r.uri === rb[i].uri &&
        r.span.start === rb[i].span.start &&
        r.span.end === rb[i].span.end &&
        r.message === rb[i].message,
    )
  );
}
