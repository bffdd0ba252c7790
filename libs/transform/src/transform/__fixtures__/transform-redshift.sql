-- firstLoad: songs prepare
drop table if exists "sparkify_song_rows";

-- firstLoad: songs prepare
create temporary table "sparkify_song_rows" as select "ranked_songs"."song_id", "ranked_songs"."artist_id", "ranked_songs"."title", "ranked_songs"."artist_name", "ranked_songs"."artist_location", "ranked_songs"."artist_latitude", "ranked_songs"."artist_longitude", "ranked_songs"."year", "ranked_songs"."duration" from (select "ss"."song_id" as "song_id", "ss"."artist_id" as "artist_id", coalesce(repair_mojibake("ss"."title"), '') as "title", coalesce(repair_mojibake("ss"."artist_name"), '') as "artist_name", nullif(repair_mojibake("ss"."artist_location"), '') as "artist_location", "ss"."artist_latitude", "ss"."artist_longitude", nullif("ss"."year", 0) as "year", "ss"."duration", row_number() over (partition by "ss"."song_id" order by "ss"."artist_id", "ss"."title", "ss"."duration", "ss"."year", "ss"."artist_name", "ss"."artist_location") as "pick" from "public"."staging_songs" as "ss" where "ss"."song_id" is not null and "ss"."artist_id" is not null) as "ranked_songs" where "ranked_songs"."pick" = 1;

-- firstLoad: songs insert
insert into "public"."songs" ("song_id", "title", "artist_id", "year", "duration") select "s"."song_id", "s"."title", "s"."artist_id", "s"."year", "s"."duration" from (select "sr"."song_id", "sr"."title", "sr"."artist_id", "sr"."year", "sr"."duration" from "sparkify_song_rows" as "sr") as "s";

-- firstLoad: artists insert
insert into "public"."artists" ("artist_id", "name", "location", "latitude", "longitude") select "s"."artist_id", "s"."name", "s"."location", "s"."latitude", "s"."longitude" from (select "ranked_artists"."artist_id", "ranked_artists"."name", "ranked_artists"."artist_location" as "location", "ranked_artists"."artist_latitude" as "latitude", "ranked_artists"."artist_longitude" as "longitude" from (select "c"."artist_id", "c"."artist_location", "c"."artist_latitude", "c"."artist_longitude", first_value("c"."artist_name") over (partition by "c"."artist_id" order by case when length("c"."artist_name") = 0 then 1 else 0 end, "c"."name_songs" desc, "c"."name_first_song" rows between unbounded preceding and unbounded following) as "name", row_number() over (partition by "c"."artist_id" order by case when "c"."artist_location" is null then 1 else 0 end, "c"."place_songs" desc, case when "c"."artist_latitude" is null or "c"."artist_longitude" is null then 1 else 0 end, "c"."song_id") as "pick" from (select "sr"."artist_id", "sr"."song_id", "sr"."artist_name", "sr"."artist_location", "sr"."artist_latitude", "sr"."artist_longitude", count(*) over (partition by "sr"."artist_id", "sr"."artist_name") as "name_songs", min("sr"."song_id") over (partition by "sr"."artist_id", "sr"."artist_name") as "name_first_song", count(*) over (partition by "sr"."artist_id", "sr"."artist_location") as "place_songs" from "sparkify_song_rows" as "sr") as "c") as "ranked_artists" where "ranked_artists"."pick" = 1) as "s";

-- firstLoad: users insert
insert into "public"."users" ("user_id", "first_name", "last_name", "gender", "level", "last_seen") select "s"."user_id", "s"."first_name", "s"."last_name", "s"."gender", "s"."level", "s"."last_seen" from (select "ranked_events"."user_id", repair_mojibake("ranked_events"."first_name") as "first_name", repair_mojibake("ranked_events"."last_name") as "last_name", "ranked_events"."gender", "ranked_events"."level", "ranked_events"."last_seen" from (select "se"."user_id" as "user_id", "se"."first_name", "se"."last_name", "se"."gender", "se"."level" as "level", (timestamp 'epoch' + ("se"."ts" / 1000) * interval '1 second' + ("se"."ts" % 1000) * interval '0.001 second') as "last_seen", row_number() over (partition by "se"."user_id" order by "se"."ts" desc, "se"."session_id" desc, "se"."item_in_session" desc) as "pick" from "public"."staging_events" as "se" where "se"."user_id" is not null and "se"."ts" is not null) as "ranked_events" where "ranked_events"."pick" = 1) as "s";

