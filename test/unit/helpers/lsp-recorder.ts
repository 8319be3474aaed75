import * as fs from 'node:fs';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import {
  createConnection,
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node';
import type { MessageConnection, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { startServer } from '../../../server/src/lsp/server';
import type { ServerOptions } from '../../../server/src/lsp/server';

/** What a test client saw, in arrival order. */
export interface LspEvent {
  readonly kind: 'diagnostics' | 'checked' | 'response';
  readonly uri?: string;
  readonly count?: number;
}

/** A real JSON-RPC connection pair: the server under test on one end, a recording client on the other. */
export interface LspPair {
  readonly client: MessageConnection;
  readonly events: LspEvent[];
  readonly diagnostics: Map<string, PublishDiagnosticsParams['diagnostics']>;
  /** Resolves once `what` holds (checked every 5 ms), rejects after `ms`. */
  until(what: () => boolean, ms?: number): Promise<void>;
  /** Sends initialize/initialized for `root` and waits for the first `xenNfsBoot/checked`. */
  start(root: string): Promise<void>;
}

export function lspPair(options: ServerOptions = { debounceMs: 10 }): LspPair {
  const up = new PassThrough();
  const down = new PassThrough();
  startServer(createConnection(new StreamMessageReader(up), new StreamMessageWriter(down)), options);
  const client = createMessageConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
  const events: LspEvent[] = [];
  const diagnostics = new Map<string, PublishDiagnosticsParams['diagnostics']>();
  client.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    diagnostics.set(p.uri, p.diagnostics);
    events.push({ kind: 'diagnostics', uri: p.uri, count: p.diagnostics.length });
  });
  client.onNotification('xenNfsBoot/checked', () => events.push({ kind: 'checked' }));
  client.listen();
  const until = async (what: () => boolean, ms = 10000): Promise<void> => {
    const t0 = Date.now();
    while (!what()) {
      if (Date.now() - t0 > ms) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  const start = async (root: string): Promise<void> => {
    const rootUri = pathToFileURL(root).href;
    await client.sendRequest('initialize', {
      processId: null,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'site' }],
      capabilities: {},
    });
    await client.sendNotification('initialized', {});
    await until(() => events.some((e) => e.kind === 'checked'));
  };
  return { client, events, diagnostics, until, start };
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
