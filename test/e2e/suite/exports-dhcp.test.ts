// /etc/exports and dhcpd.conf in the real extension host: diagnostics, hover, completion, quick fixes.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  describeDiagnostics,
  hoverText,
  lineOf,
  openFixture,
  ourDiagnostics,
  ruleId,
  waitFor,
  waitForDiagnostics,
} from './helpers';

async function quickFix(document: vscode.TextDocument, rule: string, title: string): Promise<void> {
  const diagnostic = (await waitForDiagnostics(document, [rule])).find((d) => ruleId(d) === rule);
  assert.ok(diagnostic);
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider',
    document.uri,
    diagnostic.range,
    vscode.CodeActionKind.QuickFix.value,
  );
  const action = (actions ?? []).find((a): a is vscode.CodeAction => a.title === title && 'kind' in a);
  assert.ok(
    action?.edit,
    `no quick fix "${title}"; offered: ${JSON.stringify((actions ?? []).map((a) => a.title))}`,
  );
  assert.ok(await vscode.workspace.applyEdit(action.edit));
  await waitFor(
    () => (ourDiagnostics(document.uri).some((d) => ruleId(d) === rule) ? undefined : true),
    () => `${rule} still reported:\n${describeDiagnostics(document, ourDiagnostics(document.uri))}`,
    30_000,
  );
}

async function hoverAt(document: vscode.TextDocument, line: number, character: number): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
    'vscode.executeHoverProvider',
    document.uri,
    new vscode.Position(line, character),
  );
  return hoverText(hovers ?? []);
}

async function completionLabels(document: vscode.TextDocument, position: vscode.Position): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>(
    'vscode.executeCompletionItemProvider',
    document.uri,
    position,
  );
  return (list?.items ?? []).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
}

describe('/etc/exports', () => {
  afterEach(async () => vscode.commands.executeCommand('workbench.action.files.revert'));

  it('reports the space before "(", documents options on hover and completes them', async () => {
    const document = await openFixture('etc/exports', 'nfs-exports');
    const diagnostics = await waitForDiagnostics(document, ['exports/space-before-options']);
    const space = diagnostics.find((d) => ruleId(d) === 'exports/space-before-options');
    assert.equal(space?.range.start.line, lineOf(document, /^\/export\/domu1/));
    const line = lineOf(document, /^\/export\/web1/);
    const text = document.lineAt(line).text;
    assert.match(await hoverAt(document, line, text.indexOf('no_root_squash') + 3), /root/i);
    const labels = await completionLabels(document, new vscode.Position(line, text.indexOf('(') + 1));
    assert.ok(labels.includes('no_subtree_check'), `completion: ${labels.join(', ')}`);
  });

  it('the quick fix removes the space', async () => {
    const document = await openFixture('etc/exports', 'nfs-exports');
    await quickFix(
      document,
      'exports/space-before-options',
      'Remove the space: 192.168.2.2(rw,sync,no_root_squash,no_subtree_check)',
    );
    assert.match(document.getText(), /\/export\/domu1 {3}192\.168\.2\.2\(rw,sync/);
  });
});

describe('dhcpd.conf', () => {
  afterEach(async () => vscode.commands.executeCommand('workbench.action.files.revert'));

  it('reports what dhcpd -t rejects, documents statements and completes options', async () => {
    const document = await openFixture('etc/dhcp/dhcpd.conf', 'dhcpd-conf');
    const syntax = (await waitForDiagnostics(document, ['dhcp/syntax'])).find(
      (d) => ruleId(d) === 'dhcp/syntax',
    );
    assert.equal(syntax?.range.start.line, lineOf(document, /fixed-addres /));
    assert.equal(syntax?.severity, vscode.DiagnosticSeverity.Error);
    const line = lineOf(document, /next-server/);
    assert.match(await hoverAt(document, line, 4), /next-server/);
    const routers = lineOf(document, /option routers/);
    const labels = await completionLabels(document, new vscode.Position(routers, '  option '.length));
    assert.ok(labels.includes('root-path'), `completion: ${labels.slice(0, 20).join(', ')}`);
  });

  it("the quick fix renames 'fixed-addres' to 'fixed-address'", async () => {
    const document = await openFixture('etc/dhcp/dhcpd.conf', 'dhcpd-conf');
    await quickFix(document, 'dhcp/syntax', "Rename to 'fixed-address'");
    assert.match(document.getText(), /fixed-address 192\.168\.2\.11;/);
  });
});
