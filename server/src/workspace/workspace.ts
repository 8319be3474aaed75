import { capPerRule, skippedFinding, skipReason, slowAnalysis, tooLarge } from './file-findings';
import type { Finding } from '../core/finding';
import type { SeverityLevel } from '../core/severity';
import type { Toolstack } from '../formats/option-spec';
import type { XenFile } from '../rules/types';
import type { AnalysedFile, FileContext, FormatId } from './analysed-file';
import { analyserOf, formatByPath, formatOf, isXenFile } from './format-registry';
import { hostOf, toolstackFor } from './hosts';
import { checkSubjectFile } from '../rules/site';
import type { CheckBudget } from '../rules/site';
import type { SiteModel } from '../rules/site/site-model';
import { bootSubjects } from '../rules/site/subjects';
import { CheckCache } from './check-cache';
import type { CheckedFile, CheckInput, FileParts } from './check-cache';
import { EMPTY_TOPOLOGY } from './topology';
import type { Topology } from './topology';

/** Files larger than this are not parsed (one diagnostic says so). */
export const DEFAULT_MAX_FILE_BYTES = 16 * 1024 * 1024;

/** One file of the workspace as the model knows it. */
export interface WorkspaceFile {
  readonly uri: string;
  /** The path relative to the workspace root, `/` separators (decides host and format). */
  readonly path: string;
  readonly text: string;
  readonly version: number;
  readonly format: FormatId | undefined;
  /** Set when the file is skipped (binary, too large), with the reason. */
  readonly skipped: string | undefined;
}

/** What the user configured: editor settings lose to the topology file, command-line rules beat it. */
export interface WorkspaceSettings {
  readonly toolstack?: Toolstack;
  /** Editor settings (`xenNfsBoot.rules`): the topology file's `rules` win over these. */
  readonly rules?: ReadonlyMap<string, SeverityLevel>;
  /** `--rule ID=SEVERITY` on the command line: these win over the topology file, as in ESLint. */
  readonly ruleOverrides?: ReadonlyMap<string, SeverityLevel>;
  readonly maxFileBytes?: number;
}

interface Analysis extends CheckedFile {
  readonly version: number;
  readonly contextKey: string;
}

/** Numbers every analysis: caches downstream compare serials, not texts. */
let nextSerial = 1;

/**
 * The model of every file: texts in, findings out. Pure: no file system, no LSP. Each file is parsed
 * once per version and its single-file findings are cached; only checks across files run again
 * when anything changes.
 */
export class Workspace {
  private readonly files = new Map<string, WorkspaceFile>();
  private readonly cache = new Map<string, Analysis>();
  private topology: Topology = EMPTY_TOPOLOGY;
  private settings: WorkspaceSettings = {};
  private sitePaths: Set<string> | undefined;
  /** Bumped when the topology or the site's paths change (set checks and site facts depend on them). */
  private siteEpoch = 0;
  /** Bumped on every change (the site model for navigation is rebuilt only after one). */
  private epoch = 0;
  private readonly checks = new CheckCache();
  private readonly skippedFindings = new Map<string, { file: WorkspaceFile; findings: Finding[] }>();
  private model: { epoch: number; model: SiteModel } | undefined;
  private budget: CheckBudget | undefined;

  /**
   * Adds or replaces a file. `options.format` forces the format (an editor's language id), else it is
   * recognised; `options.sizeBytes` is the size of a file too large to have been read.
   */
  setFile(
    uri: string,
    path: string,
    text: string,
    version: number,
    options: FileOptions = {},
  ): WorkspaceFile {
    const format = options.format;
    const maxBytes = this.maxFileBytes();
    const byPath = format ?? formatByPath(path);
    const nulIsText = byPath !== undefined && analyserOf(byPath).toleratesNul === true;
    const skipped =
      options.sizeBytes !== undefined && options.sizeBytes > maxBytes
        ? tooLarge(maxBytes)
        : skipReason(text, maxBytes, nulIsText);
    const file: WorkspaceFile = {
      uri,
      path,
      text: skipped ? '' : text,
      version,
      format: format ?? (skipped ? byPath : (formatOf(path, text) ?? (nulIsText ? byPath : undefined))),
      skipped,
    };
    this.files.set(uri, file);
    this.epoch++;
    return file;
  }

  /**
   * Sets the time one file's work may take (`now` is the caller's clock: the workspace reads none). A file's
   * cross-file checks stop when it is spent; an analysis that took longer is reported. Both say so with
   * `workspace/time-budget`.
   */
  setBudget(budget: CheckBudget | undefined): void {
    this.budget = budget;
  }

