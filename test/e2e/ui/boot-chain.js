// Stage "ui", continued: the boot chain view and the Machines tree of the installed package (issue 8).
// etc/xen/app1.cfg's root is not exported: the view must draw its export link red with the diagnostic the
// Problems panel shows, a click on a node must open its file at its line, and the Machines tree must list
// the machines of the workspace.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { screenshot } = require('./browser');
const workbench = require('./workbench');
const { clearProblemsFilter, runCommand, webviewFrame, readChains, treeRows } = require('./webview');

const APP1 = 'etc/xen/app1.cfg';
const CONFIG = 'boot/config-6.1';
const COMMAND = 'Xen NFS Boot: Show Boot Chain';
const CROSS_FILE = /^(nfs|net|kernel)\//;
const RANK = { ok: 0, unknown: 1, warning: 2, error: 3 };

function lineOf(text, pattern) {
  const index = text.split('\n').findIndex((line) => pattern.test(line));
  if (index === -1) throw new Error(`the fixture has no line matching ${pattern}`);
  return index + 1;
}

/** What is wrong between the nodes drawn and the Problems panel's rows of the file; empty when they agree. */
function disagreements(nodes, problems) {
  const out = [];
  const drawn = nodes.flatMap((n) => n.diagnostics.map((d) => ({ ...d, node: n.kind })));
  for (const p of problems.filter((p) => CROSS_FILE.test(p.code || ''))) {
    if (!drawn.some((d) => d.code === p.code && d.severity === p.severity))
      out.push(`${p.severity} ${p.code} (Problems panel) is on no node`);
  }
  for (const n of nodes) {
    const worst = n.diagnostics.some((d) => d.severity === 'Error')
      ? 'error'
      : n.diagnostics.some((d) => d.severity === 'Warning')
        ? 'warning'
        : null;
    if (worst && n.status !== worst) out.push(`node ${n.kind} is ${n.status}, its diagnostics say ${worst}`);
    if (!worst && RANK[n.status] > RANK.unknown) out.push(`node ${n.kind} is ${n.status} with no diagnostic`);
  }
  return out;
}

function describeNodes(nodes) {
  return nodes
    .map(
      (n) =>
        `  ${n.status} ${n.kind} "${n.title}" [${n.diagnostics.map((d) => `${d.severity} ${d.code}`).join(', ')}]`,
    )
    .join('\n');
}

