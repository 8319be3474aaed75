#!/usr/bin/env node
// End-to-end runner: the extension in a real VS Code (code-server, the same workbench and extension
// host as desktop VS Code) driven by Debian's Chromium through playwright-core. See README.md here.
//
// Stages:
//   ui     the packaged extension (dist/xen-nfs-boot.vsix) installed and used like a person would
//   suite  the mocha suite of test/e2e/suite (compiled to out/) in the extension host, in the
//          shape @vscode/test-electron runs it
//
// It builds nothing: run `npm run build && npm run package` first, and `scripts/setup-tests.sh` once.
// Usage: node test/e2e/run.js [--only ui|suite] [--vsix FILE] [--extension-development-path DIR]
//                             [--extension-tests-path FILE] [--keep] [--docs-screenshots]
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const {
  HarnessError,
  CodeServer,
  makeSandbox,
  codeServerCli,
  freePort,
  cacheDir,
  node24,
  codeServerEntry,
} = require('./ui/code-server');

const repo = path.resolve(__dirname, '..', '..');
const chromiumPath = process.env.E2E_CHROMIUM || '/usr/bin/chromium';
const fixtureWorkspace = path.join(__dirname, 'workspace');
const screenshotsDir = path.join(repo, 'test-results', 'e2e');

const INSTALL_TIMEOUT_MS = 180_000;
const RUN_TIMEOUT_MS = 20 * 60_000;

function parseArgs(argv) {
  const options = {
    stages: ['ui', 'suite'],
    vsix: path.join(repo, 'dist', 'xen-nfs-boot.vsix'),
    extensionDevelopmentPath: repo,
    extensionTestsPath: path.join(repo, 'out', 'test', 'e2e', 'suite', 'index.js'),
    keep: false,
    // The README's screenshots (docs/images/) are refreshed only when asked: they are committed files.
    docsScreenshots: process.env.XEN_NFS_BOOT_DOCS_SCREENSHOTS === '1',
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new HarnessError(`${arg} needs a value`);
      return argv[++i];
    };
    if (arg === '--only') {
      const stage = value();
      if (!['ui', 'suite'].includes(stage)) throw new HarnessError(`--only ui|suite, not ${stage}`);
      options.stages = [stage];
    } else if (arg === '--vsix') options.vsix = path.resolve(value());
    else if (arg === '--extension-development-path') options.extensionDevelopmentPath = path.resolve(value());
    else if (arg === '--extension-tests-path') options.extensionTestsPath = path.resolve(value());
    else if (arg === '--keep') options.keep = true;
    else if (arg === '--docs-screenshots') options.docsScreenshots = true;
    else throw new HarnessError(`unknown argument ${arg}`);
  }
  return options;
}

/** Lists everything that keeps the requested stages from running; empty when all is there. */
function missingPrerequisites(options) {
  const setup = 'run `bash scripts/setup-tests.sh` (or `npm run setup-tests`)';
  const problems = [];
  if (!fs.existsSync(node24)) problems.push(`Node 24 for code-server is missing (${node24}): ${setup}`);
  if (!fs.existsSync(codeServerEntry)) problems.push(`code-server is missing (${codeServerEntry}): ${setup}`);
  if (!fs.existsSync(chromiumPath)) problems.push(`Chromium is missing (${chromiumPath}): ${setup}`);
  try {
    require.resolve('playwright-core');
  } catch {
    problems.push('playwright-core is not installed: run `npm ci`');
  }
  if (options.stages.includes('ui') && !fs.existsSync(options.vsix)) {
    problems.push(`the package ${options.vsix} is missing: run \`npm run build && npm run package\``);
  }
  if (options.stages.includes('suite')) {
    if (!fs.existsSync(options.extensionTestsPath)) {
      problems.push(`the compiled suite ${options.extensionTestsPath} is missing: run \`npm run build\``);
    }
    const manifest = path.join(options.extensionDevelopmentPath, 'package.json');
    if (!fs.existsSync(manifest)) problems.push(`no extension manifest at ${manifest}`);
    else {
      const main = JSON.parse(fs.readFileSync(manifest, 'utf8')).main;
      if (main && !fs.existsSync(path.resolve(options.extensionDevelopmentPath, main))) {
        problems.push(`the extension entry ${main} is missing: run \`npm run build\``);
      }
    }
  }
  return problems;
}

