/** Peak memory seen in one phase of a step, in MB (from process.memoryUsage()). */
export interface MemoryPeak {
  readonly rss: number;
  readonly heapUsed: number;
  readonly heapTotal: number;
  readonly external: number;
  readonly arrayBuffers: number;
}

const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;

/**
 * Samples process.memoryUsage() on a timer and keeps, per phase, the sample with the highest RSS (so the
 * heap/external split shown is the one at that phase's peak). `resourceUsage().maxRSS` gives the true peak;
 * this says where it came from.
 */
export class MemorySampler {
  private readonly peaks = new Map<string, MemoryPeak>();
  private phase = 'start';
  private readonly timer: NodeJS.Timeout;

  constructor(everyMs: number) {
    this.timer = setInterval(() => this.sample(), everyMs);
    this.timer.unref();
  }

  enter(phase: string): void {
    if (phase === this.phase) return;
    this.sample();
    this.phase = phase;
    this.sample();
  }

  stop(): Record<string, MemoryPeak> {
    this.sample();
    clearInterval(this.timer);
    return Object.fromEntries(this.peaks);
  }

  private sample(): void {
    const m = process.memoryUsage();
    const prior = this.peaks.get(this.phase);
    if (prior && prior.rss >= mb(m.rss)) return;
    this.peaks.set(this.phase, { rss: mb(m.rss), heapUsed: mb(m.heapUsed), heapTotal: mb(m.heapTotal), external: mb(m.external), arrayBuffers: mb(m.arrayBuffers) });
  }
}
