// Stage "ui": the packaged extension, installed into code-server, used like a person would:
// open etc/xen/domu1 from the explorer, read the Problems panel, hover over `kernel`, apply the
// typographic-quote quick fix and save. Expectations: CONTRACT.md's worked example (seed how-to).
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { workbenchUrl, screenshot } = require('./browser');
const workbench = require('./workbench');
const { runBootChainChecks } = require('./boot-chain');
const { docsShots } = require('./docs-shots');

const DOMU1 = 'etc/xen/domu1';
const SOURCE = 'xen-nfs-boot';
const XM_ONLY_KEYS = ['ip', 'netmask', 'gateway', 'hostname', 'nfs_server', 'nfs_root'];
const QUICK_FIX_TITLE = 'Replace typographic quotes with ASCII quotes';
const DIAGNOSTICS_TIMEOUT_MS = 90_000;

/** 1-based number of the first line of `text` matching `pattern`. */
function lineOf(text, pattern) {
  const index = text.split('\n').findIndex((line) => pattern.test(line));
  if (index === -1) throw new Error(`the fixture has no line matching ${pattern}`);
  return index + 1;
}

/**
 * The diagnostics domu1 must show with no topology file (toolstack xl). Messages are not part of
 * the contract, so they are matched loosely, on what any wording of them has to name.
 */
function expectedDomu1Problems(text) {
  return [
    { code: 'xen/name-whitespace', severity: 'Warning', line: lineOf(text, /^name\s*=/), message: /name/i },
    {
      code: 'xen/typographic-quote',
      severity: 'Error',
      line: lineOf(text, /^hostname\s*=/),
      message: /quote/i,
    },
    ...XM_ONLY_KEYS.map((key) => ({
      code: 'xen/xm-only-option',
      severity: 'Warning',
      line: lineOf(text, new RegExp(`^${key}\\s*=`)),
      message: new RegExp(`\\b${key}\\b`),
    })),
    { code: 'xen/nfs-incomplete', severity: 'Error', line: lineOf(text, /^root\s*=/), message: /\S/ },
  ];
}

function describeProblem(p) {
  return `${p.severity} ${p.code} [Ln ${p.line}] ${JSON.stringify(p.message)} (${p.source})`;
}

function missingProblems(expected, shown) {
  return expected.filter(
    (e) =>
      !shown.some(
        (p) =>
          p.code === e.code &&
          p.severity === e.severity &&
          p.line === e.line &&
          p.source === SOURCE &&
          e.message.test(p.message || ''),
      ),
  );
}

/**
 * Runs the checks in one browser page; returns [{ name, ok, error }]. Later checks still run when an
 * earlier one fails, as long as the file could be opened at all.
 */
