import * as path from 'node:path';
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, TransportKind } from 'vscode-languageclient/node';
import type { ErrorHandler, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';

/** Must match server/src/lsp/protocol.ts (the client bundle does not import server code). */
const FILE_KINDS_NOTIFICATION = 'xenNfsBoot/fileKinds';

/** The language ids the server handles (package.json `contributes.languages`). */
const LANGUAGES = ['xen-config', 'nfs-exports', 'dhcpd-conf', 'grub-legacy', 'grub2', 'pxelinux', 'kconfig'];

let client: LanguageClient | undefined;
const recognised = new Map<string, string>();

/**
 * Gives a document the language the server recognised for it (by place or content), unless the user's
 * `files.associations` already decided, or it already has a non-plaintext language.
 */
async function applyLanguage(doc: vscode.TextDocument): Promise<void> {
  const languageId = recognised.get(doc.uri.toString());
  if (!languageId || doc.languageId === languageId || doc.languageId !== 'plaintext') return;
  await vscode.languages.setTextDocumentLanguage(doc, languageId);
}

/** Starts the language server (lazily: VS Code activates us only for our files or a topology file). */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  // The crash policy, explicit (docs/security.md): every crash is logged in the output channel; a server that
  // dies is restarted, unless it died 5 times within 3 minutes (then "Restart the language server" does it).
  const outputChannel = vscode.window.createOutputChannel('Xen NFS Boot');
  context.subscriptions.push(outputChannel);
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
  client = new LanguageClient('xenNfsBoot', 'Xen NFS Boot', serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((doc) => void applyLanguage(doc)),
    vscode.commands.registerCommand('xenNfsBoot.restartServer', async () => client?.restart()),
  );
  await client.start();
  context.subscriptions.push(
    client.onNotification(
      FILE_KINDS_NOTIFICATION,
      (params: { files: { uri: string; languageId: string }[] }) => {
        for (const f of params.files) recognised.set(f.uri, f.languageId);
        for (const doc of vscode.workspace.textDocuments) void applyLanguage(doc);
      },
    ),
  );
}

/** Stops the language server. */
export async function deactivate(): Promise<void> {
  await client?.stop();
}
