// Entry point of one measured child process: runs the job given as JSON in argv[2], prints one result line.
// Each job loads only its own modules, so a step's peak RSS holds no code of the other steps.
import { RESULT_MARKER, type Job, type JobResult } from './jobs.js';

async function run(job: Job): Promise<Omit<JobResult, 'maxRssKb'>> {
  switch (job.kind) {
    case 'stage':
      return (await import('./ours-stage.js')).oursStage(job.url, job.dataDir, job);
    case 'transform':
      return (await import('./ours-transform.js')).oursTransform(job.url, job.captureFile);
    case 'check':
      return (await import('./ours-transform.js')).oursCheck(job.url);
    case 'duckdb': {
      const { duckdbStar } = await import('../baselines/duckdb-star.js');
      const started = performance.now();
      const counts = await duckdbStar(job.dataDir);
      return { ms: performance.now() - started, rows: counts.plays, extra: { ...counts } };
    }
    case 'insert': {
      const { insertPerRecord } = await import('../baselines/insert-per-record.js');
      const started = performance.now();
      const r = await insertPerRecord(job.url, job.dataDir, job.capMs);
      return {
        ms: performance.now() - started,
        rows: r.events.rows + r.songs.rows,
        extra: {
          eventRows: r.events.rows,
          eventMs: r.events.ms,
          eventsCapped: r.events.capped,
          songRows: r.songs.rows,
          songMs: r.songs.ms,
          songsCapped: r.songs.capped,
        },
      };
    }
  }
}

const job = JSON.parse(process.argv[2] ?? '{}') as Job;
try {
  const result = await run(job);
  const answer: JobResult = { ...result, maxRssKb: process.resourceUsage().maxRSS };
  process.stdout.write(RESULT_MARKER + JSON.stringify(answer) + '\n');
} catch (error) {
  process.stderr.write((error instanceof Error ? (error.stack ?? error.message) : String(error)) + '\n');
  process.exitCode = 1;
}
