#!/usr/bin/env node
// Renders images/icon.svg (drawn for this project) to images/icon.png, 128×128 with a transparent
// background, in headless Chromium (playwright-core, the same browser as the end-to-end tests).
// Usage: node scripts/make-icon.js   (E2E_CHROMIUM=/path/to/chromium to use another Chromium)
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');

const SIZE = 128;
const images = path.join(__dirname, '..', 'images');

async function main() {
  const svg = fs.readFileSync(path.join(images, 'icon.svg'), 'utf8');
  const browser = await chromium.launch({
    executablePath: process.env.E2E_CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE } });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
    const out = path.join(images, 'icon.png');
    await page.screenshot({
      path: out,
      omitBackground: true,
      clip: { x: 0, y: 0, width: SIZE, height: SIZE },
    });
    console.log(`${path.relative(process.cwd(), out)}: ${fs.statSync(out).size} bytes`);
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
