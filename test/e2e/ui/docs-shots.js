// The README's screenshots (docs/images/*.png), taken by the ui stage when asked
// (`npm run screenshots`, or XEN_NFS_BOOT_DOCS_SCREENSHOTS=1 / --docs-screenshots): each one clipped to
// the part of the workbench it shows, so that the files stay small.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const MARGIN = 4;

/** The union of the bounding boxes of the first visible element of each selector. */
async function unionBox(page, selectors) {
  const boxes = [];
  for (const selector of selectors) {
    const box = await page
      .locator(selector)
      .first()
      .boundingBox({ timeout: 5_000 })
      .catch(() => null);
    if (box) boxes.push(box);
  }
  if (boxes.length === 0) return null;
  const x = Math.max(0, Math.min(...boxes.map((b) => b.x)) - MARGIN);
  const y = Math.max(0, Math.min(...boxes.map((b) => b.y)) - MARGIN);
  const right = Math.max(...boxes.map((b) => b.x + b.width)) + MARGIN;
  const bottom = Math.max(...boxes.map((b) => b.y + b.height)) + MARGIN;
  return { x, y, width: right - x, height: bottom - y };
}

/** A recorder of README screenshots into `dir`, or null when they were not asked for. */
function docsShots(dir, log) {
  if (!dir) return null;
  fs.mkdirSync(dir, { recursive: true });
  return {
    /** Saves `dir/<name>.png`, clipped to `selectors`; a failure is logged, never thrown. */
    async shot(page, name, selectors) {
      const file = path.join(dir, `${name}.png`);
      try {
        const clip = await unionBox(page, selectors);
        if (!clip) throw new Error(`nothing visible for ${selectors.join(', ')}`);
        await page.screenshot({ path: file, clip, timeout: 15_000 });
        log(`docs screenshot ${path.relative(process.cwd(), file)} (${fs.statSync(file).size} bytes)`);
      } catch (error) {
        log(`docs screenshot ${name} failed: ${error.message}`);
      }
    },
  };
}

module.exports = { docsShots };
