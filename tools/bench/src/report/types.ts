import type { StarCounts } from '../baselines/star-counts.js';

/** The shapes the benchmark reports: one `StepMeasure` per timed step, gathered per data set and database. */

export interface StepMeasure {
  /** Wall time of the work itself, measured inside the process that did it (no process start-up). */
  readonly ms: number;
  /** Wall time from spawning the process to its exit (start-up, module loading and the work). */
  readonly processMs: number;
  /** Peak resident set size of that process, in MB. */
  readonly peakRssMb: number;
  /** Rows the step wrote (staged rows, star rows, or checked rows). */
  readonly rows: number;
  readonly rowsPerSec: number;
}

export interface DatasetInfo {
  readonly name: string;
  readonly dir: string;
  readonly events: number;
  readonly songs: number;
  readonly logFiles: number;
  readonly songFiles: number;
  readonly bytes: number;
}

export interface TargetInfo {
  readonly name: 'server' | 'embedded';
  /** e.g. "PostgreSQL 15.20"; never a URL or password. */
  readonly version: string;
  /** Time to create the fresh database (and, embedded, to initialise and start the cluster). */
  readonly setupMs: number;
}

/** Our ETL, each step in its own child process. */
export interface OursMeasure {
  readonly stage: StepMeasure;
  readonly transform: StepMeasure;
  readonly check: StepMeasure;
  /** Sum of the three steps' work. */
  readonly totalMs: number;
  readonly loadErrors: number;
  readonly checksFailed: number;
}

/** Baseline 1: the same staged rows through `psql \copy`, the same transform SQL through `psql -f`. */
export interface LimitMeasure {
  readonly copy: StepMeasure;
  readonly transformSql: StepMeasure;
  /** Statements captured from our transform and replayed. */
  readonly statements: number;
  /** True when the replayed SQL produced exactly the star-table row counts our transform produced. */
  readonly sameResult: boolean;
}

/** Baseline 2: one INSERT statement per record, one round trip each, stopped after a time cap. */
export interface InsertMeasure {
  readonly rows: number;
  readonly ms: number;
  readonly rowsPerSec: number;
  readonly peakRssMb: number;
  /** True when the cap stopped it before every record was inserted. */
  readonly capped: boolean;
  /** Time it would take for every staged record at the measured rate. */
  readonly projectedMs: number;
}

/** Baseline 3: a minimal hand-written set-based SQL building the same star from the same staged rows. */
export interface MinimalSqlMeasure {
  /** psql -1 -f of the minimal SQL on freshly \copy'd staged rows (start-up of psql included, ~10 ms). */
  readonly ms: number;
  readonly peakRssMb: number;
  readonly counts: StarCounts;
  /** True when it gave the same plays, matched plays, users, artists, songs and time rows as our transform. */
  readonly sameCounts: boolean;
}

/** Baseline 4: DuckDB reading the same JSON files and building the same star in memory, tuned. */
export interface DuckdbMeasure {
  /** The work inside the process (reading the JSON and building the star). */
  readonly ms: number;
  /** Spawn to exit, as our `etl end to end` is measured. */
  readonly processMs: number;
  readonly peakRssMb: number;
  readonly counts: StarCounts;
  readonly sameCounts: boolean;
}

export interface Ratios {
  /** Our stage time / `psql \copy` time (target ≤ 1.5 at 1M events). */
  readonly stageVsCopy: number;
  /** Our transform time / the same SQL through psql (target ≤ 1.2). */
  readonly transformVsSql: number;
  /** Our stage time / the INSERT-per-record loader's projected time (below 1 means we are faster). */
  readonly stageVsInsert: number;
  /** Our transform time / the minimal hand-written SQL (target ≤ 1.5 at 1M events). */
  readonly transformVsMinimalSql: number;
  /** Our `loader etl` process / the DuckDB process, both spawn to exit (NaN when DuckDB was not run). */
  readonly etlVsDuckdb: number;
}

export interface RunResult {
  readonly dataset: DatasetInfo;
  readonly target: TargetInfo;
  readonly ours: OursMeasure;
  readonly limit: LimitMeasure;
  readonly insertPerRecord: InsertMeasure;
  /** `loader etl` as a user runs it: one process (start-up included), one transaction, fresh database. */
  readonly endToEnd: { readonly ms: number; readonly peakRssMb: number };
  readonly ratios: Ratios;
  readonly starRows: Readonly<Record<string, number>>;
  /** Our star's counts, the reference the minimal SQL and DuckDB are checked against. */
  readonly starCounts: StarCounts;
  readonly minimalSql: MinimalSqlMeasure;
  /** Run once per data set (it needs no database) and shown beside each target's run; absent with --no-duckdb. */
  readonly duckdb?: DuckdbMeasure;
  /** Phases of our stage, from its progress callback. */
  readonly stageDetail: StageDetail;
}

export interface StageDetail {
  readonly files: number;
  readonly listingMs: number;
  /** Reading, parsing and COPYing the song files (one record each). */
  readonly songsMs: number;
  readonly eventsMs: number;
}

/** Many small files: listing and reading them, ours (phases of our stage) versus the bare tools. */
export interface FileReadResult {
  readonly dataset: string;
  readonly files: number;
  readonly songFiles: number;
  readonly bytes: number;
  /** `find … -type f` (listing only). */
  readonly findListMs: number;
  /** `find … -type f -exec cat {} + > /dev/null` (listing and reading every byte). */
  readonly findCatMs: number;
  /** Our stage's listing phase (names and sizes of every file). */
  readonly oursListMs: number;
  /** Our stage's song phase: reading, parsing and COPYing the one-record song files. */
  readonly oursSongsMs: number;
  readonly findCatFilesPerSec: number;
  readonly oursSongFilesPerSec: number;
  /** oursListMs / findListMs. */
  readonly listRatio: number;
  /** find+cat files/s ÷ our song files/s: how many times slower than the bare read we handle a file. */
  readonly readRatio: number;
}

export interface Machine {
  readonly cores: number;
  readonly cpu: string;
  readonly ramGb: number;
  readonly node: string;
  readonly os: string;
  readonly serverVersion: string;
  readonly embeddedVersion: string;
}

export interface BenchReport {
  readonly mode: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly machine: Machine;
  /** Runs of each step; the fastest is reported. */
  readonly repeat: number;
  /** 1-minute load average when the run started and ended (the machine may be shared; 2 cores). */
  readonly loadAverage: { readonly start: number; readonly end: number };
  readonly runs: readonly RunResult[];
  readonly fileReads: readonly FileReadResult[];
  /** Growth of our total time between generated sizes (100k → 1M → 5M): time ratio / size ratio (1 = linear). */
  readonly slopes: readonly Slope[];
}

export interface Slope {
  readonly target: string;
  readonly from: string;
  readonly to: string;
  readonly sizeRatio: number;
  readonly timeRatio: number;
  /** timeRatio / sizeRatio: 1.0 is perfectly linear. */
  readonly linearity: number;
}