-- firstLoad: songplays insert
insert into "public"."songplays" ("songplay_id", "start_time", "user_id", "level", "song_id", "artist_id", "session_id", "location", "user_agent", "item_in_session") select row_number() over (order by "s"."start_time", "s"."session_id", "s"."item_in_session") as "songplay_id", "s"."start_time", "s"."user_id", "s"."level", "s"."song_id", "s"."artist_id", "s"."session_id", "s"."location", "s"."user_agent", "s"."item_in_session" from (select "matched_plays"."start_time", "matched_plays"."user_id", "matched_plays"."level", "matched_plays"."song_id", "matched_plays"."artist_id", "matched_plays"."session_id", "matched_plays"."location", "matched_plays"."user_agent", "matched_plays"."item_in_session" from (select "e"."start_time", "e"."user_id", "e"."level", "c"."song_id", "c"."artist_id", "e"."session_id", "e"."location", "e"."user_agent", "e"."item_in_session", row_number() over (partition by "e"."session_id", "e"."item_in_session" order by case when "c"."duration" is null then 1 else 0 end, abs("c"."duration" - "e"."length"), "c"."song_id", "e"."ts" desc, "e"."user_id", "e"."level", "e"."location", "e"."user_agent") as "pick" from (select (timestamp 'epoch' + ("se"."ts" / 1000) * interval '1 second' + ("se"."ts" % 1000) * interval '0.001 second') as "start_time", "se"."ts", "se"."user_id" as "user_id", "se"."level" as "level", "se"."session_id" as "session_id", "se"."item_in_session" as "item_in_session", repair_mojibake("se"."location") as "location", "se"."user_agent", "se"."length", repair_mojibake("se"."song") as "song", repair_mojibake("se"."artist") as "artist" from "public"."staging_events" as "se" where "se"."page" = 'NextSong' and "se"."user_id" is not null) as "e" left join (select "sr".* from "sparkify_song_rows" as "sr") as "c" on (("c"."title" = "e"."song" and length("c"."title") = length("e"."song")) and ("c"."artist_name" = "e"."artist" and length("c"."artist_name") = length("e"."artist")))) as "matched_plays" where "matched_plays"."pick" = 1) as "s";

-- firstLoad: time insert
insert into "public"."time" ("start_time", "hour", "day", "week", "month", "year", "weekday") select "s"."start_time", "s"."hour", "s"."day", "s"."week", "s"."month", "s"."year", "s"."weekday" from (select "play_times"."start_time", cast(extract(hour from "play_times"."start_time") as smallint) as "hour", cast(extract(day from "play_times"."start_time") as smallint) as "day", cast(extract(week from "play_times"."start_time") as smallint) as "week", cast(extract(month from "play_times"."start_time") as smallint) as "month", cast(extract(year from "play_times"."start_time") as smallint) as "year", cast(extract(dow from "play_times"."start_time") as smallint) as "weekday" from (select distinct "sp"."start_time" from "public"."songplays" as "sp") as "play_times") as "s";

-- firstLoad: songs prepare
drop table "sparkify_song_rows";

-- incremental: songs prepare
drop table if exists "sparkify_song_rows";

