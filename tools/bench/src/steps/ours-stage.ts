import { testConfig } from '@sparkify/config/testing';
import { stage, type StageStep } from '@sparkify/transform';
import { connect } from '@sparkify/warehouse';
import type { Job, JobResult } from './jobs.js';
import { MemorySampler } from './memory-sampler.js';

/** A Config aimed at one database URL and one local folder; everything else at its defaults. */
export const benchConfig = (url: string, dataDir = '.') =>
  testConfig({ target: { kind: 'postgres', url }, source: { kind: 'local', dir: dataDir, demo: false } });

/**
 * Our extract + stage, as `etl` runs it: one transaction, COPY FROM STDIN, ledger and load_errors. The stage's
 * progress callback timestamps its phases, which gives listing and per-table throughput without extra code paths.
 */
export async function oursStage(url: string, dataDir: string, job: Partial<Extract<Job, { kind: 'stage' }>> = {}): Promise<Omit<JobResult, 'maxRssKb'>> {
  const config = benchConfig(url, dataDir);
  const memory = job.sampleMemoryMs ? new MemorySampler(job.sampleMemoryMs) : undefined;
  const warehouse = await connect(config, { applicationName: 'sparkify-bench' });
  try {
    const phaseStart = new Map<StageStep, number>();
    const phaseEnd = new Map<StageStep, number>();
    let fileCount = 0;
    const started = performance.now();
    const report = await warehouse.begin((tx) =>
      stage(tx, config.source, {
        maxErrors: Number.MAX_SAFE_INTEGER,
        concurrency: config.etl.concurrency,
        ...(job.workers !== undefined ? { workers: job.workers } : {}),
        onProgress: (step, done, total) => {
          memory?.enter(step);
          const now = performance.now();
          if (!phaseStart.has(step)) phaseStart.set(step, now);
          phaseEnd.set(step, now);
          if (step === 'listing') fileCount = total;
        },
      }),
    );
    const ms = performance.now() - started;
    const peaks = memory?.stop();
    const span = (step: StageStep) => (phaseEnd.get(step) ?? 0) - (phaseStart.get(step) ?? 0);
    return {
      ms,
      rows: report.rows.staging_events + report.rows.staging_songs,
      extra: {
        files: fileCount,
        rejected: report.rejected.length,
        listingMs: span('listing'),
        songsMs: span('staging_songs'),
        eventsMs: span('staging_events'),
        songRows: report.rows.staging_songs,
        eventRows: report.rows.staging_events,
        ...(peaks ? { memory: JSON.stringify(peaks) } : {}),
      },
    };
  } finally {
    await warehouse.close();
  }
}
