import type { Kysely } from 'kysely';
import type { Database } from '@sparkify/schema';
import { clientSplit, type ClientSplit } from './clients.js';
import { coverage, type Coverage } from './coverage.js';
import { datasetFacts, type DatasetFacts } from './dataset-facts.js';
import { genderSplit, type GenderCount } from './gender-split.js';
import { levelSplit, type LevelCount } from './level-split.js';
import { loadErrorSummary, type LoadErrorSummary } from './load-errors.js';
import { playsByHour, type HourCount } from './plays-by-hour.js';
import { playsByWeekday, type WeekdayCount } from './plays-by-weekday.js';
import { playsPerDay, type DayCount } from './plays-per-day.js';
import { sessionStats, type SessionStats } from './sessions.js';
import { topArtists, type ArtistCount } from './top-artists.js';
import { topLocations, type LocationCount } from './top-locations.js';
import { topSongs, type SongCount } from './top-songs.js';

/** Every answer the report shows, as plain data. */
export interface Insights {
  readonly facts: DatasetFacts;
  readonly playsByHour: HourCount[];
  readonly playsByWeekday: WeekdayCount[];
  readonly playsPerDay: DayCount[];
  readonly levels: LevelCount[];
  readonly topSongs: SongCount[];
  readonly topArtists: ArtistCount[];
  readonly topLocations: LocationCount[];
  readonly clients: ClientSplit;
  readonly genders: GenderCount[];
  readonly sessions: SessionStats;
  readonly coverage: Coverage;
  readonly loadErrors: LoadErrorSummary;
}

export interface InsightsOptions {
  /** Rows in each top-N list (default 10). */
  readonly top?: number;
}

/**
 * Runs every query. Sequential on purpose: a Warehouse may be a single connection (or a transaction), and the
 * queries are small aggregates, so parallelism would buy little.
 */
export async function collectInsights(db: Kysely<Database>, options: InsightsOptions = {}): Promise<Insights> {
  const top = options.top ?? 10;
  return {
    facts: await datasetFacts(db),
    playsByHour: await playsByHour(db),
    playsByWeekday: await playsByWeekday(db),
    playsPerDay: await playsPerDay(db),
    levels: await levelSplit(db),
    topSongs: await topSongs(db, { limit: top }),
    topArtists: await topArtists(db, { limit: top }),
    topLocations: await topLocations(db, { limit: top }),
    clients: await clientSplit(db),
    genders: await genderSplit(db),
    sessions: await sessionStats(db),
    coverage: await coverage(db),
    loadErrors: await loadErrorSummary(db),
  };
}