-- incremental: songs prepare
create temporary table "sparkify_song_rows" as select "ranked_songs"."song_id", "ranked_songs"."artist_id", "ranked_songs"."title", "ranked_songs"."artist_name", "ranked_songs"."artist_location", "ranked_songs"."artist_latitude", "ranked_songs"."artist_longitude", "ranked_songs"."year", "ranked_songs"."duration" from (select "ss"."song_id" as "song_id", "ss"."artist_id" as "artist_id", coalesce(repair_mojibake("ss"."title"), '') as "title", coalesce(repair_mojibake("ss"."artist_name"), '') as "artist_name", nullif(repair_mojibake("ss"."artist_location"), '') as "artist_location", "ss"."artist_latitude", "ss"."artist_longitude", nullif("ss"."year", 0) as "year", "ss"."duration", row_number() over (partition by "ss"."song_id" order by "ss"."artist_id", "ss"."title", "ss"."duration", "ss"."year", "ss"."artist_name", "ss"."artist_location") as "pick" from "public"."staging_songs" as "ss" where "ss"."song_id" is not null and "ss"."artist_id" is not null) as "ranked_songs" where "ranked_songs"."pick" = 1;

-- incremental: songs prepare
drop table if exists "sparkify_sync_songs";

-- incremental: songs prepare
create temporary table "sparkify_sync_songs" as select "sr"."song_id", "sr"."title", "sr"."artist_id", "sr"."year", "sr"."duration" from "sparkify_song_rows" as "sr";

-- incremental: songs delete
delete from "public"."songs" where "song_id" in (select "t"."song_id" from "public"."songs" as "t" left join "sparkify_sync_songs" as "s" on "s"."song_id" = "t"."song_id" where "s"."song_id" is null);

-- incremental: songs update
update "public"."songs" set "title" = "s"."title", "artist_id" = "s"."artist_id", "year" = "s"."year", "duration" = "s"."duration" from "sparkify_sync_songs" as "s" where "s"."song_id" = "songs"."song_id" and (("songs"."title" <> "s"."title" or length("songs"."title") <> length("s"."title") or ("songs"."title" is null and "s"."title" is not null) or ("songs"."title" is not null and "s"."title" is null)) or ("songs"."artist_id" <> "s"."artist_id" or length("songs"."artist_id") <> length("s"."artist_id") or ("songs"."artist_id" is null and "s"."artist_id" is not null) or ("songs"."artist_id" is not null and "s"."artist_id" is null)) or ("songs"."year" <> "s"."year" or ("songs"."year" is null and "s"."year" is not null) or ("songs"."year" is not null and "s"."year" is null)) or ("songs"."duration" <> "s"."duration" or ("songs"."duration" is null and "s"."duration" is not null) or ("songs"."duration" is not null and "s"."duration" is null)));

-- incremental: songs insert
insert into "public"."songs" ("song_id", "title", "artist_id", "year", "duration") select "s"."song_id", "s"."title", "s"."artist_id", "s"."year", "s"."duration" from "sparkify_sync_songs" as "s" left join "public"."songs" as "t" on "t"."song_id" = "s"."song_id" where "t"."song_id" is null;

-- incremental: songs prepare
drop table "sparkify_sync_songs";

-- incremental: artists prepare
drop table if exists "sparkify_sync_artists";

-- incremental: artists prepare
create temporary table "sparkify_sync_artists" as select "ranked_artists"."artist_id", "ranked_artists"."name", "ranked_artists"."artist_location" as "location", "ranked_artists"."artist_latitude" as "latitude", "ranked_artists"."artist_longitude" as "longitude" from (select "c"."artist_id", "c"."artist_location", "c"."artist_latitude", "c"."artist_longitude", first_value("c"."artist_name") over (partition by "c"."artist_id" order by case when length("c"."artist_name") = 0 then 1 else 0 end, "c"."name_songs" desc, "c"."name_first_song" rows between unbounded preceding and unbounded following) as "name", row_number() over (partition by "c"."artist_id" order by case when "c"."artist_location" is null then 1 else 0 end, "c"."place_songs" desc, case when "c"."artist_latitude" is null or "c"."artist_longitude" is null then 1 else 0 end, "c"."song_id") as "pick" from (select "sr"."artist_id", "sr"."song_id", "sr"."artist_name", "sr"."artist_location", "sr"."artist_latitude", "sr"."artist_longitude", count(*) over (partition by "sr"."artist_id", "sr"."artist_name") as "name_songs", min("sr"."song_id") over (partition by "sr"."artist_id", "sr"."artist_name") as "name_first_song", count(*) over (partition by "sr"."artist_id", "sr"."artist_location") as "place_songs" from "sparkify_song_rows" as "sr") as "c") as "ranked_artists" where "ranked_artists"."pick" = 1;

