// Diagnostics in the real extension host: CONTRACT.md's worked example (the seed how-to's domU
// config as etc/xen/domu1, no topology file, so toolstack xl) and a malformed vif MAC.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describeDiagnostics, lineOf, openFixture, ruleId, waitForDiagnostics } from './helpers';

const XM_ONLY_KEYS = ['ip', 'netmask', 'gateway', 'hostname', 'nfs_server', 'nfs_root'];

/** Our diagnostics with rule `rule`, in document order. */
function withRule(diagnostics: vscode.Diagnostic[], rule: string): vscode.Diagnostic[] {
  return diagnostics.filter((d) => ruleId(d) === rule).sort((a, b) => a.range.start.compareTo(b.range.start));
}

/** The single diagnostic with rule `rule`, with the whole list in the message if there is not exactly one. */
function single(
  document: vscode.TextDocument,
  diagnostics: vscode.Diagnostic[],
  rule: string,
): vscode.Diagnostic {
  const found = withRule(diagnostics, rule);
  assert.equal(found.length, 1, `expected one ${rule}, have:\n${describeDiagnostics(document, diagnostics)}`);
  return found[0];
}

describe('diagnostics of etc/xen/domu1 (xl, no topology file)', () => {
  let document: vscode.TextDocument;
  let diagnostics: vscode.Diagnostic[];

  before(async () => {
    document = await openFixture('etc/xen/domu1');
    diagnostics = await waitForDiagnostics(document, [
      'xen/name-whitespace',
      'xen/typographic-quote',
      'xen/xm-only-option',
      'xen/nfs-incomplete',
    ]);
  });

  it('warns about the white space in the name string', () => {
    const d = single(document, diagnostics, 'xen/name-whitespace');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(d.range.start.line, lineOf(document, /^name\s*=/));
    assert.ok(
      ['"domu1 "', 'domu1 '].includes(document.getText(d.range)),
      `range: ${document.getText(d.range)}`,
    );
    assert.match(d.message, /\S/);
  });

  it("reports the typographic quote of hostname='domu1’ as an error", () => {
    const d = single(document, diagnostics, 'xen/typographic-quote');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(d.range.start.line, lineOf(document, /^hostname\s*=/));
    assert.equal(document.getText(d.range), "'domu1’");
    assert.match(d.message, /\S/);
  });

  it('warns about each xm-only key on its key', () => {
    const found = withRule(diagnostics, 'xen/xm-only-option');
    assert.deepEqual(
      found.map((d) => document.getText(d.range)),
      XM_ONLY_KEYS,
      `have:\n${describeDiagnostics(document, diagnostics)}`,
    );
    for (const [i, d] of found.entries()) {
      const key = XM_ONLY_KEYS[i];
      assert.equal(d.severity, vscode.DiagnosticSeverity.Warning, key);
      assert.equal(d.range.start.line, lineOf(document, new RegExp(`^${key}\\s*=`)), key);
      assert.match(d.message, new RegExp(`\\b${key}\\b`), `the message names the key ${key}`);
    }
  });

  it('reports the incomplete NFS root on the root line', () => {
    const d = single(document, diagnostics, 'xen/nfs-incomplete');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(d.range.start.line, lineOf(document, /^root\s*=/));
    assert.match(d.message, /\S/);
  });

  it('links every diagnostic to its rule page', () => {
    for (const d of diagnostics) {
      const code = d.code;
      assert.ok(typeof code === 'object' && code.target, `${ruleId(d)} has no codeDescription link`);
    }
  });

  it('keeps analysing the lines after the typographic quote', () => {
    const after = lineOf(document, /^hostname\s*=/);
    assert.ok(
      diagnostics.some((d) => d.range.start.line > after),
      `no diagnostic after line ${after + 1}:\n${describeDiagnostics(document, diagnostics)}`,
    );
  });
});

describe('diagnostics of etc/xen/web1.cfg', () => {
  it('reports the malformed MAC on the mac= key=value of the vif', async () => {
    const document = await openFixture('etc/xen/web1.cfg');
    const diagnostics = await waitForDiagnostics(document, ['xen/vif']);
    const d = single(document, diagnostics, 'xen/vif');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(d.range.start.line, lineOf(document, /^vif\s*=/));
    assert.equal(document.getText(d.range), 'mac=00:16:3e:00:00:0g');
  });
});
