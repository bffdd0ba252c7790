import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { chromiumPath, requireChromium } from './chromium-path.js';

export { ChromiumMissingError, chromiumPath, requireChromium } from './chromium-path.js';

/** Quiet, offline, disposable: no sandbox (containers run as root), no GPU, no phoning home, no sync. */
export const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

export interface Browser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/** Starts headless Chromium with a fresh profile folder, removed again on close. */
export async function launchChromium(options: { deviceScaleFactor?: number; path?: string } = {}): Promise<Browser> {
  const path = requireChromium(options.path ?? chromiumPath());
  const profile = mkdtempSync(join(tmpdir(), 'sparkify-chromium-'));
  try {
    // launchPersistentContext passes --user-data-dir itself (Playwright refuses it in `args`).
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: path,
      headless: true,
      args: [...chromiumFlags],
      viewport: { width: 1280, height: 900 },
      deviceScaleFactor: options.deviceScaleFactor ?? 1,
      offline: true,
    });
    return {
      context,
      async close() {
        try {
          await context.close();
        } finally {
          rmSync(profile, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}
