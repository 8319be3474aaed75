import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const REPO = path.join(__dirname, '../../../..');

interface Manifest {
  capabilities: {
    untrustedWorkspaces: { supported: boolean | string; restrictedConfigurations?: string[] };
  };
  contributes: {
    configuration: { properties: Record<string, { description?: string; markdownDescription?: string }> };
    commands: { command: string }[];
  };
}

const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as Manifest;

describe('Restricted Mode (untrusted workspaces, docs/security.md)', () => {
  it('is supported: the extension only reads', () => {
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
  });

  it('ignores a workspace value of the file-size limit there (an untrusted folder cannot make it read more)', () => {
    assert.deepEqual(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations, [
      'xenNfsBoot.maxFileSizeMB',
    ]);
  });

  it('has no setting that could name a program to run, unless restricted', () => {
    const restricted = new Set(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations ?? []);
    const risky = Object.entries(manifest.contributes.configuration.properties)
      .filter(([key, p]) =>
        /path|command|executable|program|binary|\brun\b|exec|script|shell/i.test(
          `${key} ${p.description ?? ''} ${p.markdownDescription ?? ''}`,
        ),
      )
      .map(([key]) => key)
      .filter((key) => !restricted.has(key));
    assert.deepEqual(risky, []);
  });

  it("starts only the extension's own bundled server module, over IPC (no program from settings)", () => {
    // The language client lives in its own bundle, loaded after activation (client/src/language-client.ts).
    const client = fs.readFileSync(path.join(REPO, 'client/src/language-client.ts'), 'utf8');
    assert.match(client, /const module = context\.asAbsolutePath\(path\.join\('dist', 'server\.js'\)\);/);
    assert.doesNotMatch(client, /TransportKind\.(?:stdio|pipe|socket)/);
  });
});
