// Hover through the real extension host's hover providers.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hoverText, lineOf, openFixture, waitFor } from './helpers';

describe('hover in etc/xen/domu1', () => {
  it('shows the effective kernel command line on the key `kernel` (xl: root=/dev/nfs 4)', async () => {
    const document = await openFixture('etc/xen/domu1');
    const position = new vscode.Position(lineOf(document, /^kernel\s*=/), 2);
    let text = '';
    await waitFor(
      async () => {
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
          'vscode.executeHoverProvider',
          document.uri,
          position,
        );
        text = hoverText(hovers ?? []);
        return text.includes('Effective kernel command line') ? text : undefined;
      },
      () => `no hover with "Effective kernel command line" on kernel; hover text: ${JSON.stringify(text)}`,
    );
    assert.ok(text.includes('root=/dev/nfs 4'), `the hover does not show "root=/dev/nfs 4":\n${text}`);
  });
});
