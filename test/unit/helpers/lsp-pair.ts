import * as fs from 'node:fs';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import {
  createConnection,
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node';
import type {
  Diagnostic,
  LogMessageParams,
  MessageConnection,
  PublishDiagnosticsParams,
} from 'vscode-languageserver/node';
import { startServer } from '../../../server/src/lsp/server';
import type { ServerOptions } from '../../../server/src/lsp/server';

/** What a test client saw, in arrival order. */
export interface LspEvent {
  readonly kind: 'diagnostics' | 'checked' | 'response';
  readonly uri?: string;
}

/** What a minimal client saw from the server under test. */
export interface LspPair {
  readonly client: MessageConnection;
  readonly diagnostics: Map<string, Diagnostic[]>;
  /** The document version of each file's last diagnostics (undefined for a file not open). */
  readonly versions: Map<string, number | undefined>;
  /** Every `xenNfsBoot/fileKinds` notification, in order. */
  readonly kinds: { files: { uri: string; languageId: string }[] }[];
  /** Every `window/logMessage` text (the output channel), in order. */
  readonly log: string[];
  /** Diagnostics and `xenNfsBoot/checked` notifications (and what a test adds), in arrival order. */
  readonly events: LspEvent[];
}

/** A real JSON-RPC connection pair: the server under test on one end, a minimal client on the other. */
export function connectPair(options: ServerOptions = { debounceMs: 10 }): LspPair {
  const up = new PassThrough();
  const down = new PassThrough();
  const server = createConnection(new StreamMessageReader(up), new StreamMessageWriter(down));
  startServer(server, options);
  const client = createMessageConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
  const pair: LspPair = {
    client,
    diagnostics: new Map(),
    versions: new Map(),
    kinds: [],
    log: [],
    events: [],
  };
  client.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    pair.diagnostics.set(p.uri, p.diagnostics);
    pair.versions.set(p.uri, p.version);
    pair.events.push({ kind: 'diagnostics', uri: p.uri });
  });
  client.onNotification('xenNfsBoot/checked', () => pair.events.push({ kind: 'checked' }));
  client.onNotification('xenNfsBoot/fileKinds', (p: LspPair['kinds'][number]) => pair.kinds.push(p));
  client.onNotification('window/logMessage', (p: LogMessageParams) => pair.log.push(p.message));
  client.listen();
  return pair;
}

/** Initializes the server on one workspace folder (no client capabilities) and sends `initialized`. */
export async function initializePair(pair: LspPair, rootUri: string): Promise<void> {
  await pair.client.sendRequest('initialize', {
    processId: null,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'site' }],
    capabilities: {},
  });
  await pair.client.sendNotification('initialized', {});
}

/** Polls `what` until it gives a value, or fails after `ms`. */
export async function until<T>(what: () => T | undefined, ms = 5000): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = what();
    if (v !== undefined) return v;
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Polls `condition` until it holds, or fails after `ms`. */
export async function waitFor(condition: () => boolean, ms = 10000): Promise<void> {
  await until(() => (condition() ? true : undefined), ms);
}

/** Writes a site given as one string of `=== path` sections into `dir`. */
export function writeSite(dir: string, spec: string): void {
  const parts = spec.split(/^=== (.+)\n/m).slice(1);
  for (let i = 0; i < parts.length; i += 2) {
    const file = path.join(dir, ...parts[i].trim().split('/'));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, parts[i + 1]);
  }
}
