// The command line: parses arguments, calls generate(), shows progress, prints a summary. Kept apart from main.ts
// so that tests can run it in-process.
import { Command, InvalidArgumentError } from 'commander';
import cliProgress from 'cli-progress';
import { generate, type GenerateReport } from './generate.js';
import { GenerateError, type GenerateProgress } from './options.js';

const integer = (name: string) => (value: string): number => {
  const n = Number(value.replaceAll('_', '').replaceAll(',', ''));
  if (!Number.isSafeInteger(n) || n < 0) throw new InvalidArgumentError(`${name} must be a whole number ≥ 0, got "${value}"`);
  return n;
};

const rate = (value: string): number => {
  const n = Number(value);
  if (!(n >= 0 && n <= 1)) throw new InvalidArgumentError(`must be a number from 0 to 1, got "${value}"`);
  return n;
};

export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly isTty: boolean;
}

const defaultIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  isTty: Boolean(process.stderr.isTTY),
};

function progressReporter(io: CliIo): { onProgress: (p: GenerateProgress) => void; stop: () => void } {
  if (io.isTty) {
    const bars = new cliProgress.MultiBar(
      { format: ' {phase} [{bar}] {percentage}% {value}/{total}', hideCursor: true, clearOnComplete: false },
      cliProgress.Presets.shades_classic,
    );
    const byPhase = new Map<string, cliProgress.SingleBar>();
    return {
      onProgress: (p) => {
        let bar = byPhase.get(p.phase);
        if (!bar) {
          bar = bars.create(p.total, 0, { phase: p.phase.padEnd(6) });
          byPhase.set(p.phase, bar);
        }
        bar.update(p.done);
      },
      stop: () => bars.stop(),
    };
  }
  // Not a terminal (CI, a pipe): one plain line per phase per 10 %.
  const shown = new Map<string, number>();
  return {
    onProgress: (p) => {
      const tenth = p.total === 0 ? 10 : Math.floor((p.done / p.total) * 10);
      if ((shown.get(p.phase) ?? -1) < tenth) {
        shown.set(p.phase, tenth);
        io.err(`${p.phase}: ${p.done}/${p.total}\n`);
      }
    },
    stop: () => {},
  };
}

function summary(r: GenerateReport): string {
  const mb = (bytes: number): string => (bytes / 1e6).toFixed(1) + ' MB';
  const pages = Object.entries(r.pages)
    .sort(([, a], [, b]) => (b ?? 0) - (a ?? 0))
    .map(([page, n]) => `${page} ${n}`)
    .join(', ');
  return [
    `wrote ${r.out}`,
    `  songs:  ${r.songFiles} files (${mb(r.songBytes)}, ${r.songFormat})`,
    `  events: ${r.events} in ${r.logFiles.length} day files (${mb(r.logBytes)}), ${r.sessions} sessions, ${r.activeUsers} users`,
    `  plays:  ${r.songPlays}, ${(r.matchRate * 100).toFixed(1)} % in the song files (asked ${(r.requestedMatchRate * 100).toFixed(1)} %)`,
    `  levels: ${r.upgrades} upgrades, ${r.downgrades} downgrades; quirks ${r.quirks ? 'on' : 'off'}`,
    `  pages:  ${pages}`,
    `  took ${(r.elapsedMs / 1000).toFixed(1)} s`,
    '',
  ].join('\n');
}

/** Runs the command; returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo = defaultIo): Promise<number> {
  const program = new Command('datagen')
    .description('Write synthetic Sparkify data (song_data/, log_data/, log_json_path.json) in the real format.')
    .requiredOption('--out <dir>', 'output folder')
    .option('--songs <n>', 'number of song files', integer('--songs'), 1000)
    .option('--events <n>', 'number of log events', integer('--events'), 10_000)
    .option('--seed <n>', 'random seed (same arguments → same bytes)', integer('--seed'), 1)
    .option('--match-rate <r>', 'share of plays whose song is in the song files', rate, 0.05)
    .option('--quirks', "add the real data's oddities (nulls, year 0, numbers as text, mojibake, …)", false)
    .option('--start-date <yyyy-mm-dd>', 'first day of the log (UTC)', '2018-11-01')
    .option('--days <n>', 'days the log spans', integer('--days'), 30)
    .option('--users <n>', 'number of listeners (default: events / 80)', integer('--users'))
    .option('--song-format <format>', 'compact (the S3 set) or spaced (the small set)', 'compact')
    .option('--force', 'replace song_data/, log_data/ and log_json_path.json if present', false)
    .option('--json', 'print one JSON summary instead of text', false)
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });
  try {
    program.parse([...argv], { from: 'user' });
  } catch (error) {
    const code = (error as { exitCode?: number }).exitCode;
    return typeof code === 'number' ? code : 2;
  }
  const o = program.opts<{
    out: string; songs: number; events: number; seed: number; matchRate: number; quirks: boolean; startDate: string;
    days: number; users?: number; songFormat: string; force: boolean; json: boolean;
  }>();
  if (o.songFormat !== 'compact' && o.songFormat !== 'spaced') {
    io.err(`error: --song-format must be compact or spaced, got "${o.songFormat}"\n`);
    return 2;
  }
  const progress = o.json ? undefined : progressReporter(io);
  try {
    const report = await generate({
      out: o.out,
      songs: o.songs,
      events: o.events,
      seed: o.seed,
      matchRate: o.matchRate,
      quirks: o.quirks,
      startDate: o.startDate,
      days: o.days,
      ...(o.users === undefined ? {} : { users: o.users }),
      songFormat: o.songFormat,
      overwrite: o.force,
      ...(progress ? { onProgress: progress.onProgress } : {}),
    });
    progress?.stop();
    io.out(o.json ? JSON.stringify(report) + '\n' : summary(report));
    return 0;
  } catch (error) {
    progress?.stop();
    if (error instanceof GenerateError) {
      io.err(`error: ${error.message}\n`);
      return 2;
    }
    io.err(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