  /** The size above which files are not parsed. */
  maxFileBytes(): number {
    return this.settings.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  }

  /** Sets every file path of the site, ours or not (for checks that a referenced file exists). */
  setSitePaths(paths: Iterable<string>): void {
    this.sitePaths = new Set(paths);
    this.siteChanged();
  }

  private siteChanged(): void {
    this.siteEpoch++;
    this.epoch++;
  }

  /** Notes that a file appeared on or disappeared from the site. */
  updateSitePath(path: string, present: boolean): void {
    if (!this.sitePaths) return;
    if (present === this.sitePaths.has(path)) return;
    if (present) this.sitePaths.add(path);
    else this.sitePaths.delete(path);
    this.siteChanged();
  }

  /**
   * The known files a reference names: `target` is a path as written in the file at `fromUri` (absolute on
   * its host, like `/grub/post01.conf`). Files whose path ends with it are candidates; those of the same
   * host come first.
   */
  resolveReference(fromUri: string, target: string): string[] {
    const from = this.files.get(fromUri);
    const suffix = target.startsWith('/') ? target : `/${target}`;
    const host = from ? hostOf(this.topology, from.path)?.name : undefined;
    const matches = [...this.files.values()].filter((f) => `/${f.path}`.endsWith(suffix));
    const sameHost = (f: WorkspaceFile): number => (hostOf(this.topology, f.path)?.name === host ? 0 : 1);
    return matches.sort((a, b) => sameHost(a) - sameHost(b)).map((f) => f.uri);
  }

  /** Forgets a file. */
  removeFile(uri: string): void {
    this.files.delete(uri);
    this.cache.delete(uri);
    this.skippedFindings.delete(uri);
    this.epoch++;
  }

  /** The file at `uri`, if known. */
  getFile(uri: string): WorkspaceFile | undefined {
    return this.files.get(uri);
  }

  /** Every known file. */
  allFiles(): WorkspaceFile[] {
    return [...this.files.values()];
  }

  /** Replaces the topology (from xen-nfs-boot.json). */
  setTopology(topology: Topology): void {
    this.topology = topology;
    this.siteChanged();
  }

  /** The topology in force. */
  getTopology(): Topology {
    return this.topology;
  }

  /** Replaces the user's settings. */
  setSettings(settings: WorkspaceSettings): void {
    this.settings = settings;
    this.epoch++;
  }

  /** The severity level a user set for a rule: command line first, then topology, then settings. */
  ruleLevel(ruleId: string): SeverityLevel | undefined {
    return (
      this.settings.ruleOverrides?.get(ruleId) ??
      this.topology.rules.get(ruleId) ??
      this.settings.rules?.get(ruleId)
    );
  }

  /** The toolstack that reads the file at `path`. */
  toolstackOf(path: string): Toolstack {
    return toolstackFor(this.topology, path, this.settings.toolstack);
  }

  /** The analysed file at `uri` (analysed now if needed), or undefined if it is none of our formats. */
  analysedFile(uri: string): AnalysedFile | undefined {
    return this.analysis(uri)?.file;
  }

  /** The parsed Xen config at `uri`, or undefined if it is not one. */
  xenFile(uri: string): XenFile | undefined {
    const f = this.analysedFile(uri);
    return isXenFile(f) ? f : undefined;
  }

  private analysis(uri: string): Analysis | undefined {
    const f = this.files.get(uri);
    if (!f || !f.format || f.skipped) return undefined;
    const analyser = analyserOf(f.format);
    const context: FileContext = { path: f.path, toolstack: this.toolstackOf(f.path) };
    const contextKey = analyser.contextKey(context);
    const cached = this.cache.get(uri);
    if (
      cached &&
      cached.version === f.version &&
      cached.contextKey === contextKey &&
      cached.file.format === f.format
    ) {
      return cached;
    }
    const started = this.budget?.now();
    // The previous analysis of this file is replaced below: the analyser may take it over.
    const previous = cached?.contextKey === contextKey ? cached.file : undefined;
    const file = analyser.analyse(uri, f.text, context, previous);
    const findings = capPerRule(analyser.check(file));
    const took = started !== undefined && this.budget ? this.budget.now() - started : 0;
    if (this.budget && took > this.budget.ms) findings.push(slowAnalysis(uri, took, this.budget.ms));
    const analysis: Analysis = {
      uri,
      serial: nextSerial++,
      version: f.version,
      contextKey,
      file,
      findings,
      subjects: bootSubjects([file]),
    };
    this.cache.set(uri, analysis);
    return analysis;
  }

