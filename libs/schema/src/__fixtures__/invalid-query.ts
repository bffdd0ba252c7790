// Must NOT type-check: each query below has exactly one mistake (compiled by type-checking.spec.ts).
import { Kysely, PostgresDialect } from 'kysely';
import type { Database } from '../index.js';

declare const dialect: PostgresDialect;
const db = new Kysely<Database>({ dialect });

// 1. a column that does not exist
export const missingColumn = db.selectFrom('songplays').select(['songplays.song_title']);

// 2. a value of the wrong type (session_id is an INTEGER)
export const wrongType = db.selectFrom('songplays').selectAll().where('session_id', '=', 'one hundred');

// 3. a table that does not exist
export const unknownTable = db.selectFrom('song_plays').selectAll();