-- incremental: artists delete
delete from "public"."artists" where "artist_id" in (select "t"."artist_id" from "public"."artists" as "t" left join "sparkify_sync_artists" as "s" on "s"."artist_id" = "t"."artist_id" where "s"."artist_id" is null);

-- incremental: artists update
update "public"."artists" set "name" = "s"."name", "location" = "s"."location", "latitude" = "s"."latitude", "longitude" = "s"."longitude" from "sparkify_sync_artists" as "s" where "s"."artist_id" = "artists"."artist_id" and (("artists"."name" <> "s"."name" or length("artists"."name") <> length("s"."name") or ("artists"."name" is null and "s"."name" is not null) or ("artists"."name" is not null and "s"."name" is null)) or ("artists"."location" <> "s"."location" or length("artists"."location") <> length("s"."location") or ("artists"."location" is null and "s"."location" is not null) or ("artists"."location" is not null and "s"."location" is null)) or ("artists"."latitude" <> "s"."latitude" or ("artists"."latitude" is null and "s"."latitude" is not null) or ("artists"."latitude" is not null and "s"."latitude" is null)) or ("artists"."longitude" <> "s"."longitude" or ("artists"."longitude" is null and "s"."longitude" is not null) or ("artists"."longitude" is not null and "s"."longitude" is null)));

-- incremental: artists insert
insert into "public"."artists" ("artist_id", "name", "location", "latitude", "longitude") select "s"."artist_id", "s"."name", "s"."location", "s"."latitude", "s"."longitude" from "sparkify_sync_artists" as "s" left join "public"."artists" as "t" on "t"."artist_id" = "s"."artist_id" where "t"."artist_id" is null;

-- incremental: artists prepare
drop table "sparkify_sync_artists";

-- incremental: users prepare
drop table if exists "sparkify_sync_users";

-- incremental: users prepare
create temporary table "sparkify_sync_users" as select "ranked_events"."user_id", repair_mojibake("ranked_events"."first_name") as "first_name", repair_mojibake("ranked_events"."last_name") as "last_name", "ranked_events"."gender", "ranked_events"."level", "ranked_events"."last_seen" from (select "se"."user_id" as "user_id", "se"."first_name", "se"."last_name", "se"."gender", "se"."level" as "level", (timestamp 'epoch' + ("se"."ts" / 1000) * interval '1 second' + ("se"."ts" % 1000) * interval '0.001 second') as "last_seen", row_number() over (partition by "se"."user_id" order by "se"."ts" desc, "se"."session_id" desc, "se"."item_in_session" desc) as "pick" from "public"."staging_events" as "se" where "se"."user_id" is not null and "se"."ts" is not null) as "ranked_events" where "ranked_events"."pick" = 1;

-- incremental: users delete
delete from "public"."users" where "user_id" in (select "t"."user_id" from "public"."users" as "t" left join "sparkify_sync_users" as "s" on "s"."user_id" = "t"."user_id" where "s"."user_id" is null);

