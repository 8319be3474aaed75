// What a person does in the VS Code workbench, as playwright steps: open a file from the explorer,
// read the Problems panel, hover over a word, pick a quick fix. Selectors are VS Code's own DOM
// (1.139 in code-server); each step has its own bounded timeout.
'use strict';

const path = require('node:path');

const WORKBENCH_TIMEOUT_MS = 90_000;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until it returns something truthy; throws with `describe()` after `timeoutMs`. */
async function poll(probe, { timeoutMs, intervalMs = 250, describe }) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    last = await probe();
    if (last) return last;
    if (Date.now() > deadline) {
      const detail = describe ? await describe() : '';
      throw new Error(`timed out after ${Math.round(timeoutMs / 1000)} s${detail ? `: ${detail}` : ''}`);
    }
    await sleep(intervalMs);
  }
}

async function waitForWorkbench(page, url) {
  await page.goto(url, { timeout: WORKBENCH_TIMEOUT_MS });
  await page.waitForSelector('.monaco-workbench', { timeout: WORKBENCH_TIMEOUT_MS });
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: WORKBENCH_TIMEOUT_MS });
}

/**
 * Opens `relativePath` (e.g. `etc/xen/domu1`) by clicking through the explorer tree, expanding
 * folders on the way (compact folders show `etc/xen` as one row labelled with its last segment).
 */
async function openFromExplorer(page, relativePath) {
  const segments = relativePath.split('/');
  const fileName = segments.at(-1);
  const folders = new Set(segments.slice(0, -1));
  const rows = page.locator('.explorer-folders-view .monaco-list-row');
  await poll(
    async () => {
      const file = rows.and(page.locator(`[aria-label="${fileName}"]`));
      if ((await file.count()) > 0) {
        await file.first().click();
        return true;
      }
      for (const row of await rows.all()) {
        const label = await row.getAttribute('aria-label');
        if (folders.has(label) && (await row.getAttribute('aria-expanded')) === 'false') {
          await row.click();
          break;
        }
      }
      return false;
    },
    {
      timeoutMs: 60_000,
      intervalMs: 500,
      describe: async () => `${relativePath} not found in the explorer; rows: ${await rowLabels(rows)}`,
    },
  );
  const tab = page.locator(`.tabs-container .tab.active[aria-label*="${fileName}"]`);
  await tab.waitFor({ timeout: 30_000 });
  await page.waitForSelector('.editor-instance .monaco-editor .view-lines', { timeout: 30_000 });
}

async function rowLabels(rows) {
  const labels = [];
  for (const row of await rows.all()) labels.push(await row.getAttribute('aria-label'));
  return JSON.stringify(labels);
}

/** Counts shown by the Problems status item, e.g. `Errors: 2, Warnings: 7` → { errors: 2, warnings: 7 }. */
async function problemCounts(page) {
  const label =
    (await page
      .locator('#status\\.problems')
      .getAttribute('aria-label')
      .catch(() => null)) || '';
  const count = (word) => Number((new RegExp(`${word}s?: (\\d+)`, 'i').exec(label) || [])[1] || 0);
  return { label, errors: count('Error'), warnings: count('Warning'), infos: count('Info') };
}

/** Waits until the status bar counts at least `minimum` problems, and returns its label. */
async function waitForProblemCount(page, minimum, timeoutMs) {
  await page.locator('#status\\.problems').waitFor({ timeout: 30_000 });
  const counts = await poll(
    async () => {
      const c = await problemCounts(page);
      return c.errors + c.warnings + c.infos >= minimum ? c : null;
    },
    {
      timeoutMs,
      intervalMs: 500,
      describe: async () => `the Problems status item says "${(await problemCounts(page)).label}"`,
    },
  );
  return counts.label;
}

/** Opens the Problems panel from the status bar item. */
async function openProblemsPanel(page) {
  if (
    !(await page
      .locator('.markers-panel')
      .isVisible()
      .catch(() => false))
  ) {
    await page.locator('#status\\.problems').click();
  }
  await page.locator('.markers-panel .monaco-list-row').first().waitFor({ timeout: 30_000 });
}

/**
 * Every row of the Problems panel, as { file, folder, severity, message, source, code, line, column }.
 * The list is virtual (only visible rows exist in the DOM), so it is scrolled through.
 */
async function readProblems(page) {
  const list = page.locator('.markers-panel .monaco-list');
  const seen = new Map();
  let unchanged = 0;
  await list.hover();
  await page.mouse.wheel(0, -100_000);
  await sleep(200);
  while (unchanged < 2 && seen.size < 2000) {
    const before = seen.size;
    const rows = await page.$$eval('.markers-panel .monaco-list-row', (elements) =>
      elements.map((e) => ({
        index: Number(e.getAttribute('data-index')),
        label: e.getAttribute('aria-label') || '',
        text: e.innerText,
      })),
    );
    for (const row of rows) seen.set(row.index, row);
    unchanged = seen.size === before ? unchanged + 1 : 0;
    await page.mouse.wheel(0, 300);
    await sleep(150);
  }
  return parseProblemRows([...seen.values()].sort((a, b) => a.index - b.index));
}

