#!/usr/bin/env node
// The extension test suite of test/e2e/suite in a desktop VS Code, through @vscode/test-electron.
// For developers whose machine can download VS Code (CI here cannot: it runs test/e2e/run.js,
// which loads the very same suite in code-server). Run `npm run build` first.
// Usage: node test/e2e/run-test-electron.js [--vscode-version stable|insiders|1.x.y]
//        (or VSCODE_VERSION=...); the first run downloads VS Code into .cache/vscode-test/.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const repo = path.resolve(__dirname, '..', '..');
const extensionTestsPath = path.join(repo, 'out', 'test', 'e2e', 'suite', 'index.js');

function versionArgument(argv) {
  const at = argv.indexOf('--vscode-version');
  if (at !== -1 && argv[at + 1]) return argv[at + 1];
  return process.env.VSCODE_VERSION || 'stable';
}

function report(resultsFile) {
  if (!fs.existsSync(resultsFile)) return { passed: 0, failed: 1, note: 'the suite wrote no results' };
  const { tests, error } = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  const failed = tests.filter((test) => test.state !== 'passed');
  for (const test of failed) console.log(`e2e: FAIL ${test.title}\n${test.error ?? ''}`);
  return { passed: tests.length - failed.length, failed: failed.length + (error ? 1 : 0), note: error };
}

async function main() {
  let runTests;
  try {
    ({ runTests } = require('@vscode/test-electron'));
  } catch {
    throw new Error('@vscode/test-electron is not installed: run `npm ci`');
  }
  for (const file of [extensionTestsPath, path.join(repo, 'dist', 'client.js')]) {
    if (!fs.existsSync(file))
      throw new Error(`${path.relative(repo, file)} is missing: run \`npm run build\``);
  }
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'xen-nfs-boot-e2e-electron-'));
  const workspace = path.join(scratch, 'workspace');
  fs.cpSync(path.join(__dirname, 'workspace'), workspace, { recursive: true });
  const resultsFile = path.join(scratch, 'suite-results.json');
  let exitCode;
  try {
    exitCode = await runTests({
      version: versionArgument(process.argv.slice(2)),
      cachePath: path.join(repo, '.cache', 'vscode-test'), // gitignored, like .cache/e2e
      timeout: 60_000, // idle timeout of the download
      extensionDevelopmentPath: repo,
      extensionTestsPath,
      extensionTestsEnv: { XEN_NFS_BOOT_E2E_RESULTS: resultsFile },
      launchArgs: [
        workspace,
        '--disable-extensions', // other installed extensions; the one under test still loads
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--user-data-dir',
        path.join(scratch, 'user-data'),
      ],
    }).then(
      () => 0,
      (error) => {
        console.error(`e2e: VS Code reported: ${error.message ?? error}`);
        console.error(
          'e2e: (where VS Code cannot be downloaded, run the same suite in code-server: npm run test:e2e)',
        );
        return 1;
      },
    );
    const { passed, failed, note } = report(resultsFile);
    if (note) console.error(`e2e: ${note}`);
    const disagrees = (failed === 0) !== (exitCode === 0);
    if (disagrees) console.error(`e2e: exit code ${exitCode} does not agree with ${failed} failed test(s)`);
    return { passed, failed: failed + (disagrees ? 1 : 0) };
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main().then(
  ({ passed, failed }) => {
    console.log(`e2e: ${passed} passed, ${failed} failed`);
    process.exit(failed === 0 && passed > 0 ? 0 : 1);
  },
  (error) => {
    console.error(`e2e: ERROR: ${error.message}`);
    console.log('e2e: 0 passed, 1 failed');
    process.exit(1);
  },
);