-- incremental: users update
update "public"."users" set "first_name" = "s"."first_name", "last_name" = "s"."last_name", "gender" = "s"."gender", "level" = "s"."level", "last_seen" = "s"."last_seen" from "sparkify_sync_users" as "s" where "s"."user_id" = "users"."user_id" and (("users"."first_name" <> "s"."first_name" or length("users"."first_name") <> length("s"."first_name") or ("users"."first_name" is null and "s"."first_name" is not null) or ("users"."first_name" is not null and "s"."first_name" is null)) or ("users"."last_name" <> "s"."last_name" or length("users"."last_name") <> length("s"."last_name") or ("users"."last_name" is null and "s"."last_name" is not null) or ("users"."last_name" is not null and "s"."last_name" is null)) or ("users"."gender" <> "s"."gender" or length("users"."gender") <> length("s"."gender") or ("users"."gender" is null and "s"."gender" is not null) or ("users"."gender" is not null and "s"."gender" is null)) or ("users"."level" <> "s"."level" or length("users"."level") <> length("s"."level") or ("users"."level" is null and "s"."level" is not null) or ("users"."level" is not null and "s"."level" is null)) or ("users"."last_seen" <> "s"."last_seen" or ("users"."last_seen" is null and "s"."last_seen" is not null) or ("users"."last_seen" is not null and "s"."last_seen" is null)));

-- incremental: users insert
insert into "public"."users" ("user_id", "first_name", "last_name", "gender", "level", "last_seen") select "s"."user_id", "s"."first_name", "s"."last_name", "s"."gender", "s"."level", "s"."last_seen" from "sparkify_sync_users" as "s" left join "public"."users" as "t" on "t"."user_id" = "s"."user_id" where "t"."user_id" is null;

-- incremental: users prepare
drop table "sparkify_sync_users";

-- incremental: songplays prepare
drop table if exists "sparkify_sync_songplays";

-- incremental: songplays prepare
create temporary table "sparkify_sync_songplays" as select "matched_plays"."start_time", "matched_plays"."user_id", "matched_plays"."level", "matched_plays"."song_id", "matched_plays"."artist_id", "matched_plays"."session_id", "matched_plays"."location", "matched_plays"."user_agent", "matched_plays"."item_in_session" from (select "e"."start_time", "e"."user_id", "e"."level", "c"."song_id", "c"."artist_id", "e"."session_id", "e"."location", "e"."user_agent", "e"."item_in_session", row_number() over (partition by "e"."session_id", "e"."item_in_session" order by case when "c"."duration" is null then 1 else 0 end, abs("c"."duration" - "e"."length"), "c"."song_id", "e"."ts" desc, "e"."user_id", "e"."level", "e"."location", "e"."user_agent") as "pick" from (select (timestamp 'epoch' + ("se"."ts" / 1000) * interval '1 second' + ("se"."ts" % 1000) * interval '0.001 second') as "start_time", "se"."ts", "se"."user_id" as "user_id", "se"."level" as "level", "se"."session_id" as "session_id", "se"."item_in_session" as "item_in_session", repair_mojibake("se"."location") as "location", "se"."user_agent", "se"."length", repair_mojibake("se"."song") as "song", repair_mojibake("se"."artist") as "artist" from "public"."staging_events" as "se" where "se"."page" = 'NextSong' and "se"."user_id" is not null) as "e" left join (select "sr".* from "sparkify_song_rows" as "sr") as "c" on (("c"."title" = "e"."song" and length("c"."title") = length("e"."song")) and ("c"."artist_name" = "e"."artist" and length("c"."artist_name") = length("e"."artist")))) as "matched_plays" where "matched_plays"."pick" = 1;

-- incremental: songplays delete
delete from "public"."songplays" where "songplay_id" in (select "t"."songplay_id" from "public"."songplays" as "t" left join "sparkify_sync_songplays" as "s" on "s"."session_id" = "t"."session_id" and "s"."item_in_session" = "t"."item_in_session" where "s"."session_id" is null);