async function runInstalledPackageChecks({ browser, baseUrl, workspace, screenshotsDir, docsDir, log }) {
  const { page } = browser;
  const docs = docsShots(docsDir, log);
  const domu1File = path.join(workspace, DOMU1);
  const original = fs.readFileSync(domu1File, 'utf8');
  const results = [];

  async function check(name, body) {
    const started = Date.now();
    try {
      await body();
      results.push({ name, ok: true });
      log(`passed: ${name} (${Date.now() - started} ms)`);
      return true;
    } catch (error) {
      results.push({ name, ok: false, error: error.message });
      log(`failed: ${name} (${Date.now() - started} ms)`);
      await screenshot(page, screenshotsDir, `ui-failed-${workbench.slug(name)}`, log);
      return false;
    }
  }

  const opened = await check(`opens ${DOMU1} from the explorer`, async () => {
    await workbench.waitForWorkbench(page, workbenchUrl(baseUrl, workspace));
    await workbench.openFromExplorer(page, DOMU1);
    const mode = await page.locator('#status\\.editor\\.mode').innerText();
    log(`editor open; language mode "${mode}"`);
  });
  if (!opened) return results;

  await check(`the Problems panel lists the diagnostics of ${DOMU1}`, async () => {
    const expected = expectedDomu1Problems(original);
    log(`problems: ${await workbench.waitForProblemCount(page, expected.length, DIAGNOSTICS_TIMEOUT_MS)}`);
    await workbench.openProblemsPanel(page);
    let shown = [];
    try {
      await workbench.poll(
        async () => {
          shown = (await workbench.readProblems(page)).filter((p) => p.file === 'domu1');
          return missingProblems(expected, shown).length === 0;
        },
        { timeoutMs: 30_000, intervalMs: 1000 },
      );
    } catch {
      const missing = missingProblems(expected, shown);
      throw new Error(
        `missing from the Problems panel:\n${missing.map((e) => `  ${e.severity} ${e.code} [Ln ${e.line}] ${e.message}`).join('\n')}\n` +
          `shown for domu1:\n${shown.map((p) => `  ${describeProblem(p)}`).join('\n') || '  (nothing)'}`,
      );
    } finally {
      await screenshot(page, screenshotsDir, 'ui-problems', log);
      if (docs) {
        // The list's top, with no tooltip: reading it scrolled to the end with the mouse over a row.
        await page.locator('.markers-panel .monaco-list').hover();
        for (let i = 0; i < 10; i++) {
          await page.mouse.wheel(0, -2000);
          await page.waitForTimeout(100);
        }
        await page.mouse.move(5, 5);
        await page.waitForTimeout(500);
        await docs.shot(page, 'problems', ['.part.panel']);
      }
    }
    for (const p of shown) log(`  ${describeProblem(p)}`);
  });

  await check('hovering over `kernel` shows the effective kernel command line', async () => {
    const text = await workbench.hoverWord(page, /^kernel\s*=/, 'kernel', 'Effective kernel command line');
    await page.waitForTimeout(500); // let the hover finish fading in for the screenshot
    await screenshot(page, screenshotsDir, 'ui-hover', log);
    await docs?.shot(page, 'hover', ['.editor-instance', '.monaco-hover:not(.hidden)']);
    if (!text.includes('root=/dev/nfs 4')) {
      throw new Error(`the hover does not show the xl command line "root=/dev/nfs 4":\n${text}`);
    }
    await page.keyboard.press('Escape');
  });

  await check(`the quick fix "${QUICK_FIX_TITLE}" rewrites hostname='domu1’`, async () => {
    await workbench.openProblemsPanel(page);
    await workbench.revealProblem(page, 'xen/typographic-quote', lineOf(original, /^hostname\s*=/));
    const presses = await workbench.applyQuickFix(page, QUICK_FIX_TITLE, () =>
      docs?.shot(page, 'quick-fix', ['.editor-instance', '.action-widget']),
    );
    if (presses > 1) log(`the code actions showed after ${presses} presses of Ctrl+.`);
    await workbench.saveActiveEditor(page);
    await screenshot(page, screenshotsDir, 'ui-quick-fix', log);
    const expected = original.replace("hostname='domu1’", "hostname='domu1'");
    if (expected === original) throw new Error("the fixture has no hostname='domu1’ line");
    let actual = '';
    try {
      await workbench.poll(async () => (actual = fs.readFileSync(domu1File, 'utf8')) === expected, {
        timeoutMs: 10_000,
      });
    } catch {
      throw new Error(
        `${DOMU1} on disk after the fix and saving is not as expected:\n${lineDiff(expected, actual)}`,
      );
    }
  });

  await runBootChainChecks({ page, workspace, check, screenshotsDir, docs, log });
  return results;
}

/** The lines where `actual` differs from `expected`, for a readable failure. */
function lineDiff(expected, actual) {
  const a = expected.split('\n');
  const b = actual.split('\n');
  const out = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i])
      out.push(`  line ${i + 1}: expected ${JSON.stringify(a[i])}, found ${JSON.stringify(b[i])}`);
  }
  return out.join('\n') || '  (no difference)';
}

module.exports = { runInstalledPackageChecks };