async function runBootChainChecks({ page, workspace, check, screenshotsDir, docs, log }) {
  let frame = null;
  let nodes = [];

  await check(
    `the Boot chain view of ${APP1} draws its links with the Problems panel's statuses`,
    async () => {
      await workbench.openFromExplorer(page, APP1);
      await clearProblemsFilter(page); // the quick-fix check filtered the panel by its rule ID
      await workbench.openProblemsPanel(page);
      let problems = [];
      await workbench.poll(
        async () => {
          problems = (await workbench.readProblems(page)).filter((p) => p.file === 'app1.cfg');
          return problems.some((p) => p.code === 'nfs/root-not-exported');
        },
        { timeoutMs: 60_000, intervalMs: 1000, describe: async () => JSON.stringify(problems) },
      );
      await runCommand(page, COMMAND);
      frame = await webviewFrame(page, 'section.chain');
      const chains = await workbench.poll(
        async () => {
          const c = await readChains(frame);
          return c.length > 0 && c[0].nodes.length > 0 ? c : null;
        },
        { timeoutMs: 30_000 },
      );
      if (chains.length !== 1 || chains[0].name !== 'app1')
        throw new Error(`expected the chain of app1, drawn: ${JSON.stringify(chains.map((c) => c.name))}`);
      nodes = chains[0].nodes;
      log(`boot chain of app1:\n${describeNodes(nodes)}`);
      await page.waitForTimeout(300); // the webview paints after its DOM is ready
      await screenshot(page, screenshotsDir, 'boot-chain', log);
      await docs?.shot(page, 'boot-chain', ['.part.editor']);
      const kinds = nodes.map((n) => n.kind).join(' ');
      if (kinds !== 'dhcp xen kernel kconfig nfs export') throw new Error(`nodes drawn: ${kinds}`);
      const exported = nodes.find((n) => n.kind === 'export');
      if (
        exported.status !== 'error' ||
        !exported.diagnostics.some((d) => d.code === 'nfs/root-not-exported')
      )
        throw new Error(`the export node is not red with nfs/root-not-exported:\n${describeNodes(nodes)}`);
      const wrong = disagreements(nodes, problems);
      if (wrong.length > 0) throw new Error(`${wrong.join('\n')}\nnodes:\n${describeNodes(nodes)}`);
    },
  );

  await check(`clicking the Kernel .config node opens ${CONFIG} at CONFIG_ROOT_NFS`, async () => {
    if (!frame) throw new Error('the boot chain view did not open');
    const line = lineOf(fs.readFileSync(path.join(workspace, CONFIG), 'utf8'), /^CONFIG_ROOT_NFS=/);
    await frame.locator('button.node[data-kind="kconfig"]').click();
    await page.locator('.tabs-container .tab.active[aria-label*="config-6.1"]').waitFor({ timeout: 15_000 });
    await workbench.poll(
      async () => (await page.locator('#status\\.editor\\.selection').innerText()).includes(`Ln ${line},`),
      {
        timeoutMs: 15_000,
        describe: async () =>
          `the cursor is at ${await page.locator('#status\\.editor\\.selection').innerText()}`,
      },
    );
    const still = await readChains(frame);
    if (still[0]?.name !== 'app1')
      throw new Error(`the view switched to ${JSON.stringify(still.map((c) => c.name))}`);
  });

  await check(
    'the Machines tree in the Explorer lists the machines of the workspace, expanded ones stay so',
    async () => {
      const { rows } = await treeRows(page, 'Machines');
      const expected = ['app1', 'domu1', 'web1'];
      let labels = [];
      await workbench.poll(
        async () => {
          labels = (await rows.allInnerTexts()).map((t) => t.trim());
          return expected.every((name) => labels.some((l) => l.startsWith(name)));
        },
        { timeoutMs: 30_000, describe: async () => `rows: ${JSON.stringify(labels)}` },
      );
      log(`machines: ${JSON.stringify(labels)}`);
      if (!labels.some((l) => l.startsWith('app1') && l.includes('192.168.2.12')))
        throw new Error(`app1 is not listed with its address 192.168.2.12: ${JSON.stringify(labels)}`);
      // Expanding a machine shows its chain's links (the list is virtual: the first ones are enough).
      // A click on an item with a command runs it; the twistie expands. A click that lands while the tree is
      // still being drawn is lost (seen once in CI): the twistie is clicked again while the row is collapsed,
      // as the explorer is expanded in workbench.js.
      const app1 = rows.filter({ hasText: '192.168.2.12' }).first();
      await workbench.poll(
        async () => {
          if ((await rows.allInnerTexts()).some((t) => t.startsWith('Static address'))) return true;
          if ((await app1.getAttribute('aria-expanded')) === 'false')
            await app1.locator('.monaco-tl-twistie').click();
          return false;
        },
        {
          timeoutMs: 15_000,
          intervalMs: 1_000,
          describe: async () => `rows: ${JSON.stringify(await rows.allInnerTexts())}`,
        },
      );
      // The tree refreshes whenever diagnostics change (typing): an expanded machine must stay expanded.
      await runCommand(page, 'Xen NFS Boot: Refresh Machines');
      await page.waitForTimeout(1_500);
      await workbench.poll(
        async () =>
          (await app1.getAttribute('aria-expanded')) === 'true' &&
          (await rows.allInnerTexts()).some((t) => t.startsWith('Static address')),
        {
          timeoutMs: 15_000,
          describe: async () =>
            `after a refresh, app1 expanded: ${await app1.getAttribute('aria-expanded')}, rows: ${JSON.stringify(await rows.allInnerTexts())}`,
        },
      );
      await screenshot(page, screenshotsDir, 'machines', log);
    },
  );
}

module.exports = { runBootChainChecks };
