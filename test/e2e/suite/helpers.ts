// What the extension tests share: the fixture files, waiting for the language server, and
// reading diagnostics, hovers and code actions through the public `vscode` API.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

/** The extension's identifier: publisher.name from package.json. */
export const EXTENSION_ID = 'xen-nfs-boot.xen-nfs-boot';
/** Every diagnostic of ours carries this source. */
export const SOURCE = 'xen-nfs-boot';
/** Language id of Xen domain configs. */
export const XEN_CONFIG = 'xen-config';
/** How long the language server may take to answer after a document opens. */
export const SERVER_TIMEOUT_MS = 60_000;
/** How long until an opened fixture has our language id (it may come from the server, by content). */
const LANGUAGE_TIMEOUT_MS = 30_000;

/** URI of a file of the fixture workspace (test/e2e/workspace), e.g. `etc/xen/domu1`. */
export function fixtureUri(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(
    folder,
    'the fixture workspace is not open: start the tests with test/e2e/workspace as the folder',
  );
  return vscode.Uri.joinPath(folder.uri, ...relativePath.split('/'));
}

/** Polls `probe` until it returns a value other than undefined; fails with `describe()` after `timeoutMs`. */
export async function waitFor<T>(
  probe: () => T | undefined | Promise<T | undefined>,
  describe: () => string,
  timeoutMs = SERVER_TIMEOUT_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) assert.fail(`timed out after ${timeoutMs / 1000} s: ${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Activates the extension and opens a fixture file in an editor; resolves once it has the language id. */
export async function openFixture(
  relativePath: string,
  languageId = XEN_CONFIG,
): Promise<vscode.TextDocument> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
  await extension.activate();
  const uri = fixtureUri(relativePath);
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  // The server may recognise the file by content and change its language after it opened.
  const current = () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  return waitFor(
    () => (current()?.languageId === languageId ? current() : undefined),
    () => `${relativePath} has language "${current()?.languageId}", not "${languageId}"`,
    LANGUAGE_TIMEOUT_MS,
  );
}

/** The rule ID of a diagnostic: `code` is a string, or `{ value, target }` when it links to the rule's page. */
export function ruleId(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** Our diagnostics of `uri` (source xen-nfs-boot). */
export function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

/** One line per diagnostic, for failure messages. */
export function describeDiagnostics(document: vscode.TextDocument, diagnostics: vscode.Diagnostic[]): string {
  if (diagnostics.length === 0) return '(no diagnostics)';
  return diagnostics
    .map((d) => {
      const { start } = d.range;
      const severity = vscode.DiagnosticSeverity[d.severity];
      return `  ${start.line + 1}:${start.character + 1} ${severity} ${ruleId(d)} on ${JSON.stringify(document.getText(d.range))}: ${d.message}`;
    })
    .join('\n');
}

/** Waits until `uri` has at least one of our diagnostics with each of the rule IDs in `rules`. */
export async function waitForDiagnostics(
  document: vscode.TextDocument,
  rules: readonly string[],
): Promise<vscode.Diagnostic[]> {
  return waitFor(
    () => {
      const diagnostics = ourDiagnostics(document.uri);
      const present = new Set(diagnostics.map(ruleId));
      return rules.every((rule) => present.has(rule)) ? diagnostics : undefined;
    },
    () =>
      `expected diagnostics ${rules.join(', ')} on ${document.uri.path}; have:\n` +
      describeDiagnostics(document, ourDiagnostics(document.uri)),
  );
}

/** 0-based number of the first line of `document` matching `pattern`. */
export function lineOf(document: vscode.TextDocument, pattern: RegExp): number {
  for (let line = 0; line < document.lineCount; line++) {
    if (pattern.test(document.lineAt(line).text)) return line;
  }
  return assert.fail(`${document.uri.path} has no line matching ${pattern}`);
}

/** The plain text of hovers (markdown sources), joined. */
export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}
