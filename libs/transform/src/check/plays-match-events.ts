import { sql } from 'kysely';
import type { Check, FailingRows } from './check.js';

/**
 * One play per staged NextSong key, as the transform's rules say: events sharing (session_id, item_in_session)
 * (the same event in two files, or two events given one key) are one play; events no play can hold were set aside
 * into load_errors by the transform, so what is staged is exactly what the rules keep.
 */
export const playsMatchEvents: Check = {
  name: 'row_count_songplays__staged_next_song_keys',
  description: 'songplays has one row per distinct (session_id, item_in_session) of the staged NextSong events',
  failing: (db) =>
    db
      .selectFrom(
        db
          .selectNoFrom([
            db.selectFrom('songplays').select(sql<string>`count(*)`.as('n')).as('songplays'),
            db
              .selectFrom(
                db
                  .selectFrom('staging_events')
                  .where('page', '=', sql.lit('NextSong'))
                  .select(['session_id', 'item_in_session'])
                  .distinct()
                  .as('next_song_keys'),
              )
              .select(sql<string>`count(*)`.as('n'))
              .as('next_song_keys'),
          ])
          .as('counts'),
      )
      .selectAll()
      .where(sql<boolean>`counts.songplays <> counts.next_song_keys`) as FailingRows,
};
