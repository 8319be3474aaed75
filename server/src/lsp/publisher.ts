import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../core/finding';
import { toDiagnostics } from '../features/diagnostics';
import type { LineIndexCache } from '../features/diagnostics';
import { sameParts } from '../workspace/check-cache';
import type { FileParts, FindingParts } from '../workspace/check-cache';
import type { Workspace } from '../workspace/workspace';
import { CHECKED_NOTIFICATION } from './protocol';
import type { ServerOptions } from './server';

/** A check in progress: its steps, the files it has published, when it started. */
interface Run {
  readonly steps: Generator<FileParts | undefined, void>;
  readonly seen: Set<string>;
  readonly started: number;
}

/**
 * Checking and publishing. Checking runs in slices (`sliceMs`), so that hover, completion and the other
 * requests are answered between them; a change abandons the run (what it computed stays cached) and a new
 * one starts after the debounce. Each file is published as soon as its findings are known, and only when
 * they changed. A failing check must not take the server down: it is logged, and the next change tries
 * again.
 */
export class Publisher {
  /** Set when severities may have changed (settings, topology): every file is republished once. */
  republishAll = true;
  /** What was last published per file: republished only when a part changed (check-cache.ts). */
  private readonly published = new Map<string, FindingParts>();
  private readonly publishedVersions = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private run: Run | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly workspace: Workspace,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly lines: LineIndexCache,
    private readonly options: ServerOptions,
  ) {}

  /** The findings last published, per file. */
  publishedFindings(): Map<string, Finding[]> {
    return new Map([...this.published].map(([uri, parts]) => [uri, parts.flat()]));
  }

  /** Starts a check now (abandoning the one in progress). */
  startRun(): void {
    this.timer = undefined;
    this.run?.steps.return();
    const run: Run = {
      steps: this.workspace.checkSteps((uri) => this.documents.get(uri) !== undefined),
      seen: new Set(),
      started: Date.now(),
    };
    this.run = run;
    this.pump(run);
  }

  /** Abandons the check in progress and starts one after the debounce. */
  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.run?.steps.return();
    this.run = undefined;
    this.timer = setTimeout(() => this.startRun(), this.options.debounceMs ?? 150);
  }

  private pump(current: Run): void {
    if (this.run !== current) return;
    const deadline = Date.now() + (this.options.sliceMs ?? 20);
    try {
      for (;;) {
        const step = current.steps.next();
        if (step.done) return this.finishRun(current);
        const sent = step.value && this.publishFile(step.value, current)?.catch(ignoreFailedWrite);
        if (sent && step.value && this.documents.get(step.value.uri)) {
          // An open document's diagnostics go out before the check goes on: the check waits until the
          // connection has written them (it writes a few turns of the event loop later, and a slice run in
          // one of those turns delayed them by its length), then a millisecond more, for a client in this
          // process (the tests, the benchmark) to read them and for requests already received to run.
          void sent.then(() => setTimeout(() => this.pump(current), 1));
          return;
        }
        if (Date.now() > deadline) {
          setImmediate(() => this.pump(current));
          return;
        }
      }
    } catch (e) {
      this.run = undefined;
      this.connection.console.error(`xen-nfs-boot: checking failed: ${(e as Error).stack ?? String(e)}`);
    }
  }

  /**
   * Publishes a file's findings if they (or its version) changed; returns, if it did, the promise that the
   * connection has written them.
   */
  private publishFile({ uri, parts }: FileParts, current: Run): Promise<void> | undefined {
    current.seen.add(uri);
    const f = this.workspace.getFile(uri);
    if (!f?.format) {
      if (!this.published.delete(uri)) return undefined;
      return this.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
    // An open document gets its diagnostics with each new version, changed or not (LSP 3.15 `version`), so
    // the editor knows they are current; other files only when they changed.
    const version = this.documents.get(uri)?.version;
    const seenVersion = version === undefined || this.publishedVersions.get(uri) === version;
    if (!this.republishAll && seenVersion && sameParts(this.published.get(uri), parts)) return undefined;
    const diagnostics = toDiagnostics(
      this.workspace,
      parts.flat(),
      this.lines,
      this.options.docsBase,
    ) as Diagnostic[];
    const sent = this.connection.sendDiagnostics({ uri, version, diagnostics });
    this.published.set(uri, parts);
    if (version === undefined) this.publishedVersions.delete(uri);
    else this.publishedVersions.set(uri, version);
    return sent;
  }

  private finishRun(current: Run): void {
    this.run = undefined;
    for (const uri of [...this.published.keys()]) {
      if (current.seen.has(uri)) continue;
      this.published.delete(uri);
      this.connection.sendDiagnostics({ uri, diagnostics: [] }).catch(ignoreFailedWrite);
    }
    this.republishAll = false;
    const checked = { ms: Date.now() - current.started };
    this.connection.sendNotification(CHECKED_NOTIFICATION, checked).catch(ignoreFailedWrite);
  }
}

/** A failed write is the connection's to report (it logs and closes); it must not become an unhandled rejection. */
function ignoreFailedWrite(): void {}
