import * as fs from 'node:fs';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import {
  createConnection,
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { startServer } from '../server/src/lsp/server';
import { MB, log, median, peakRssMiB, quantile, resetPeakRss, round } from './measure';
import type { Options } from './measure';

/** Edit-to-diagnostics latency through the real language server over a JSON-RPC connection pair. */
export interface Latency {
  file: string;
  edits: number;
  /** until publishDiagnostics for the edited file */
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** until the server says the run is over (`xenNfsBoot/checked`): every changed file republished */
  batchP50Ms: number;
  batchP95Ms: number;
  openMs: number;
}

export interface LspResult {
  initialMs: number;
  latencies: Latency[];
  peakRssMiB: number;
  sampledPeakRssMiB: number;
}

class Client {
  private readonly counts = new Map<string, number>();
  total = 0;
  /** `xenNfsBoot/checked` notifications: one per finished run of the checks. */
  checked = 0;
  private waiters: (() => void)[] = [];
  readonly connection;

  constructor(debounceMs: number) {
    const up = new PassThrough();
    const down = new PassThrough();
    startServer(createConnection(new StreamMessageReader(up), new StreamMessageWriter(down)), { debounceMs });
    this.connection = createMessageConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.counts.set(p.uri, (this.counts.get(p.uri) ?? 0) + 1);
      this.total++;
      this.wake();
    });
    this.connection.onNotification('xenNfsBoot/checked', () => {
      this.checked++;
      this.wake();
    });
    this.connection.listen();
  }

  private wake(): void {
    const ws = this.waiters;
    this.waiters = [];
    for (const w of ws) w();
  }

  count(uri: string): number {
    return this.counts.get(uri) ?? 0;
  }

  distinct(): number {
    return this.counts.size;
  }

  /** Resolves when `cond` holds, checked at every publishDiagnostics (no polling delay). */
  until(cond: () => boolean, timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timed out waiting for diagnostics')), timeoutMs);
      const check = (): void => {
        if (cond()) {
          clearTimeout(timer);
          resolve();
        } else this.waiters.push(check);
      };
      check();
    });
  }
}

/** Line and character (UTF-16) of an offset. */
function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, character: offset - start };
}

/** An edit: the `n`th replaces what `pattern` (one group) matches after `anchor` with `value(n)`. */
export interface EditSpec {
  file: string;
  label: string;
  languageId: string;
  anchor: string;
  pattern: RegExp;
  value: (n: number) => string;
}

async function editSeries(client: Client, spec: EditSpec, o: Options): Promise<Latency> {
  const uri = pathToFileURL(spec.file).href;
  let text = fs.readFileSync(spec.file, 'utf8');
  const conn = client.connection;
  let before = client.count(uri);
  let runs = client.checked;
  const t0 = performance.now();
  await conn.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: spec.languageId, version: 1, text },
  });
  await client.until(() => client.checked > runs, 3_600_000);
  const openMs = performance.now() - t0;
  const toFile: number[] = [];
  const toBatch: number[] = [];
  const started = performance.now();
  for (let n = 0; n < o.edits; n++) {
    if (n > 0 && performance.now() - started > o.budgetMs) break;
    const at = text.indexOf(spec.anchor);
    const m = spec.pattern.exec(text.slice(at));
    if (at < 0 || !m || m.index === undefined) throw new Error(`no edit site in ${spec.file}`);
    const start = at + m.index + m[0].indexOf(m[1]);
    const end = start + m[1].length;
    const value = spec.value(n);
    const range = { start: positionAt(text, start), end: positionAt(text, end) };
    text = text.slice(0, start) + value + text.slice(end);
    before = client.count(uri);
    runs = client.checked;
    const e0 = performance.now();
    let fileAt = 0;
    await conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: n + 2 },
      contentChanges: [{ range, text: value }],
    });
    await client.until(() => {
      if (!fileAt && client.count(uri) > before) fileAt = performance.now();
      return fileAt > 0 && client.checked > runs;
    }, 3_600_000);
    toFile.push(fileAt - e0);
    toBatch.push(performance.now() - e0);
  }
  await conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  return {
    file: spec.label,
    edits: toFile.length,
    p50Ms: round(median(toFile)),
    p95Ms: round(quantile(toFile, 0.95)),
    maxMs: round(Math.max(...toFile)),
    batchP50Ms: round(median(toBatch)),
    batchP95Ms: round(quantile(toBatch, 0.95)),
    openMs: round(openMs),
  };
}

export async function lspLatency(
  root: string,
  formatted: number,
  specs: EditSpec[],
  o: Options,
): Promise<LspResult> {
  resetPeakRss();
  let sampled = 0;
  const sampler = setInterval(() => (sampled = Math.max(sampled, process.memoryUsage().rss / MB)), 50);
  const client = new Client(0);
  const rootUri = pathToFileURL(root).href;
  const t0 = performance.now();
  await client.connection.sendRequest('initialize', {
    processId: null,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'bench' }],
    capabilities: {},
  });
  await client.connection.sendNotification('initialized', {});
  await client.until(() => client.checked > 0 && client.distinct() >= formatted, 3_600_000);
  const initialMs = performance.now() - t0;
  log(`server indexed and checked the site in ${round(initialMs / 1000)} s`);
  const latencies: Latency[] = [];
  for (const spec of specs) {
    latencies.push(await editSeries(client, spec, o));
    log(`edits in ${spec.label}: ${JSON.stringify(latencies[latencies.length - 1])}`);
  }
  clearInterval(sampler);
  await client.connection.sendRequest('shutdown');
  client.connection.dispose();
  return {
    initialMs: round(initialMs),
    latencies,
    peakRssMiB: round(peakRssMiB()),
    sampledPeakRssMiB: round(sampled),
  };
}
