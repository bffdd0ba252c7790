/**
 * @sparkify/analytics — typed Kysely queries over the Sparkify star schema.
 * Every query uses only SQL that PostgreSQL and Amazon Redshift both accept (no FILTER, DISTINCT ON,
 * generate_series; top-N limits are literals); zero-filling and user-agent grouping happen in TypeScript.
 * Each `fooQuery(db)` returns the Kysely builder (to compile, inspect or extend); `foo(db)` runs it and
 * returns plain numbers.
 */
export { collectInsights, type Insights, type InsightsOptions } from './insights.js';
export { playsByHour, playsByHourQuery, type HourCount } from './plays-by-hour.js';
export {
  playsByWeekday,
  playsByWeekdayQuery,
  weekdayNames,
  type WeekdayCount,
  type WeekdayName,
} from './plays-by-weekday.js';
export { playsPerDay, playsPerDayQuery, type DayCount } from './plays-per-day.js';
export { levelSplit, playsByLevelQuery, usersByLevelQuery, type LevelCount } from './level-split.js';
export { topSongs, topSongsQuery, type SongCount } from './top-songs.js';
export { topArtists, topArtistsQuery, type ArtistCount } from './top-artists.js';
export { topLocations, topLocationsQuery, type LocationCount } from './top-locations.js';
export { clientSplit, playsByUserAgentQuery, type ClientSplit, type NamedCount } from './clients.js';
export { classifyUserAgent, type ClientKind } from './user-agent.js';
export { genderSplit, genderSplitQuery, type GenderCount } from './gender-split.js';
export { sessionStats, playsPerSessionQuery, sessionsPerUserQuery, medianOf, type SessionStats } from './sessions.js';
export { coverage, coverageQuery, type Coverage } from './coverage.js';
export { datasetFacts, playFactsQuery, ledgerFactsQuery, type DatasetFacts } from './dataset-facts.js';
export {
  loadErrorSummary,
  errorsByReasonQuery,
  errorsByFileQuery,
  errorSampleQuery,
  type LoadErrorSummary,
  type LoadErrorSample,
} from './load-errors.js';
export { toNumber, share } from './numbers.js';
