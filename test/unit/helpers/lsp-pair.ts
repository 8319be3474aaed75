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

/** What a minimal client saw from the server under test. */
export interface LspPair {
  readonly client: MessageConnection;
  readonly diagnostics: Map<string, Diagnostic[]>;
  /** Every `xenNfsBoot/fileKinds` notification, in order. */
  readonly kinds: { files: { uri: string; languageId: string }[] }[];
  /** Every `window/logMessage` text (the output channel), in order. */
  readonly log: string[];
}

/** A real JSON-RPC connection pair: the server under test on one end, a minimal client on the other. */
export function connectPair(): LspPair {
  const up = new PassThrough();
  const down = new PassThrough();
  const server = createConnection(new StreamMessageReader(up), new StreamMessageWriter(down));
  startServer(server, { debounceMs: 10 });
  const client = createMessageConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
  const pair: LspPair = { client, diagnostics: new Map(), kinds: [], log: [] };
  client.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) =>
    pair.diagnostics.set(p.uri, p.diagnostics),
  );
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
