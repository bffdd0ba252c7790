import { parentPort } from 'node:worker_threads';
import { BatchEncoder, type BatchJob } from './stage-encoder.js';

/**
 * A staging worker: parses and encodes batches of file pieces (stage-encoder.ts) and hands the COPY text back,
 * transferring the buffers. Errors are reported per batch; the main thread decides what to do.
 */
const encoder = new BatchEncoder();
parentPort?.on('message', (job: BatchJob) => {
  try {
    const result = encoder.encode(job);
    parentPort?.postMessage({ ok: true, result }, result.chunks.map((c) => c.buffer));
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    parentPort?.postMessage({ ok: false, id: job.id, message: e.message, stack: e.stack });
  }
});
