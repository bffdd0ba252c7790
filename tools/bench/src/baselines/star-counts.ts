/** The counts that show two ways of building the star built the same one. */
export interface StarCounts {
  readonly plays: number;
  /** Plays that found their song. */
  readonly matched: number;
  readonly users: number;
  readonly artists: number;
  readonly songs: number;
  readonly times: number;
}

/** One row of StarCounts; plain SQL that PostgreSQL and DuckDB both run. */
export const starCountsSql = `select
  (select count(*) from songplays) as plays,
  (select count(song_id) from songplays) as matched,
  (select count(*) from users) as users,
  (select count(*) from artists) as artists,
  (select count(*) from songs) as songs,
  (select count(*) from time) as times`;

export const sameCounts = (a: StarCounts, b: StarCounts): boolean =>
  (Object.keys(a) as (keyof StarCounts)[]).every((k) => a[k] === b[k]);
