import type { TableDef } from './column-types.js';

/** The star schema, fact first: the tables the transform fills, the data tests check, and a `references` names. */
export const starTables = ['songplays', 'users', 'songs', 'artists', 'time'] as const;
export type StarTableName = (typeof starTables)[number];

/**
 * Every table of the warehouse, declared once. The Kysely `Database` type and the DDL of each dialect are
 * derived from this object, so it is the only place a column is named.
 *
 * VARCHAR widths are bytes, with head-room over the longest UTF-8 value in the real data (measured by
 * tables-fit-real-data.spec.ts): log text ≤ 159 B, song text ≤ 177 B, ids 18 B.
 */
export const tables = {
  /** One row per log event, columns in the order of log_json_path.json (COPY maps JSONPaths by position). */
  staging_events: {
    description: 'Raw app events, one row per log line, as COPY loads them.',
    columns: {
      artist: { type: 'varchar', bytes: 256 },
      auth: { type: 'varchar', bytes: 32 },
      first_name: { type: 'varchar', bytes: 128 },
      gender: { type: 'varchar', bytes: 8 },
      item_in_session: { type: 'integer' },
      last_name: { type: 'varchar', bytes: 128 },
      length: { type: 'double precision' },
      level: { type: 'varchar', bytes: 16 },
      location: { type: 'varchar', bytes: 256 },
      method: { type: 'varchar', bytes: 16 },
      page: { type: 'varchar', bytes: 64 },
      registration: { type: 'double precision' },
      session_id: { type: 'integer' },
      song: { type: 'varchar', bytes: 512 },
      status: { type: 'integer' },
      ts: { type: 'bigint' },
      user_agent: { type: 'varchar', bytes: 512 },
      // A number column, so that COPY itself (local and Redshift) rejects "abc", 1.5 or 99999999999 with file and line.
      user_id: { type: 'integer' },
      source_file: { type: 'varchar', bytes: 1024, description: 'File the row came from; NULL after a Redshift COPY.' },
      source_line: { type: 'integer', description: 'Line the record starts on; NULL after a Redshift COPY.' },
    },
    redshift: { distStyle: 'even' },
  },
  staging_songs: {
    description: 'Raw song metadata, one row per song file record.',
    columns: {
      num_songs: { type: 'integer' },
      artist_id: { type: 'varchar', bytes: 32 },
      artist_latitude: { type: 'double precision' },
      artist_longitude: { type: 'double precision' },
      artist_location: { type: 'varchar', bytes: 512 },
      artist_name: { type: 'varchar', bytes: 512 },
      song_id: { type: 'varchar', bytes: 32 },
      title: { type: 'varchar', bytes: 512 },
      duration: { type: 'double precision' },
      year: { type: 'integer' },
      source_file: { type: 'varchar', bytes: 1024, description: 'File the row came from; NULL after a Redshift COPY.' },
      source_line: { type: 'integer', description: 'Line the record starts on; NULL after a Redshift COPY.' },
    },
    redshift: { distStyle: 'even' },
  },
  songplays: {
    description: 'Fact: one row per NextSong event; song_id/artist_id are NULL when no song matched.',
    columns: {
      songplay_id: { type: 'bigint', notNull: true, identity: true },
      start_time: { type: 'timestamp', notNull: true, references: 'time' },
      user_id: { type: 'integer', notNull: true, references: 'users' },
      level: { type: 'varchar', bytes: 16, notNull: true, accepted: ['free', 'paid'] },
      song_id: { type: 'varchar', bytes: 32, references: 'songs' },
      artist_id: { type: 'varchar', bytes: 32, references: 'artists' },
      session_id: { type: 'integer', notNull: true },
      location: { type: 'varchar', bytes: 256 },
      user_agent: { type: 'varchar', bytes: 512 },
      item_in_session: { type: 'integer', notNull: true },
    },
    primaryKey: ['songplay_id'],
    unique: [['session_id', 'item_in_session']],
    // user_id, not song_id: most plays match no song, so song_id is mostly NULL and would pile on one slice.
    redshift: { distStyle: 'key', distKey: 'user_id', sortKey: ['start_time'] },
  },
  users: {
    description: 'Dimension: one row per user seen in the log, as of their latest event.',
    columns: {
      user_id: { type: 'integer', notNull: true },
      first_name: { type: 'varchar', bytes: 128 },
      last_name: { type: 'varchar', bytes: 128 },
      gender: { type: 'varchar', bytes: 8 },
      level: { type: 'varchar', bytes: 16, notNull: true, accepted: ['free', 'paid'] },
      last_seen: { type: 'timestamp', notNull: true, description: 'ts of the latest event; its level is `level`.' },
    },
    primaryKey: ['user_id'],
    redshift: { distStyle: 'all', sortKey: ['user_id'] },
  },
  songs: {
    description: 'Dimension: one row per song_id.',
    columns: {
      song_id: { type: 'varchar', bytes: 32, notNull: true },
      title: { type: 'varchar', bytes: 512, notNull: true },
      artist_id: { type: 'varchar', bytes: 32, notNull: true },
      year: { type: 'integer' },
      duration: { type: 'double precision' },
    },
    primaryKey: ['song_id'],
    redshift: { distStyle: 'all', sortKey: ['song_id'] },
  },
  artists: {
    description: 'Dimension: one row per artist_id (see the transform README for the rule when songs disagree).',
    columns: {
      artist_id: { type: 'varchar', bytes: 32, notNull: true },
      name: { type: 'varchar', bytes: 512, notNull: true },
      location: { type: 'varchar', bytes: 512 },
      latitude: { type: 'double precision' },
      longitude: { type: 'double precision' },
    },
    primaryKey: ['artist_id'],
    redshift: { distStyle: 'all', sortKey: ['artist_id'] },
  },
  time: {
    description: 'Dimension: one row per distinct songplays.start_time.',
    columns: {
      start_time: { type: 'timestamp', notNull: true },
      hour: { type: 'smallint', notNull: true },
      day: { type: 'smallint', notNull: true },
      week: { type: 'smallint', notNull: true, description: 'ISO 8601 week of the year.' },
      month: { type: 'smallint', notNull: true },
      year: { type: 'smallint', notNull: true },
      weekday: { type: 'smallint', notNull: true, description: '0 = Sunday … 6 = Saturday.' },
    },
    primaryKey: ['start_time'],
    // As many rows as plays, so not ALL: co-located with nothing, but sorted for range scans.
    redshift: { distStyle: 'key', distKey: 'start_time', sortKey: ['start_time'] },
  },
  load_errors: {
    description: 'Records a load skipped, with where and why.',
    columns: {
      file: { type: 'varchar', bytes: 1024, notNull: true },
      line: { type: 'integer' },
      reason: { type: 'varchar', bytes: 1024, notNull: true },
      raw: { type: 'varchar', bytes: 4096, description: 'The bad text, truncated.' },
      column: { type: 'varchar', bytes: 128 },
      loaded_at: { type: 'timestamp', notNull: true, default: 'now' },
    },
    redshift: { distStyle: 'even' },
  },
  load_ledger: {
    description: 'One row per staged file, so that no file is staged twice.',
    columns: {
      file: { type: 'varchar', bytes: 1024, notNull: true },
      bytes: { type: 'bigint', notNull: true },
      content_hash: { type: 'varchar', bytes: 128, notNull: true, description: 'sha256 (hex) or the S3 ETag.' },
      rows: { type: 'integer', notNull: true },
      loaded_at: { type: 'timestamp', notNull: true, default: 'now' },
    },
    primaryKey: ['file'],
    redshift: { distStyle: 'all', sortKey: ['file'] },
  },
} as const satisfies Record<string, TableDef<StarTableName>>;

export type Tables = typeof tables;
export type TableName = keyof Tables;
