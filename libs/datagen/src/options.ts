// What generate() accepts, its defaults, and the checks that turn bad input into one readable error.
import { z } from 'zod';
import { MAX_SONGS, type SongFormat } from './catalog.js';

export interface GenerateProgress {
  readonly phase: 'songs' | 'events';
  readonly done: number;
  readonly total: number;
}

export interface GenerateOptions {
  /** Output folder; song_data/, log_data/ and log_json_path.json are written inside it. */
  readonly out: string;
  /** Number of song files. */
  readonly songs: number;
  /** Number of log events (lines), exactly. */
  readonly events: number;
  /** Any safe integer; the same options give byte-identical output. */
  readonly seed: number;
  /** Share of NextSong plays whose song is in the song files (default 0.05, like the real data). */
  readonly matchRate?: number;
  /** Add the real data's oddities (default false). */
  readonly quirks?: boolean;
  /** First day of the log, YYYY-MM-DD (UTC; default 2018-11-01, like the real data). */
  readonly startDate?: string;
  /** Number of days the log spans (default 30). */
  readonly days?: number;
  /** Number of listeners (default: about one per 80 events, at least 5, at most 50,000). */
  readonly users?: number;
  /** `compact`: the full S3 set's song files (default); `spaced`: the small set's (Python json.dumps). */
  readonly songFormat?: SongFormat;
  /** Replace song_data/, log_data/ and log_json_path.json if the folder already has them (default false). */
  readonly overwrite?: boolean;
  readonly onProgress?: (progress: GenerateProgress) => void;
}

/** A problem with the options or the output folder, with what to do about it. */
export class GenerateError extends Error {
  override readonly name = 'GenerateError';
}

const schema = z.object({
  out: z.string().min(1, 'give the output folder'),
  songs: z.number().int().min(1).max(MAX_SONGS),
  events: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  matchRate: z.number().min(0).max(1).default(0.05),
  quirks: z.boolean().default(false),
  startDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD')
    .refine((s) => !Number.isNaN(Date.parse(s + 'T00:00:00Z')) && new Date(s + 'T00:00:00Z').toISOString().startsWith(s), 'not a calendar date')
    .default('2018-11-01'),
  days: z.number().int().min(1).max(3660).default(30),
  users: z.number().int().min(1).max(10_000_000).optional(),
  songFormat: z.enum(['compact', 'spaced']).default('compact'),
  overwrite: z.boolean().default(false),
});

export type ResolvedOptions = z.output<typeof schema>;

export function resolveOptions(options: GenerateOptions): ResolvedOptions {
  const { onProgress: _ignored, ...plain } = options;
  const parsed = schema.safeParse(plain);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.') || 'options'}: ${i.message}`);
    throw new GenerateError(`invalid datagen options:\n${problems.join('\n')}`);
  }
  return parsed.data;
}
