import { describe, expect, it } from 'vitest';
import { checks } from './checks.js';

// The list the loader's summary counts ("20 of 20"), as it was written out by hand before it was derived from the
// declaration of the star tables; only the last check is bespoke.
const handWritten = [
  ['unique_songplays_songplay_id', 'songplays.(songplay_id) is unique'],
  ['not_null_songplays_songplay_id', 'songplays.songplay_id is never NULL'],
  ['unique_songplays_session_id_item_in_session', 'songplays.(session_id, item_in_session) is unique'],
  ['not_null_songplays_start_time', 'songplays.start_time is never NULL'],
  ['not_null_songplays_user_id', 'songplays.user_id is never NULL'],
  ['unique_users_user_id', 'users.(user_id) is unique'],
  ['not_null_users_user_id', 'users.user_id is never NULL'],
  ['unique_songs_song_id', 'songs.(song_id) is unique'],
  ['not_null_songs_song_id', 'songs.song_id is never NULL'],
  ['unique_artists_artist_id', 'artists.(artist_id) is unique'],
  ['not_null_artists_artist_id', 'artists.artist_id is never NULL'],
  ['unique_time_start_time', 'time.(start_time) is unique'],
  ['not_null_time_start_time', 'time.start_time is never NULL'],
  ['relationships_songplays_user_id__users', 'every non-NULL songplays.user_id is in users'],
  ['relationships_songplays_song_id__songs', 'every non-NULL songplays.song_id is in songs'],
  ['relationships_songplays_artist_id__artists', 'every non-NULL songplays.artist_id is in artists'],
  ['relationships_songplays_start_time__time', 'every non-NULL songplays.start_time is in time'],
  ['accepted_values_songplays_level', "songplays.level is 'free' or 'paid'"],
  ['accepted_values_users_level', "users.level is 'free' or 'paid'"],
  ['row_count_songplays__staged_next_song_keys', 'songplays has one row per distinct (session_id, item_in_session) of the staged NextSong events'],
];

describe('the data tests derived from our tables', () => {
  it('are the 20 hand-written checks, with the same names, descriptions and order', () => {
    expect(checks.map((c) => [c.name, c.description])).toEqual(handWritten);
  });
});
