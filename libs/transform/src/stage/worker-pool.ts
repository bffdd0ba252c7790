import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { BatchJob, BatchResult } from './stage-encoder.js';

/** Default worker count: one core is left to the main thread (reading, COPY), and a few workers suffice. */
export function defaultWorkers(): number {
  return Math.max(1, Math.min(availableParallelism() - 1, 4));
}

/**
 * Where the worker's code is: beside this module once built by tsc (`stage-worker.js`), beside the app's bundle
 * (apps/esbuild-app.mjs emits `stage-worker.js` next to `main.js`, or one level up from its chunks), or the
 * TypeScript source when running from sources (vitest, the bench), which needs tsx to load.
 */
function workerEntry(): (() => Worker) | undefined {
  for (const path of ['./stage-worker.js', '../stage-worker.js']) {
    const url = new URL(path, import.meta.url);
    if (existsSync(fileURLToPath(url))) return () => new Worker(url, LIMITS);
  }
  const source = new URL('./stage-worker.ts', import.meta.url);
  if (!existsSync(fileURLToPath(source))) return undefined;
  // A worker's execArgv cannot carry `--import tsx` here; register tsx's loader inside the worker instead.
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href;
  const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(source.href)}); })`;
  return () => new Worker(code, { eval: true, ...LIMITS });
}

/** A small young generation: the worker's garbage is short-lived, and each worker's heap adds to the peak RSS. */
const LIMITS = { resourceLimits: { maxYoungGenerationSizeMb: 8 } };

interface Slot {
  readonly worker: Worker;
  readonly waiting: Map<number, { resolve: (r: BatchResult) => void; reject: (e: Error) => void }>;
}

type Reply = { ok: true; result: BatchResult } | { ok: false; id: number; message: string; stack?: string };

/** A fixed set of staging workers; batches go to the worker the caller names (a file's pieces share one). */
export class WorkerPool {
  private constructor(private readonly slots: readonly Slot[]) {}

  /** undefined when the worker's code cannot be found (the caller stages on the main thread). */
  static open(size: number): WorkerPool | undefined {
    const entry = workerEntry();
    if (!entry) return undefined;
    const slots = Array.from({ length: size }, (): Slot => {
      const worker = entry();
      const slot: Slot = { worker, waiting: new Map() };
      const failAll = (error: Error) => {
        for (const w of slot.waiting.values()) w.reject(error);
        slot.waiting.clear();
      };
      worker.on('message', (reply: Reply) => {
        const id = reply.ok ? reply.result.id : reply.id;
        const w = slot.waiting.get(id);
        slot.waiting.delete(id);
        if (!w) return;
        if (reply.ok) w.resolve(reply.result);
        else w.reject(Object.assign(new Error(reply.message), { stack: reply.stack ?? reply.message }));
      });
      worker.on('error', failAll);
      worker.on('exit', (code) => failAll(new Error(`a staging worker stopped (exit code ${code})`)));
      return slot;
    });
    return new WorkerPool(slots);
  }

  get size(): number {
    return this.slots.length;
  }

  /** Sends a batch (its bytes are transferred, not copied) to worker `index`; settles with its COPY text. */
  run(index: number, job: BatchJob): Promise<BatchResult> {
    const slot = this.slots[index % this.slots.length] as Slot;
    const result = new Promise<BatchResult>((resolve, reject) => slot.waiting.set(job.id, { resolve, reject }));
    result.catch(() => {}); // awaited in order by the caller; this only prevents "unhandled"
    slot.worker.postMessage(job, [job.bytes]);
    return result;
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
