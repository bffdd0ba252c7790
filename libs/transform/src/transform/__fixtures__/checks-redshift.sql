-- unique_songplays_songplay_id
select "songplay_id" as "songplay_id", count(*) as "copies" from "public"."songplays" group by "songplay_id" having count(*) > 1;

-- not_null_songplays_songplay_id
select * from "public"."songplays" where "songplay_id" is null;

-- unique_songplays_session_id_item_in_session
select "session_id" as "session_id", "item_in_session" as "item_in_session", count(*) as "copies" from "public"."songplays" group by "session_id", "item_in_session" having count(*) > 1;

-- not_null_songplays_start_time
select * from "public"."songplays" where "start_time" is null;

-- not_null_songplays_user_id
select * from "public"."songplays" where "user_id" is null;

-- unique_users_user_id
select "user_id" as "user_id", count(*) as "copies" from "public"."users" group by "user_id" having count(*) > 1;

-- not_null_users_user_id
select * from "public"."users" where "user_id" is null;

-- unique_songs_song_id
select "song_id" as "song_id", count(*) as "copies" from "public"."songs" group by "song_id" having count(*) > 1;

-- not_null_songs_song_id
select * from "public"."songs" where "song_id" is null;

-- unique_artists_artist_id
select "artist_id" as "artist_id", count(*) as "copies" from "public"."artists" group by "artist_id" having count(*) > 1;

-- not_null_artists_artist_id
select * from "public"."artists" where "artist_id" is null;

-- unique_time_start_time
select "start_time" as "start_time", count(*) as "copies" from "public"."time" group by "start_time" having count(*) > 1;

-- not_null_time_start_time
select * from "public"."time" where "start_time" is null;

-- relationships_songplays_user_id__users
select "child"."songplay_id", "child"."session_id", "child"."item_in_session", "child"."user_id" as "user_id" from "public"."songplays" as "child" left join "public"."users" as "parent" on "parent"."user_id" = "child"."user_id" where "child"."user_id" is not null and "parent"."user_id" is null;

-- relationships_songplays_song_id__songs
select "child"."songplay_id", "child"."session_id", "child"."item_in_session", "child"."song_id" as "song_id" from "public"."songplays" as "child" left join "public"."songs" as "parent" on "parent"."song_id" = "child"."song_id" where "child"."song_id" is not null and "parent"."song_id" is null;

-- relationships_songplays_artist_id__artists
select "child"."songplay_id", "child"."session_id", "child"."item_in_session", "child"."artist_id" as "artist_id" from "public"."songplays" as "child" left join "public"."artists" as "parent" on "parent"."artist_id" = "child"."artist_id" where "child"."artist_id" is not null and "parent"."artist_id" is null;

-- relationships_songplays_start_time__time
select "child"."songplay_id", "child"."session_id", "child"."item_in_session", "child"."start_time" as "start_time" from "public"."songplays" as "child" left join "public"."time" as "parent" on "parent"."start_time" = "child"."start_time" where "child"."start_time" is not null and "parent"."start_time" is null;

-- accepted_values_songplays_level
select "songplay_id", "session_id", "item_in_session", "level" from "public"."songplays" where ("level" is null or "level" not in ('free', 'paid'));

-- accepted_values_users_level
select "user_id", "level" from "public"."users" where ("level" is null or "level" not in ('free', 'paid'));

-- row_count_songplays__staged_next_song_keys
select * from (select (select count(*) as "n" from "public"."songplays") as "songplays", (select count(*) as "n" from (select distinct "session_id", "item_in_session" from "public"."staging_events" where "page" = 'NextSong') as "next_song_keys") as "next_song_keys") as "counts" where counts.songplays <> counts.next_song_keys;
