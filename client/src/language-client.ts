import * as path from 'node:path';
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, TransportKind } from 'vscode-languageclient/node';
import type { ErrorHandler, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { LANGUAGES } from './chain-types';

/**
 * The language client, in its own bundle (`dist/language-client.js`): vscode-languageclient is most of the
 * client's code, and extension.ts loads it only after activation has returned (issue 6: activation ≤ 50 ms).
 */

/** What the extension needs of the client: requests, notifications, restart and stop. */
export type XenNfsBootClient = LanguageClient;

/** The notification handlers the extension registers before the server starts. */
export interface ClientHooks {
  readonly outputChannel: vscode.OutputChannel;
  /** The command a boot chain CodeLens runs (with the document's URI). */
  readonly lensCommand: string;
  readonly onFileKinds: (params: { files: { uri: string; languageId: string }[] }) => void;
}

/** Creates the client and starts the server (`dist/server.js` over IPC); a failed start is logged. */
export function startLanguageClient(context: vscode.ExtensionContext, hooks: ClientHooks): XenNfsBootClient {
  const { outputChannel } = hooks;
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  // The crash policy, explicit (docs/security.md): every crash is logged in the output channel; a server that
  // dies is restarted, unless it died 5 times within 3 minutes (then "Restart the language server" does it).
  const crashes: number[] = [];
  const errorHandler: ErrorHandler = {
    error: (error, _message, count) => {
      outputChannel.appendLine(
        `[xen-nfs-boot] connection error ${count ?? 1}: ${error.stack ?? error.message}`,
      );
      return { action: (count ?? 1) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true };
    },
    closed: () => {
      const now = Date.now();
      crashes.push(now);
      while (now - crashes[0] > 3 * 60_000) crashes.shift();
      const restart = crashes.length <= 4;
      const message = `the language server stopped unexpectedly (${crashes.length} time(s) in 3 minutes): ${restart ? 'restarting it' : 'not restarting it again; use "Xen NFS Boot: Restart the language server"'}`;
      outputChannel.appendLine(`[xen-nfs-boot] ${message}`);
      return restart
        ? { action: CloseAction.Restart, handled: true }
        : { action: CloseAction.DoNotRestart, message: `Xen NFS Boot: ${message}` };
    },
  };
  const clientOptions: LanguageClientOptions = {
    outputChannel,
    errorHandler,
    // A fix computed for a text changed meanwhile is not offered: vscode-languageclient drops the versions of
    // a code action's documentChanges when it converts them, so the check is repeated here (docs/security.md).
    middleware: {
      provideCodeActions: async (document, range, context, token, next) => {
        const version = document.version;
        const actions = await next(document, range, context, token);
        return document.version === version ? actions : [];
      },
      // The boot chain lens opens the boot chain view of its file.
      provideCodeLenses: async (document, token, next) =>
        (await next(document, token))?.map((lens) => {
          const title = lens.command?.title ?? '';
          lens.command = { title, command: hooks.lensCommand, arguments: [document.uri] };
          return lens;
        }),
    },
    documentSelector: LANGUAGES.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    synchronize: {
      configurationSection: 'xenNfsBoot',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*'),
    },
  };
  const client = new LanguageClient('xenNfsBoot', 'Xen NFS Boot', serverOptions, clientOptions);
  context.subscriptions.push(client.onNotification(FILE_KINDS_NOTIFICATION, hooks.onFileKinds));
  client.start().catch((e: unknown) => {
    outputChannel.appendLine(`[xen-nfs-boot] the language server did not start: ${String(e)}`);
  });
  return client;
}

/** Must match server/src/lsp/protocol.ts (the client bundle does not import server code). */
const FILE_KINDS_NOTIFICATION = 'xenNfsBoot/fileKinds';