  /**
   * The files that analysed files name (includes) among `paths` (relative, `/` separators), with the
   * format the reference gives them; files already known with a format are left out.
   */
  referencedFiles(paths: readonly string[]): { path: string; format: FormatId }[] {
    const known = new Set([...this.files.values()].filter((f) => f.format).map((f) => f.path));
    const candidates = paths.filter((p) => !known.has(p));
    // Nothing left to find (a lone file, or every file already known): no file is analysed for its references.
    if (candidates.length === 0) return [];
    const found = new Map<string, FormatId>();
    for (const f of this.files.values()) {
      const analyser = f.format ? analyserOf(f.format) : undefined;
      const file = analyser?.references ? this.analysedFile(f.uri) : undefined;
      if (!analyser?.references || !file) continue;
      for (const ref of analyser.references(file)) {
        for (const p of candidates) if (ref.matches(p)) found.set(p, ref.format);
      }
    }
    return [...found].map(([path, format]) => ({ path, format }));
  }

  /** The model the cross-file checks read, over every analysed file (for navigation and the boot chain). */
  siteModel(): SiteModel {
    if (this.model?.epoch !== this.epoch)
      this.model = { epoch: this.epoch, model: this.checks.modelFor(this.checkInput()) };
    return this.model.model;
  }

  /** Every finding of the workspace, grouped by file; every known file has an entry (possibly empty). */
  check(): Map<string, Finding[]> {
    const out = new Map<string, Finding[]>();
    for (const uri of this.files.keys()) out.set(uri, []);
    for (const result of this.checkSteps()) if (result) out.set(result.uri, result.parts.flat());
    return out;
  }

  /**
   * The check as steps (`check-cache.ts`): each file's findings as soon as they are known, in parts that
   * keep their identity while unchanged; `undefined` between other units of work, where a caller may pause
   * or abandon a run that a newer change made stale. Files `first` selects get their cross-file findings
   * before the others.
   */
  *checkSteps(first?: (uri: string) => boolean): Generator<FileParts | undefined, void> {
    const files: { uri: string; checked: CheckedFile | undefined }[] = [];
    for (const f of [...this.files.values()]) {
      files.push({ uri: f.uri, checked: this.analysis(f.uri) });
      yield undefined;
    }
    yield* this.checks.run(this.checkInput(files), this.skippedParts(), first);
  }

  /**
   * A file's findings for quick fixes, computed for that file alone: its own, its share of its format's set
   * checks, and its cross-file findings computed afresh so that fixes that pick a free MAC or address see
   * the site as it is now.
   */
  findingsForActions(uri: string): Finding[] {
    const analysis = this.analysis(uri);
    const out = [...(this.skippedParts().get(uri) ?? [])];
    if (!analysis) return out;
    const input = this.checkInput();
    out.push(...analysis.findings, ...this.checks.setFindingsOf(input, analysis.file.format, uri));
    if (analysis.subjects.length > 0)
      out.push(...checkSubjectFile(this.checks.modelFor(input), analysis.subjects, this.budget));
    return out;
  }

  private checkInput(
    files: readonly { uri: string; checked: CheckedFile | undefined }[] = [...this.files.keys()].map(
      (uri) => ({
        uri,
        checked: this.analysis(uri),
      }),
    ),
  ): CheckInput {
    return {
      files,
      site: { topology: this.topology, paths: this.sitePaths, pathOf: (uri) => this.files.get(uri)?.path },
      siteEpoch: this.siteEpoch,
      budget: this.budget,
      textOf: (uri) => this.files.get(uri)?.text,
    };
  }

  private skippedParts(): Map<string, readonly Finding[]> {
    const out = new Map<string, readonly Finding[]>();
    for (const f of this.files.values()) {
      if (!f.skipped || !f.format) continue;
      let entry = this.skippedFindings.get(f.uri);
      if (entry?.file !== f) {
        entry = { file: f, findings: [skippedFinding(f)] };
        this.skippedFindings.set(f.uri, entry);
      }
      out.set(f.uri, entry.findings);
    }
    return out;
  }
}

/** How a file is added. */
export interface FileOptions {
  readonly format?: FormatId;
  readonly sizeBytes?: number;
}
