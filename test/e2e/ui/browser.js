// Debian's Chromium, headless, driven by playwright-core; one fresh profile per launch.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches Chromium with its profile and home inside the sandbox; `close()` also removes the profile. */
async function launchBrowser({ executablePath, sandbox }) {
  const profile = fs.mkdtempSync(path.join(sandbox.dirs.browserProfiles, 'profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: CHROMIUM_FLAGS,
    env: sandbox.env,
    viewport: { width: 1440, height: 1000 },
    timeout: 60_000,
  });
  context.setDefaultTimeout(30_000);
  const page = context.pages()[0] || (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close().catch(() => {});
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The URL of the workbench with `folder` open, plus the payload entries (dev paths and such). */
function workbenchUrl(baseUrl, folder, payload = []) {
  const params = new URLSearchParams({ folder });
  if (payload.length > 0) params.set('payload', JSON.stringify(payload));
  return `${baseUrl}/?${params}`;
}

/** Screenshot to a fixed path; never throws (a missing screenshot must not hide the real failure). */
async function screenshot(page, dir, name, log) {
  const file = path.join(dir, `${name}.png`);
  try {
    await page.screenshot({ path: file, timeout: 15_000 });
    log?.(`screenshot ${path.relative(process.cwd(), file)}`);
  } catch (error) {
    log?.(`screenshot ${name} failed: ${error.message}`);
  }
}

module.exports = { launchBrowser, workbenchUrl, screenshot };
