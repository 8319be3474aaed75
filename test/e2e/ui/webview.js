// The boot chain webview and the Machines tree, as playwright steps: run a command from the palette,
// find the webview's frame (code-server nests it in two iframes), read and click its nodes, read a tree
// view of the Explorer.
'use strict';

const { poll } = require('./workbench');

/** Runs a command by its palette title (F1, type, Enter). */
async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 15_000 });
  await input.fill(`>${title}`);
  const item = page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: title });
  await item.first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: 15_000 });
}

/** The frame of the webview whose page has `selector` (polls: the webview loads after the command). */
async function webviewFrame(page, selector, timeoutMs = 30_000) {
  return poll(
    async () => {
      for (const frame of page.frames()) {
        if (
          (await frame
            .locator(selector)
            .count()
            .catch(() => 0)) > 0
        )
          return frame;
      }
      return null;
    },
    {
      timeoutMs,
      describe: async () =>
        `no frame has ${selector}; frames: ${page
          .frames()
          .map((f) => f.url())
          .join(', ')}`,
    },
  );
}

/** The chains the boot chain page draws: [{ name, status, nodes: [{ kind, status, title, diagnostics }] }]. */
async function readChains(frame) {
  return frame.$$eval('section.chain', (sections) =>
    sections.map((s) => ({
      name: s.getAttribute('data-name'),
      status: s.getAttribute('data-status'),
      nodes: [...s.querySelectorAll('.cell')].map((cell) => {
        const node = cell.querySelector('button.node');
        return {
          kind: node.getAttribute('data-kind'),
          status: node.getAttribute('data-status'),
          title: node.querySelector('.title').textContent,
          open: node.getAttribute('data-open'),
          diagnostics: [...cell.querySelectorAll('.diag')].map((d) => ({
            code: d.querySelector('code').textContent,
            severity: d.classList.contains('error')
              ? 'Error'
              : d.classList.contains('warning')
                ? 'Warning'
                : 'Info',
            message: d.getAttribute('title'),
          })),
        };
      }),
    })),
  );
}

/** The rows of the Explorer tree view titled `title` (expanded first), as their aria-labels. */
async function treeRows(page, title) {
  const header = page.locator(`.pane-header[aria-label^="${title}"]`);
  await header.first().waitFor({ timeout: 30_000 });
  if ((await header.first().getAttribute('aria-expanded')) === 'false') await header.first().click();
  const pane = page.locator('.pane').filter({ has: header.first() });
  const rows = pane.locator('.pane-body .monaco-list-row');
  await rows.first().waitFor({ timeout: 30_000 });
  return { pane, rows };
}

/** Empties the Problems panel's filter (an earlier step may have filtered by a rule ID). */
async function clearProblemsFilter(page) {
  const clear = page.locator('.markers-panel').getByText('Clear Filters');
  if (await clear.isVisible().catch(() => false)) await clear.click();
  const filter = page.locator('.panel .viewpane-filter input').filter({ visible: true });
  // fill('') rather than a click: on a narrow panel the "Showing 9 of 20" badge lies over the input and
  // takes the click (seen in CI).
  if ((await filter.count()) > 0 && (await filter.first().inputValue()) !== '') await filter.first().fill('');
  await page.waitForTimeout(500);
}

module.exports = { clearProblemsFilter, runCommand, webviewFrame, readChains, treeRows };
