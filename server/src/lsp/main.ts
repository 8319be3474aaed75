import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

/** The server's entry point: stdio (`--stdio`), IPC or a socket, as vscode-languageserver reads argv. */
export function main(): void {
  const connection = createConnection(ProposedFeatures.all);
  const docsBase = pathToFileURL(path.resolve(__dirname, '..', 'docs', 'rules')).href + '/';
  startServer(connection, { docsBase });
}
