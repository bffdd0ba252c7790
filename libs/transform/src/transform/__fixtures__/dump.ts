import type postgres from 'postgres';

/** Every star table, fully, in key order: two dumps are equal only if the tables are. */
export async function dumpStar(sql: postgres.Sql, options: { withSongplayId?: boolean } = {}) {
  const songplays = await sql`select * from songplays order by session_id, item_in_session`;
  return {
    songplays: songplays.map((r) => (options.withSongplayId === false ? { ...r, songplay_id: undefined } : { ...r })),
    users: [...(await sql`select * from users order by user_id`)],
    songs: [...(await sql`select * from songs order by song_id`)],
    artists: [...(await sql`select * from artists order by artist_id`)],
    time: [...(await sql`select * from time order by start_time`)],
  };
}
