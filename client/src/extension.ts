import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';

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
  const clientOptions: LanguageClientOptions = {
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