/** A fresh copy of the fixture workspace in its own temporary folder. */
function copyWorkspace(label) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `xen-nfs-boot-e2e-${label}-`));
  fs.cpSync(fixtureWorkspace, dir, { recursive: true });
  return dir;
}

function printResults(stage, results) {
  for (const result of results) {
    const mark = result.ok ? 'ok  ' : 'FAIL';
    console.log(`e2e: [${stage}] ${mark} ${result.name}${result.ok ? '' : `\n${indent(result.error)}`}`);
  }
}

function indent(text) {
  return String(text)
    .split('\n')
    .map((line) => `        ${line}`)
    .join('\n');
}

async function runUiStage(options, server, sandbox, browser) {
  const { runInstalledPackageChecks } = require('./ui/installed-package');
  console.log(`e2e: [ui] installing ${options.vsix}`);
  const output = await codeServerCli(
    sandbox,
    ['--install-extension', options.vsix, '--force'],
    INSTALL_TIMEOUT_MS,
  );
  if (!/successfully installed/i.test(output)) {
    throw new HarnessError(`code-server --install-extension did not report success:\n${output}`);
  }
  const workspace = copyWorkspace('ui');
  try {
    return await runInstalledPackageChecks({
      browser,
      baseUrl: server.baseUrl,
      workspace,
      screenshotsDir,
      docsDir: options.docsScreenshots ? path.join(repo, 'docs', 'images') : undefined,
      log: (message) => console.log(`e2e: [ui] ${message}`),
    });
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

async function runSuiteStage(options, server, browser) {
  const { runExtensionTests } = require('./ui/extension-host');
  const workspace = copyWorkspace('suite');
  const resultsFile = server.sandbox.env.XEN_NFS_BOOT_E2E_RESULTS;
  try {
    const outcome = await runExtensionTests({
      browser,
      baseUrl: server.baseUrl,
      workspace,
      extensionDevelopmentPath: options.extensionDevelopmentPath,
      extensionTestsPath: options.extensionTestsPath,
      resultsFile,
      screenshotsDir,
      log: (message) => console.log(`e2e: [suite] ${message}`),
    });
    return suiteResults(outcome, resultsFile);
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

/**
 * The suite's own report (written by suite/index.ts) is the source of the counts; the exit code
 * must agree with it. A run that reported nothing, or disagrees, is a failure: never a silent pass.
 */
function suiteResults(outcome, resultsFile) {
  let report = null;
  if (fs.existsSync(resultsFile)) report = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  if (!report) {
    return [
      {
        name: 'extension test suite',
        ok: false,
        error: `the suite wrote no results (exit code: ${outcome.exitCode}); ${outcome.detail || 'see the log above'}`,
      },
    ];
  }
  const results = report.tests.map((test) => ({
    name: test.title,
    ok: test.state === 'passed',
    error: test.error,
  }));
  if (report.error) results.push({ name: 'extension test suite', ok: false, error: report.error });
  if (results.length === 0) results.push({ name: 'extension test suite', ok: false, error: 'no tests ran' });
  const failed = results.filter((result) => !result.ok).length;
  if ((failed === 0) !== (outcome.exitCode === 0)) {
    results.push({
      name: 'extension test suite exit code',
      ok: false,
      error: `exit code ${outcome.exitCode} does not agree with ${failed} failed test(s)`,
    });
  }
  return results;
}

async function main() {
  const started = Date.now();
  const options = parseArgs(process.argv.slice(2));
  const problems = missingPrerequisites(options);
  if (problems.length > 0) {
    throw new HarnessError(`cannot run the end-to-end tests:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }

  fs.mkdirSync(cacheDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
  const sandbox = makeSandbox(fs.mkdtempSync(path.join(cacheDir, `run-${stamp}-`)));
  // Screenshots of an earlier run must not pass for this one's.
  fs.rmSync(screenshotsDir, { recursive: true, force: true });
  fs.mkdirSync(screenshotsDir, { recursive: true });
  const server = new CodeServer(sandbox, await freePort());
  const all = [];
  let browser = null;
  let ok = false;

  const emergencyStop = () => server.killNow();
  process.on('exit', emergencyStop);
  const onSignal = (signal) => {
    console.error(`e2e: ${signal}: stopping code-server and Chromium`);
    emergencyStop();
    console.log('e2e: 0 passed, 1 failed');
    process.exit(130);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  try {
    console.log(`e2e: sandbox ${path.relative(repo, sandbox.dirs.root)}`);
    await server.start();
    console.log(`e2e: code-server listening on ${server.baseUrl} after ${Date.now() - started} ms`);
    const { launchBrowser } = require('./ui/browser');
    for (const stage of options.stages) {
      const stageStarted = Date.now();
      // A fresh browser per stage: the suite stage must not see the ui stage's window state.
      browser = await launchBrowser({ executablePath: chromiumPath, sandbox });
      let results;
      try {
        results =
          stage === 'ui'
            ? await runUiStage(options, server, sandbox, browser)
            : await runSuiteStage(options, server, browser);
      } catch (error) {
        const harness = error instanceof HarnessError;
        results = [
          {
            name: `${stage} stage`,
            ok: false,
            error: harness ? error.message : error.stack || String(error),
          },
        ];
      } finally {
        await browser.close();
        browser = null;
      }
      printResults(stage, results);
      console.log(`e2e: [${stage}] finished in ${((Date.now() - stageStarted) / 1000).toFixed(1)} s`);
      all.push(...results);
    }
    ok = true;
  } catch (error) {
    // code-server did not start, or the browser did not launch: nothing more can run.
    all.push({
      name: 'harness',
      ok: false,
      error: error instanceof HarnessError ? error.message : error.stack,
    });
    console.error(`e2e: ERROR: ${all.at(-1).error}`);
  } finally {
    if (browser) await browser.close().catch(() => {});
    try {
      await server.stop();
    } catch (error) {
      all.push({ name: 'stop code-server', ok: false, error: error.message });
    }
    if (!ok || all.some((result) => !result.ok)) {
      console.log(
        `e2e: code-server log (last lines, full log in ${server.logFile}):\n${indent(server.logTail())}`,
      );
    }
    if (ok && !options.keep && all.every((result) => result.ok)) {
      fs.rmSync(sandbox.dirs.root, { recursive: true, force: true });
    } else {
      console.log(`e2e: sandbox kept: ${sandbox.dirs.root}`);
    }
  }
  console.log(`e2e: screenshots in ${path.relative(repo, screenshotsDir)}/`);
  console.log(`e2e: total ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return all;
}

function finish(results) {
  const passed = results.filter((result) => result.ok).length;
  const failed = results.length - passed;
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  process.exit(failed === 0 && passed > 0 ? 0 : 1);
}

const overall = setTimeout(() => {
  console.error(`e2e: ERROR: the run exceeded ${RUN_TIMEOUT_MS / 60_000} minutes; stopping`);
  console.log('e2e: 0 passed, 1 failed');
  process.exit(1); // the exit handler kills code-server; playwright kills its browser on exit
}, RUN_TIMEOUT_MS);
overall.unref();

main().then(finish, (error) => {
  if (error instanceof HarnessError) console.error(`e2e: ERROR: ${error.message}`);
  else console.error('e2e: ERROR: the harness failed:', error);
  finish([{ name: 'harness', ok: false }]);
});
