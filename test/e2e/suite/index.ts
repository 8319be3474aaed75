// Entry point of the extension test suite, in the shape @vscode/test-electron (`extensionTestsPath`)
// and code-server's extension host (test/e2e/run.js) both load: `run()` resolves when every test
// passed and rejects otherwise. Per-test results also go to $XEN_NFS_BOOT_E2E_RESULTS (JSON), from
// which the runners print their counts.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/** One test's outcome, as the runners read it. */
interface TestResult {
  title: string;
  state: 'passed' | 'failed';
  error?: string;
}

/** The `*.test.js` files under `dir`, sorted, so that the order is the same everywhere. */
function testFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...testFiles(full));
    else if (entry.name.endsWith('.test.js')) files.push(full);
  }
  return files.sort();
}

function writeResults(tests: TestResult[], error?: string): void {
  const file = process.env.XEN_NFS_BOOT_E2E_RESULTS;
  if (file) fs.writeFileSync(file, JSON.stringify({ tests, error }, null, 2));
}

/** Runs every compiled `*.test.js` beside this file with mocha. */
export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 120_000, reporter: 'spec' });
  const files = testFiles(__dirname);
  for (const file of files) mocha.addFile(file);
  const tests: TestResult[] = [];
  return new Promise((resolve, reject) => {
    if (files.length === 0) {
      writeResults(tests, `no *.test.js files under ${__dirname}`);
      reject(new Error(`no *.test.js files under ${__dirname}`));
      return;
    }
    try {
      const runner = mocha.run((failures) => {
        writeResults(tests);
        if (failures > 0) reject(new Error(`${failures} of ${tests.length} extension tests failed`));
        else resolve();
      });
      runner.on('pass', (test) => tests.push({ title: test.fullTitle(), state: 'passed' }));
      runner.on('fail', (test, error: Error) =>
        tests.push({ title: test.fullTitle(), state: 'failed', error: error.stack ?? String(error) }),
      );
    } catch (error) {
      writeResults(tests, error instanceof Error ? (error.stack ?? error.message) : String(error));
      reject(error);
    }
  });
}
