import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { loadConfig, type Config } from '@sparkify/config';
import { createTempDatabase, describeWith, postgresServer, sharedData, type TempDatabase } from '@sparkify/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runEtl, summaryLines } from './index.js';

const server = await postgresServer();
const small = sharedData('sparkify-small');

describeWith(server, 'source files that are gone since they were staged', (adminUrl) => {
  describeWith(small, 'on a copy of the small real data set', (data) => {
    let db: TempDatabase;
    let source: string;
    let config: Config;
    beforeAll(async () => {
      db = await createTempDatabase(adminUrl, 'sparkify_gone');
      // A scratch copy outside the repository: the test deletes a file from it.
      source = mkdtempSync(join(tmpdir(), 'sparkify-gone-'));
      cpSync(data, source, { recursive: true });
      config = loadConfig({ env: {}, overrides: { databaseUrl: db.url, source } });
    });
    afterAll(async () => {
      await db.drop();
      rmSync(source, { recursive: true, force: true });
    });

    it('names them in the summary, says their plays stay, and --full-refresh drops them', async () => {
      const first = await runEtl(config);
      expect(first.steps.stage.gone).toEqual({ count: 0, sample: [] });
      expect(summaryLines(first).some((l) => l.startsWith('gone'))).toBe(false);

      const logs = readdirSync(join(source, 'log_data'), { recursive: true, withFileTypes: true }).filter((d) => d.isFile() && d.name.endsWith('.json'));
      const deleted = join(logs[0]!.parentPath, logs[0]!.name);
      rmSync(deleted);
      const key = relative(source, deleted);

      const second = await runEtl(config);
      expect(second.steps.stage.gone).toEqual({ count: 1, sample: [expect.stringContaining(key)] });
      expect(second.steps.stage.files.skipped).toBe(first.steps.stage.files.staged - 1);
      // Nothing was removed: the plays of the deleted file are still counted.
      expect(second.rows.songplays).toBe(first.rows.songplays);
      const lines = summaryLines(second);
      expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^gone +1 staged file\\(s\\) no longer in the source: .*${logs[0]!.name}`)));
      expect(lines).toContainEqual(expect.stringContaining('their plays stay in the warehouse; --full-refresh empties staging and reloads only the files that exist'));

      const refreshed = await runEtl(config, { fullRefresh: true });
      expect(refreshed.steps.stage.gone.count).toBe(0);
      expect(refreshed.rows.songplays).toBeLessThan(first.rows.songplays);
    }, 120_000);
  });
});
