import * as vscode from 'vscode';
import { BootChainPanel } from './boot-chain-panel';
import type { Request } from './boot-chain-panel';
import { MachinesTree, OPEN_COMMAND } from './machines-tree';
import type * as LanguageClientModule from './language-client';
import type { XenNfsBootClient } from './language-client';
import { openLocation } from './open-location';

const SHOW_BOOT_CHAIN = 'xenNfsBoot.showBootChain';

let client: XenNfsBootClient | undefined;
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
export function activate(context: vscode.ExtensionContext): void {
  const outputChannel = vscode.window.createOutputChannel('Xen NFS Boot');
  context.subscriptions.push(outputChannel);
  let resolveClient: (c: XenNfsBootClient) => void = () => undefined;
  const ready = new Promise<XenNfsBootClient>((resolve) => (resolveClient = resolve));
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((doc) => void applyLanguage(doc)),
    vscode.commands.registerCommand('xenNfsBoot.restartServer', async () => (await ready).restart()),
  );
  registerBootChainViews(context, async (method, params) => (await ready).sendRequest(method, params));
  // The language client is loaded and the server started once activation has returned: VS Code counts
  // only what activate() does (issue 6: activation ≤ 50 ms). Requests made meanwhile wait for `ready`.
  setImmediate(() => {
    const { startLanguageClient } = loadLanguageClient();
    client = startLanguageClient(context, {
      outputChannel,
      lensCommand: SHOW_BOOT_CHAIN,
      onFileKinds: (params) => {
        for (const f of params.files) recognised.set(f.uri, f.languageId);
        for (const doc of vscode.workspace.textDocuments) void applyLanguage(doc);
      },
    });
    resolveClient(client);
  });
}

/** `dist/language-client.js` beside this bundle (or the compiled module beside this one in `out/`). */
function loadLanguageClient(): typeof LanguageClientModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded late on purpose (see activate)
  return require('./language-client.js') as typeof LanguageClientModule;
}

/**
 * The boot chain view and the Machines tree (issue 8): the command, the tree, and their refresh when
 * diagnostics change (debounced: a check publishes many files at once).
 */
function registerBootChainViews(context: vscode.ExtensionContext, request: Request): void {
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
