import * as path from 'node:path';
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, TransportKind } from 'vscode-languageclient/node';
import type { ErrorHandler, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { BootChainPanel } from './boot-chain-panel';
import type { Request } from './boot-chain-panel';
import { LANGUAGES } from './chain-types';
import { MachinesTree, OPEN_COMMAND } from './machines-tree';
import { openLocation } from './open-location';

/** Must match server/src/lsp/protocol.ts (the client bundle does not import server code). */
const FILE_KINDS_NOTIFICATION = 'xenNfsBoot/fileKinds';

const SHOW_BOOT_CHAIN = 'xenNfsBoot.showBootChain';

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
      // The boot chain lens opens the boot chain view of its file.
      provideCodeLenses: async (document, token, next) =>
        (await next(document, token))?.map((lens) => {
          const title = lens.command?.title ?? '';
          lens.command = { title, command: SHOW_BOOT_CHAIN, arguments: [document.uri] };
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
  client = new LanguageClient('xenNfsBoot', 'Xen NFS Boot', serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((doc) => void applyLanguage(doc)),
    vscode.commands.registerCommand('xenNfsBoot.restartServer', async () => client?.restart()),
  );
  registerBootChainViews(context);
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

/**
 * The boot chain view and the Machines tree (issue 8): the command, the tree, and their refresh when
 * diagnostics change (debounced: a check publishes many files at once).
 */
function registerBootChainViews(context: vscode.ExtensionContext): void {
  const request: Request = async (method, params) => {
    if (!client) throw new Error('the language server is not running');
    return client.sendRequest(method, params);
  };
  const tree = new MachinesTree(request);
  let timer: NodeJS.Timeout | undefined;
  // Only our diagnostics matter: files that have (or had) diagnostics from our server.
  const ours = new Set<string>();
  const refresh = (e: vscode.DiagnosticChangeEvent): void => {
    let relevant = false;
    for (const uri of e.uris) {
      const key = uri.toString();
      const has = vscode.languages.getDiagnostics(uri).some((d) => d.source === 'xen-nfs-boot');
      if (has || ours.has(key)) relevant = true;
      if (has) ours.add(key);
      else ours.delete(key);
    }
    if (!relevant) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      tree.refresh();
      void BootChainPanel.refresh();
    }, 300);
  };
  context.subscriptions.push(
    vscode.window.registerTreeDataProvider('xenNfsBoot.machines', tree),
    vscode.commands.registerCommand(SHOW_BOOT_CHAIN, (uri?: vscode.Uri) =>
      BootChainPanel.show(request, uri instanceof vscode.Uri ? uri : undefined),
    ),
    vscode.commands.registerCommand(OPEN_COMMAND, (uri: string, range: Parameters<typeof openLocation>[1]) =>
      openLocation(uri, range),
    ),
    vscode.commands.registerCommand('xenNfsBoot.refreshMachines', () => tree.refresh()),
    vscode.languages.onDidChangeDiagnostics(refresh),
    { dispose: () => timer && clearTimeout(timer) },
  );
  void vscode.commands.executeCommand('setContext', 'xenNfsBoot.active', true);
}

/** Stops the language server. */
export async function deactivate(): Promise<void> {
  await client?.stop();
}
