import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, type Config } from '@sparkify/config';
import { createTempDatabase, describeWith, postgresServer, sharedData, type TempDatabase } from '@sparkify/testing';
import { connect, existingTables } from '@sparkify/warehouse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MissingTables, runCheck, runCreateTables, runEtl, runStage, runTransform, type PipelineEvent } from './index.js';

const server = await postgresServer();
const small = sharedData('sparkify-small');

/** Plays counted straight from the source files, to compare with what the pipeline loaded. */
function playsIn(dir: string): number {
  const logs = readdirSync(join(dir, 'log_data'), { recursive: true, withFileTypes: true }).filter((d) => d.isFile() && d.name.endsWith('.json'));
  return logs
    .flatMap((d) => readFileSync(join(d.parentPath, d.name), 'utf8').split('\n'))
    .filter((l) => l.trim() !== '' && (JSON.parse(l) as { page: string }).page === 'NextSong').length;
}

async function tablesIn(config: Config): Promise<string[]> {
  const wh = await connect(config);
  try {
    return await existingTables(wh);
  } finally {
    await wh.close();
  }
}

describeWith(server, 'runEtl on the PostgreSQL server', (adminUrl) => {
  describeWith(small, 'with the small real data set', (source) => {
    let db: TempDatabase;
    let config: Config;
    beforeAll(async () => {
      db = await createTempDatabase(adminUrl, 'sparkify_pipeline');
      config = loadConfig({ env: {}, overrides: { databaseUrl: db.url, source } });
    });
    afterAll(() => db.drop());

    it('an abort stops the run and rolls it back: not even the tables stay', async () => {
      const controller = new AbortController();
      const seen: PipelineEvent[] = [];
      const run = runEtl(config, {
        signal: controller.signal,
        onProgress: (e) => {
          seen.push(e);
          if (e.kind === 'stage' && e.step === 'staging_events' && e.filesDone === 1) controller.abort();
        },
      });
      await expect(run).rejects.toMatchObject({ name: 'AbortError' });
      expect(seen.some((e) => e.kind === 'message' && /creating \d+ missing table/.test(e.message))).toBe(true);
      expect(await tablesIn(config)).toEqual([]);
    });

    it('an already aborted signal stops before connecting', async () => {
      await expect(runEtl(config, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
    });

    it('a step alone refuses a warehouse without tables, naming them', async () => {
      const error: unknown = await runTransform(config).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MissingTables);
      expect((error as MissingTables).missing).toContain('songplays');
    });

    it('loads everything and returns the summary loader etl --json prints', async () => {
      const events: PipelineEvent[] = [];
      const summary = await runEtl(config, { onProgress: (e) => events.push(e) });
      expect(summary.rows.songplays).toBe(playsIn(source));
      expect(summary.tablesCreated).toContain('songplays');
      expect(summary.rejected).toEqual({ count: 0, sample: [] });
      expect(summary.steps.check.passed).toBe(true);
      expect(summary.target).toMatch(/^PostgreSQL .* at 127\.0\.0\.1/);
      expect(JSON.parse(JSON.stringify(summary))).toEqual(summary); // plain JSON data
      expect(events.filter((e) => e.kind === 'stage').length).toBeGreaterThan(2);
    });

    it('maxErrors and fullRefresh reach staging: a full refresh stages every file again, no duplicates', async () => {
      const again = await runEtl(config, { fullRefresh: true, maxErrors: 5 });
      expect(again.steps.stage.files.skipped).toBe(0);
      expect(again.steps.stage.files.staged).toBeGreaterThan(0);
      expect(again.rows.songplays).toBe(playsIn(source));
    });

    it('the single steps run one at a time', async () => {
      expect((await runCreateTables(config)).created).toEqual([]);
      expect((await runStage(config)).stage.files.staged).toBe(0);
      expect((await runTransform(config)).transform.songplays.total).toBe(playsIn(source));
      expect((await runCheck(config)).checks.passed).toBe(true);
    });
  });
});

describe('runEtl without a reachable warehouse', () => {
  it('rejects with a message naming the target, not a stack', async () => {
    const config = loadConfig({ env: {}, overrides: { databaseUrl: 'postgres://nobody@127.0.0.1:1/none', source: '/nonexistent' } });
    await expect(runEtl(config)).rejects.toThrow(/127\.0\.0\.1:1/);
  });
});
