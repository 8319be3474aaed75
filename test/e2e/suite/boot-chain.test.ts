// The boot chain view's command in the real extension host (issue 8): the CodeLens opens it, and running it
// opens the "Boot chain" webview beside the domain config. What the webview draws is checked in the ui stage
// (test/e2e/ui/boot-chain.js), which can see inside it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openFixture, waitFor, waitForDiagnostics } from './helpers';

const COMMAND = 'xenNfsBoot.showBootChain';

function bootChainTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.label === 'Boot chain');
}

describe('the boot chain view', () => {
  after(async () => {
    await vscode.window.tabGroups.close(bootChainTabs());
  });

  it('is what the boot-chain CodeLens opens', async () => {
    const document = await openFixture('etc/xen/app1.cfg');
    await waitForDiagnostics(document, ['nfs/root-not-exported']);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>(
      'vscode.executeCodeLensProvider',
      document.uri,
    );
    const commands = (lenses ?? []).map((l) => [l.command?.command, String(l.command?.arguments?.[0])]);
    assert.deepEqual(commands, [[COMMAND, document.uri.toString()]]);
  });

  it('opens the "Boot chain" webview beside the file', async () => {
    const document = await openFixture('etc/xen/app1.cfg');
    assert.ok((await vscode.commands.getCommands(true)).includes(COMMAND), `${COMMAND} is not registered`);
    await vscode.commands.executeCommand(COMMAND, document.uri);
    await waitFor(
      () => (bootChainTabs().length === 1 ? true : undefined),
      () =>
        `webview tabs: ${JSON.stringify(vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label))}`,
      30_000,
    );
  });
});
