import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '@sparkify/schema';
import * as analytics from './index.js';

// Compiles every query without a database, as the Redshift target would receive it.
const db = new Kysely<Database>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new PostgresIntrospector(k),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

const compiled: Record<string, string> = {
  playsByHour: analytics.playsByHourQuery(db).compile().sql,
  playsByWeekday: analytics.playsByWeekdayQuery(db).compile().sql,
  playsPerDay: analytics.playsPerDayQuery(db).compile().sql,
  playsByLevel: analytics.playsByLevelQuery(db).compile().sql,
  usersByLevel: analytics.usersByLevelQuery(db).compile().sql,
  topSongs: analytics.topSongsQuery(db, 10).compile().sql,
  topArtists: analytics.topArtistsQuery(db, 10).compile().sql,
  topLocations: analytics.topLocationsQuery(db, 10).compile().sql,
  playsByUserAgent: analytics.playsByUserAgentQuery(db).compile().sql,
  genderSplit: analytics.genderSplitQuery(db).compile().sql,
  playsPerSession: analytics.playsPerSessionQuery(db).compile().sql,
  sessionsPerUser: analytics.sessionsPerUserQuery(db).compile().sql,
  coverage: analytics.coverageQuery(db).compile().sql,
  playFacts: analytics.playFactsQuery(db).compile().sql,
  ledgerFacts: analytics.ledgerFactsQuery(db).compile().sql,
  errorsByReason: analytics.errorsByReasonQuery(db, 10).compile().sql,
  errorsByFile: analytics.errorsByFileQuery(db, 10).compile().sql,
  errorSample: analytics.errorSampleQuery(db, 10).compile().sql,
};

// PostgreSQL features Redshift rejects (https://docs.aws.amazon.com/redshift/latest/dg/c_unsupported-postgresql-features.html).
const notOnRedshift: readonly (readonly [RegExp, string])[] = [
  [/\bfilter\s*\(/i, 'aggregate FILTER clause'],
  [/\bdistinct\s+on\b/i, 'DISTINCT ON'],
  [/\bgenerate_series\b/i, 'generate_series'],
  [/\bon\s+conflict\b/i, 'ON CONFLICT'],
  [/\blateral\b/i, 'LATERAL'],
  [/\bilike\s+any\b|\barray\[|\bunnest\b|\bjsonb?\b/i, 'arrays or JSON types'],
  [/\blimit\s+\$\d/i, 'a bound LIMIT parameter (we keep limits literal)'],
];

describe('analytics SQL is portable to Redshift', () => {
  it.each(Object.entries(compiled))('%s uses no PostgreSQL-only feature', (_name, text) => {
    for (const [pattern, feature] of notOnRedshift) expect(text, `${feature} in: ${text}`).not.toMatch(pattern);
  });

  it('writes top-N limits as literals and keeps the golden text of one query', () => {
    expect(compiled['topSongs']).toBe(
      'select "s"."song_id", "s"."title", "a"."name" as "artist", count(*) as "plays" from "songplays" as "sp" ' +
        'inner join "songs" as "s" on "s"."song_id" = "sp"."song_id" ' +
        'left join "artists" as "a" on "a"."artist_id" = "s"."artist_id" ' +
        'group by "s"."song_id", "s"."title", "a"."name" order by "plays" desc, "s"."title", "s"."song_id" limit 10',
    );
  });

  it('qualifies every table with the schema when asked', () => {
    const text = analytics.coverageQuery(db.withSchema('sparkify')).compile().sql;
    expect(text).toContain('from "sparkify"."songplays"');
    expect(text).toContain('left join "sparkify"."time"');
  });
});