function parseProblemRows(rows) {
  const problems = [];
  let file = null;
  let folder = null;
  for (const row of rows) {
    const group = /^\d+ problems? in file (.+?)(?: of folder (.+))?$/.exec(row.label);
    if (group) {
      [, file, folder] = group;
      continue;
    }
    const severity = /^(Error|Warning|Info)\b/.exec(row.label);
    if (!severity) continue; // related-information rows and the like
    // innerText: message, source, code, "[Ln L, Col C]" on separate lines.
    const lines = row.text.split('\n').map((line) => line.trim());
    const position = /\[Ln (\d+), Col (\d+)\]/.exec(row.text);
    const positionLine = lines.findIndex((line) => /^\[Ln \d+, Col \d+\]$/.test(line));
    const tail = lines.slice(0, positionLine === -1 ? lines.length : positionLine);
    problems.push({
      file,
      folder,
      severity: severity[1],
      message: tail[0],
      source: tail.length >= 3 ? tail.at(-2) : null,
      code: tail.length >= 2 ? tail.at(-1) : null,
      line: position ? Number(position[1]) : null,
      column: position ? Number(position[2]) : null,
      ariaLabel: row.label,
    });
  }
  return problems;
}

/** Double-clicks the Problems row of `code` on `line` (1-based): the editor gets focus and selects it. */
async function revealProblem(page, code, line) {
  // The list is virtualised: with many problems the row may not be rendered. Filter by the rule ID,
  // as a person would, so that it is.
  const filter = page.locator('.panel input[placeholder^="Filter"]');
  if ((await filter.count()) > 0) {
    await filter.first().fill(code);
    await page.waitForTimeout(500);
  }
  const row = page
    .locator('.markers-panel .monaco-list-row')
    .filter({ hasText: code })
    .filter({ hasText: `[Ln ${line},` });
  // Near the row's left end, on the message: the rule ID in the middle is a link to its page.
  const box = await row.first().boundingBox({ timeout: 30_000 });
  if (!box) throw new Error(`the Problems row of ${code} on line ${line} is not visible`);
  await row.first().dblclick({ position: { x: Math.min(80, box.width / 4), y: box.height / 2 } });
  await poll(
    async () => (await page.locator('#status\\.editor\\.selection').innerText()).includes(`Ln ${line},`),
    {
      timeoutMs: 15_000,
      describe: async () =>
        `the cursor is at ${await page.locator('#status\\.editor\\.selection').innerText()}`,
    },
  );
}

/** Screen point at the middle of `word` where it starts a line of the active editor matching `linePattern`. */
async function wordPosition(page, linePattern, word) {
  return page.evaluate(
    ({ source, flags, word }) => {
      const pattern = new RegExp(source, flags);
      for (const line of document.querySelectorAll('.editor-instance .view-lines .view-line')) {
        const text = line.textContent.replace(/\u00a0/g, ' ');
        const at = text.indexOf(word);
        if (!pattern.test(text) || at === -1) continue;
        // Find the text node and offset of the word; tokens split the line into spans.
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        let offset = 0;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const length = node.textContent.length;
          if (at < offset + length) {
            const range = document.createRange();
            range.setStart(node, at - offset);
            range.setEnd(node, Math.min(at - offset + word.length, length));
            const box = range.getBoundingClientRect();
            return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
          }
          offset += length;
        }
      }
      return null;
    },
    { source: linePattern.source, flags: linePattern.flags, word },
  );
}

/** Moves the mouse over `word` and returns the text of the hover that appears. */
async function hoverWord(page, linePattern, word, expected) {
  const point = await wordPosition(page, linePattern, word);
  if (!point) throw new Error(`no line matching ${linePattern} with "${word}" is visible in the editor`);
  await page.mouse.move(point.x - 40, point.y + 200); // away first, so that moving in starts a hover
  await page.mouse.move(point.x, point.y, { steps: 5 });
  const hover = page.locator('.monaco-hover:not(.hidden)').filter({ hasText: expected });
  try {
    await hover.first().waitFor({ timeout: 20_000 });
  } catch {
    const shown = await page.locator('.monaco-hover:not(.hidden)').allInnerTexts();
    throw new Error(
      `no hover containing "${expected}" over "${word}"; hovers shown: ${JSON.stringify(shown)}`,
    );
  }
  return hover.first().innerText();
}

/**
 * Ctrl+. in the editor, then picks the code action titled `title`; returns how many presses it took.
 * `onShown` runs while the menu is open (the README's screenshot).
 */
async function applyQuickFix(page, title, onShown) {
  // The keys must reach the editor: wait until it has the focus, with the mouse out of the way.
  await page.mouse.move(5, 5);
  await page.locator('.editor-instance .monaco-editor.focused').waitFor({ timeout: 15_000 });
  const items = page.locator('.action-widget .monaco-list-row.action');
  // Press again if nothing shows: the first request may reach a server that is still busy.
  let attempts = 0;
  for (;;) {
    attempts++;
    await page.keyboard.press('Control+.');
    try {
      await items.first().waitFor({ timeout: 10_000 });
      break;
    } catch {
      if (attempts === 3) throw new Error('Ctrl+. showed no code actions (3 tries, 10 s each)');
    }
  }
  const item = items.filter({ hasText: title });
  if ((await item.count()) === 0) {
    throw new Error(
      `no code action titled "${title}"; offered: ${JSON.stringify(await items.allInnerTexts())}`,
    );
  }
  if (onShown) await onShown();
  await item.first().click();
  await items.first().waitFor({ state: 'hidden', timeout: 10_000 });
  return attempts;
}

/** Ctrl+S, then waits until the tab no longer shows unsaved changes. */
async function saveActiveEditor(page) {
  await page.keyboard.press('Control+s');
  await page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached', timeout: 15_000 });
}

function slug(text) {
  return path
    .basename(
      text
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, ''),
    )
    .slice(0, 60);
}

module.exports = {
  poll,
  waitForWorkbench,
  openFromExplorer,
  waitForProblemCount,
  openProblemsPanel,
  readProblems,
  revealProblem,
  hoverWord,
  applyQuickFix,
  saveActiveEditor,
  slug,
};
