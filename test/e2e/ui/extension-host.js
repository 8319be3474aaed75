// Stage "suite": the extension test suite (test/e2e/suite, the @vscode/test-electron `run()` shape)
// in code-server's real extension host. The browser only opens the window that hosts it:
// extensionDevelopmentPath/extensionTestsPath travel in the URL payload, and the exit code comes
// back through window.codeAutomationExit, as in VS Code's own smoke-test driver.
'use strict';

const fs = require('node:fs');
const { format } = require('node:util');
const { workbenchUrl, screenshot } = require('./browser');

const SUITE_TIMEOUT_MS = 10 * 60_000;

/** Browser console noise from an offline code-server, not worth printing. */
const NOISE =
  /ChatModelSelection|AgentHost|AccountPolicy|open-vsx|marketplace|telemetry|socket|ERR_NAME_NOT_RESOLVED/i;

const remote = (absolutePath) => `vscode-remote://remote${absolutePath}`;

/**
 * The built workbench ignores extensionDevelopmentPath/extensionTestsPath unless
 * `developmentOptions.enableSmokeTestDriver` is set in the page's configuration element, and
 * code-server has no flag for it: set it before the workbench reads the element.
 */
function enableSmokeTestDriver() {
  new MutationObserver((_, observer) => {
    const meta = document.getElementById('vscode-workbench-web-configuration');
    if (!meta) return;
    const config = JSON.parse(meta.getAttribute('data-settings'));
    config.developmentOptions = { ...(config.developmentOptions || {}), enableSmokeTestDriver: true };
    meta.setAttribute('data-settings', JSON.stringify(config));
    observer.disconnect();
  }).observe(document, { childList: true, subtree: true });
}

/** Returns { exitCode, detail }; exitCode is null when the suite never reported one. */
async function runExtensionTests(options) {
  const { browser, baseUrl, workspace, extensionDevelopmentPath, extensionTestsPath, resultsFile, log } =
    options;
  const { page } = browser;
  fs.rmSync(resultsFile, { force: true });

  let reportExit;
  const exited = new Promise((resolve) => (reportExit = resolve));
  await page.exposeFunction('codeAutomationExit', (code) => reportExit(code));
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = format(...(Array.isArray(args) ? args : [args])); // mocha logs with %s/%d formats
    if (!NOISE.test(text)) log(`[host ${type}] ${text.slice(0, 2000)}`);
  });
  await page.addInitScript(enableSmokeTestDriver);

  // The results file reaches suite/index.ts through the extension host's environment, which
  // code-server passes on from its own; the folder name also arrives in the payload for clarity.
  const payload = [
    ['extensionDevelopmentPath', remote(extensionDevelopmentPath)],
    ['extensionTestsPath', remote(extensionTestsPath)],
    ['skipWelcome', 'true'],
  ];
  const started = Date.now();
  await page.goto(workbenchUrl(baseUrl, workspace, payload), { timeout: 90_000 });
  log(`window opened; waiting for the suite (up to ${SUITE_TIMEOUT_MS / 60_000} min)`);
  let timer;
  const timedOut = new Promise((resolve) => (timer = setTimeout(() => resolve('timeout'), SUITE_TIMEOUT_MS)));
  const code = await Promise.race([exited, timedOut]);
  clearTimeout(timer);
  await screenshot(page, options.screenshotsDir, 'suite', log);
  if (code === 'timeout') {
    return { exitCode: null, detail: `the suite did not finish within ${SUITE_TIMEOUT_MS / 60_000} min` };
  }
  log(`extension host exit code ${code} after ${Date.now() - started} ms`);
  return { exitCode: code, detail: '' };
}

module.exports = { runExtensionTests };
