// Boot loaders, kernel configs and the checks across files in the real extension host: a GRUB legacy and a
// .config diagnostic (issue 4), navigation and the boot-chain CodeLens, and a quick fix that edits ANOTHER
// file, etc/exports, after which the diagnostic on the domain config disappears (issue 5).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  describeDiagnostics,
  fixtureUri,
  lineOf,
  openFixture,
  ourDiagnostics,
  ruleId,
  waitFor,
  waitForDiagnostics,
} from './helpers';

/** The single diagnostic with rule `rule` of `document`. */
async function single(document: vscode.TextDocument, rule: string): Promise<vscode.Diagnostic> {
  const diagnostics = await waitForDiagnostics(document, [rule]);
  const found = diagnostics.filter((d) => ruleId(d) === rule);
  assert.equal(found.length, 1, `expected one ${rule}, have:\n${describeDiagnostics(document, diagnostics)}`);
  return found[0];
}

/** The boot-chain CodeLens titles of a document. */
async function lensTitles(uri: vscode.Uri): Promise<string[]> {
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>(
    'vscode.executeCodeLensProvider',
    uri,
  );
  return (lenses ?? []).map((l) => l.command?.title ?? '');
}

describe('boot loader and kernel config diagnostics', () => {
  it('warns that the GRUB legacy default entry does not exist, on its number', async () => {
    const document = await openFixture('boot/grub/menu.lst', 'grub-legacy');
    const d = await single(document, 'grub/default-out-of-range');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(d.range.start.line, lineOf(document, /^default/));
    assert.equal(document.getText(d.range), '2');
  });

  it('reports the invalid value in the kernel .config as an error, on the value', async () => {
    const document = await openFixture('boot/config-6.1', 'kconfig');
    const d = await single(document, 'kconfig/invalid-value');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(d.range.start.line, lineOf(document, /^CONFIG_LOG_BUF_SHIFT=/));
    assert.equal(document.getText(d.range), '17k');
  });
});

describe('across files: navigation, boot chain and a quick fix that edits etc/exports', () => {
  const exportsUri = (): vscode.Uri => fixtureUri('etc/exports');

  after(async () => {
    // Leave etc/exports as it was on disk for whatever runs next.
    const exportsDoc = vscode.workspace.textDocuments.find(
      (d) => d.uri.toString() === exportsUri().toString(),
    );
    if (exportsDoc?.isDirty) {
      await vscode.window.showTextDocument(exportsDoc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  it('goes from kernel to its .config', async () => {
    const document = await openFixture('etc/xen/app1.cfg');
    const line = lineOf(document, /^kernel/);
    const targets = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider',
      document.uri,
      new vscode.Position(line, document.lineAt(line).text.indexOf('/boot') + 2),
    );
    const uris = (targets ?? []).map((t) => ('uri' in t ? t.uri : t.targetUri).toString());
    assert.deepEqual(uris, [fixtureUri('boot/config-6.1').toString()]);
  });

  it('"Add an export …" on nfs/root-not-exported edits etc/exports, and the diagnostic disappears', async () => {
    const document = await openFixture('etc/xen/app1.cfg');
    const diagnostic = await single(document, 'nfs/root-not-exported');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(document.getText(diagnostic.range), 'nfsroot=192.168.2.1:/export/app1');
    assert.match(
      (await lensTitles(document.uri)).join('\n'),
      /root 192\.168\.2\.1:\/export\/app1 \(no export serves it\)/,
    );

    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      diagnostic.range,
      vscode.CodeActionKind.QuickFix.value,
      10,
    );
    const titles = (actions ?? []).map((a) => a.title);
    const action = (actions ?? []).find(
      (a): a is vscode.CodeAction => a.title.startsWith('Add an export of /export/app1') && 'kind' in a,
    );
    assert.ok(
      action?.edit,
      `no "Add an export of /export/app1 …" with an edit; offered: ${JSON.stringify(titles)}`,
    );
    const touched = action.edit.entries().map(([uri]) => uri.toString());
    assert.deepEqual(touched, [exportsUri().toString()], 'the fix edits etc/exports and nothing else');
    const before = document.getText();
    assert.ok(await vscode.workspace.applyEdit(action.edit), 'applyEdit refused the edit');

    const exportsDoc = await vscode.workspace.openTextDocument(exportsUri());
    assert.match(
      exportsDoc.getText(),
      /\n\/export\/app1 192\.168\.2\.12\(rw,sync,no_root_squash,no_subtree_check\)\n$/,
    );
    assert.equal(document.getText(), before, 'the domain config is unchanged');
    await waitFor(
      () =>
        ourDiagnostics(document.uri).some((d) => ruleId(d) === 'nfs/root-not-exported') ? undefined : true,
      () =>
        `nfs/root-not-exported is still reported:\n${describeDiagnostics(document, ourDiagnostics(document.uri))}`,
      30_000,
    );
    assert.match((await lensTitles(document.uri)).join('\n'), /\(exports line 4: rw, no_root_squash\)/);
  });
});