-- incremental: songplays update
update "public"."songplays" set "start_time" = "s"."start_time", "user_id" = "s"."user_id", "level" = "s"."level", "song_id" = "s"."song_id", "artist_id" = "s"."artist_id", "location" = "s"."location", "user_agent" = "s"."user_agent" from "sparkify_sync_songplays" as "s" where "s"."session_id" = "songplays"."session_id" and "s"."item_in_session" = "songplays"."item_in_session" and (("songplays"."start_time" <> "s"."start_time" or ("songplays"."start_time" is null and "s"."start_time" is not null) or ("songplays"."start_time" is not null and "s"."start_time" is null)) or ("songplays"."user_id" <> "s"."user_id" or ("songplays"."user_id" is null and "s"."user_id" is not null) or ("songplays"."user_id" is not null and "s"."user_id" is null)) or ("songplays"."level" <> "s"."level" or length("songplays"."level") <> length("s"."level") or ("songplays"."level" is null and "s"."level" is not null) or ("songplays"."level" is not null and "s"."level" is null)) or ("songplays"."song_id" <> "s"."song_id" or length("songplays"."song_id") <> length("s"."song_id") or ("songplays"."song_id" is null and "s"."song_id" is not null) or ("songplays"."song_id" is not null and "s"."song_id" is null)) or ("songplays"."artist_id" <> "s"."artist_id" or length("songplays"."artist_id") <> length("s"."artist_id") or ("songplays"."artist_id" is null and "s"."artist_id" is not null) or ("songplays"."artist_id" is not null and "s"."artist_id" is null)) or ("songplays"."location" <> "s"."location" or length("songplays"."location") <> length("s"."location") or ("songplays"."location" is null and "s"."location" is not null) or ("songplays"."location" is not null and "s"."location" is null)) or ("songplays"."user_agent" <> "s"."user_agent" or length("songplays"."user_agent") <> length("s"."user_agent") or ("songplays"."user_agent" is null and "s"."user_agent" is not null) or ("songplays"."user_agent" is not null and "s"."user_agent" is null)));

-- incremental: songplays insert
insert into "public"."songplays" ("songplay_id", "start_time", "user_id", "level", "song_id", "artist_id", "session_id", "location", "user_agent", "item_in_session") select "b"."base" + row_number() over (order by "s"."start_time", "s"."session_id", "s"."item_in_session"), "s"."start_time", "s"."user_id", "s"."level", "s"."song_id", "s"."artist_id", "s"."session_id", "s"."location", "s"."user_agent", "s"."item_in_session" from "sparkify_sync_songplays" as "s" left join "public"."songplays" as "t" on "t"."session_id" = "s"."session_id" and "t"."item_in_session" = "s"."item_in_session" inner join (select coalesce(max("m"."songplay_id"), 0) as "base" from "public"."songplays" as "m") as "b" on true where "t"."session_id" is null;

-- incremental: songplays prepare
drop table "sparkify_sync_songplays";

-- incremental: time prepare
drop table if exists "sparkify_sync_time";

-- incremental: time prepare
create temporary table "sparkify_sync_time" as select "play_times"."start_time", cast(extract(hour from "play_times"."start_time") as smallint) as "hour", cast(extract(day from "play_times"."start_time") as smallint) as "day", cast(extract(week from "play_times"."start_time") as smallint) as "week", cast(extract(month from "play_times"."start_time") as smallint) as "month", cast(extract(year from "play_times"."start_time") as smallint) as "year", cast(extract(dow from "play_times"."start_time") as smallint) as "weekday" from (select distinct "sp"."start_time" from "public"."songplays" as "sp") as "play_times";

-- incremental: time delete
delete from "public"."time" where "start_time" in (select "t"."start_time" from "public"."time" as "t" left join "sparkify_sync_time" as "s" on "s"."start_time" = "t"."start_time" where "s"."start_time" is null);

-- incremental: time insert
insert into "public"."time" ("start_time", "hour", "day", "week", "month", "year", "weekday") select "s"."start_time", "s"."hour", "s"."day", "s"."week", "s"."month", "s"."year", "s"."weekday" from "sparkify_sync_time" as "s" left join "public"."time" as "t" on "t"."start_time" = "s"."start_time" where "t"."start_time" is null;

-- incremental: time prepare
drop table "sparkify_sync_time";

-- incremental: songs prepare
drop table "sparkify_song_rows";
