import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from './chromium.js';

/** Renders each chart's SVG to `<dir>/<id>.png` at twice the pixel density, for slides and READMEs. */
export async function writeChartPngs(
  browser: Browser,
  charts: readonly { readonly id: string; readonly svg: string }[],
  dir: string,
): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const page = await browser.context.newPage();
  try {
    const paths: string[] = [];
    for (const chart of charts) {
      await page.setContent(`<!doctype html><html><body style="margin:0;background:#fff">${chart.svg}</body></html>`);
      const path = join(dir, `${chart.id}.png`);
      await page.locator('svg').first().screenshot({ path });
      paths.push(path);
    }
    return paths;
  } finally {
    await page.close();
  }
}

/** A full-page screenshot of a report file. */
export async function screenshotReport(browser: Browser, htmlPath: string, pngPath: string): Promise<void> {
  const page = await browser.context.newPage();
  try {
    await page.goto(pathToFileURL(htmlPath).href);
    await page.screenshot({ path: pngPath, fullPage: true });
  } finally {
    await page.close();
  }
}
