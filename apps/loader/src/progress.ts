import cliProgress from 'cli-progress';
import type { PipelineEvent } from '@sparkify/pipeline';
import type { StageProgress, StageStep } from '@sparkify/transform';
import type { Io } from '@sparkify/cli';

const stepNames: Record<StageStep, string> = {
  listing: 'listing files',
  checking: 'checking the ledger',
  staging_songs: 'staging songs',
  staging_events: 'staging events',
  recording: 'recording the ledger',
};

/**
 * Progress on stderr: a cli-progress bar per stage step on a terminal (files, rows, rows/s); elsewhere plain
 * lines, at most one every few seconds per step, so CI logs stay short.
 */
export class Progress {
  private bar: cliProgress.SingleBar | undefined;
  private step: StageStep | undefined;
  private stepStarted = 0;
  private rowsAtStart = 0;
  private lastLine = 0;

  constructor(
    private readonly io: Io,
    private readonly quiet = false,
    private readonly lineIntervalMs = 5000,
  ) {}

  private get tty(): boolean {
    return this.io.stderr.isTTY === true;
  }

  /** A plain message line (never on stdout). */
  log(message: string): void {
    if (this.quiet) return;
    this.endBar();
    this.io.stderr.write(message + '\n');
  }

  /** The pipeline's progress callback. */
  readonly event = (e: PipelineEvent): void => (e.kind === 'message' ? this.log(e.message) : this.stage(e.step, e.filesDone, e.filesTotal, e.rows));

  readonly stage: StageProgress = (step, filesDone, filesTotal, rows) => {
    if (this.quiet) return;
    const now = Date.now();
    if (step !== this.step) {
      this.endBar();
      this.step = step;
      this.stepStarted = now;
      this.rowsAtStart = rows;
      this.lastLine = 0;
      if (this.tty) {
        this.bar = new cliProgress.SingleBar(
          {
            stream: this.io.stderr,
            format: `${stepNames[step].padEnd(20)} [{bar}] {value}/{total} files | {rows} rows | {rate} rows/s`,
            hideCursor: true,
            clearOnComplete: false,
          },
          cliProgress.Presets.shades_classic,
        );
        this.bar.start(filesTotal, 0, { rows: 0, rate: 0 });
      }
    }
    const seconds = Math.max((now - this.stepStarted) / 1000, 0.001);
    const rate = Math.round((rows - this.rowsAtStart) / seconds); // rows is the whole run's; the rate is this step's
    if (this.bar) {
      this.bar.setTotal(filesTotal);
      this.bar.update(filesDone, { rows, rate });
    } else if (now - this.lastLine >= this.lineIntervalMs || filesDone === filesTotal) {
      if (filesDone === filesTotal && this.lastLine === -1) return; // the step's last line is already out
      this.lastLine = filesDone === filesTotal ? -1 : now;
      this.io.stderr.write(`${stepNames[step]}: ${filesDone}/${filesTotal} files, ${rows} rows (${rate} rows/s)\n`);
    }
  };

  /** Ends the current step's bar, if any (before any other output). */
  endBar(): void {
    this.bar?.stop();
    this.bar = undefined;
    this.step = undefined;
  }
}
