// Quick fixes through the real extension host's code action providers.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  describeDiagnostics,
  ourDiagnostics,
  openFixture,
  ruleId,
  waitFor,
  waitForDiagnostics,
} from './helpers';

const TITLE = 'Replace typographic quotes with ASCII quotes';

describe('quick fix for xen/typographic-quote', () => {
  afterEach(async () => {
    // Leave the fixture as it was for whatever runs next.
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it(`"${TITLE}" turns hostname='domu1’ into hostname='domu1'`, async () => {
    const document = await openFixture('etc/xen/domu1');
    const diagnostics = await waitForDiagnostics(document, ['xen/typographic-quote']);
    const diagnostic = diagnostics.find((d) => ruleId(d) === 'xen/typographic-quote');
    assert.ok(diagnostic);
    const original = document.getText();

    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      diagnostic.range,
      vscode.CodeActionKind.QuickFix.value,
      10, // resolve up to 10 actions, in case the server fills in edits lazily (codeAction/resolve)
    );
    const titles = (actions ?? []).map((a) => a.title);
    const action = (actions ?? []).find((a): a is vscode.CodeAction => a.title === TITLE && 'kind' in a);
    assert.ok(action, `no code action titled "${TITLE}"; offered: ${JSON.stringify(titles)}`);
    assert.ok(
      action.kind && vscode.CodeActionKind.QuickFix.contains(action.kind),
      `kind: ${action.kind?.value}`,
    );
    assert.ok(action.edit, 'the quick fix has no workspace edit');
    assert.ok(await vscode.workspace.applyEdit(action.edit), 'applyEdit refused the edit');
    if (action.command) {
      await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
    }

    assert.equal(document.getText(), original.replace("hostname='domu1’", "hostname='domu1'"));
    await waitFor(
      () =>
        ourDiagnostics(document.uri).some((d) => ruleId(d) === 'xen/typographic-quote') ? undefined : true,
      () =>
        `xen/typographic-quote is still reported:\n${describeDiagnostics(document, ourDiagnostics(document.uri))}`,
      30_000,
    );
  });
});
