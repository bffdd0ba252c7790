import { SparkifyError } from '@sparkify/cli';
import { existsSync } from 'node:fs';

// Kept apart from chromium.ts so that checking for the browser does not load playwright-core.

/** Debian's `chromium` package; override with SPARKIFY_CHROMIUM for another build. */
export const chromiumPath = (env: NodeJS.ProcessEnv = process.env): string => env['SPARKIFY_CHROMIUM'] ?? '/usr/bin/chromium';

/** A known failure (exit 3): the message says what to install. */
export class ChromiumMissingError extends SparkifyError {
  constructor(path: string) {
    super(
      `Chromium was not found at ${path}; it renders the PNG images. Install Debian's package ` +
        '(`sudo apt-get install -y chromium`) or set SPARKIFY_CHROMIUM to a Chromium or Chrome binary. ' +
        'The HTML report needs no browser: run without --format png.',
      'failed',
    );
  }
}

/** The browser's path, or a ChromiumMissingError that names the package to install. */
export function requireChromium(path: string = chromiumPath()): string {
  if (!existsSync(path)) throw new ChromiumMissingError(path);
  return path;
}
