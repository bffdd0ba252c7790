import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { guardDriver, isDriverWriteAfterClose } from './driver-guard.js';

const root = resolve(import.meta.dirname, '../../..');
const child = (which: 'driver' | 'other') =>
  spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../test/guard-child.ts'), which], {
    cwd: root,
    env: { ...process.env, TSX_TSCONFIG_PATH: join(root, 'tsconfig.base.json') },
    encoding: 'utf8',
  });

describe('the postgres.js write-after-close guard', () => {
  it('recognises exactly the driver failure', () => {
    const driver = new TypeError("Cannot read properties of null (reading 'write')");
    driver.stack = `${driver.message}\n    at nextWrite (/app/node_modules/postgres/cjs/src/connection.js:255:22)`;
    expect(isDriverWriteAfterClose(driver)).toBe(true);
    const elsewhere = new TypeError(driver.message);
    elsewhere.stack = `${driver.message}\n    at ours (/app/libs/x.js:1:1)`;
    expect(isDriverWriteAfterClose(elsewhere)).toBe(false);
    const otherMessage = new TypeError("Cannot read properties of null (reading 'end')");
    otherMessage.stack = `x\n    at nextWrite (/app/node_modules/postgres/src/connection.js:1:1)`;
    expect(isDriverWriteAfterClose(otherMessage)).toBe(false);
  });

  it('keeps the driver failure from killing the process', () => {
    const result = child('driver');
    expect(result.stdout).toContain('driver failure seen');
    expect(result.stdout).toContain('still running; swallowed 1');
    expect(result.status).toBe(0);
  }, 30_000);

  it('lets any other uncaught exception crash the process as it would have', () => {
    const result = child('other');
    expect(result.stdout).not.toContain('still running');
    expect(result.stderr).toContain("TypeError: Cannot read properties of null (reading 'write')");
    expect(result.status).toBe(1);
  }, 30_000);

  it('restores the listeners it displaced when the last session ends', () => {
    const before = process.listeners('uncaughtException');
    const a = guardDriver(() => {});
    const b = guardDriver(() => {});
    expect(process.listeners('uncaughtException')).toHaveLength(1);
    a();
    a(); // twice is harmless
    expect(process.listeners('uncaughtException')).toHaveLength(1);
    b();
    expect(process.listeners('uncaughtException')).toEqual(before);
  });
});
