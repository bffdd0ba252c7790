-- redshift DDL for schema public
create table if not exists "public"."staging_events" (
  "artist" varchar(256) encode zstd,
  "auth" varchar(32) encode zstd,
  "first_name" varchar(128) encode zstd,
  "gender" varchar(8) encode zstd,
  "item_in_session" integer encode az64,
  "last_name" varchar(128) encode zstd,
  "length" double precision encode zstd,
  "level" varchar(16) encode zstd,
  "location" varchar(256) encode zstd,
  "method" varchar(16) encode zstd,
  "page" varchar(64) encode zstd,
  "registration" double precision encode zstd,
  "session_id" integer encode az64,
  "song" varchar(512) encode zstd,
  "status" integer encode az64,
  "ts" bigint encode az64,
  "user_agent" varchar(512) encode zstd,
  "user_id" varchar(32) encode zstd,
  "source_file" varchar(1024) encode zstd
)
diststyle even;

create table if not exists "public"."staging_songs" (
  "num_songs" integer encode az64,
  "artist_id" varchar(32) encode zstd,
  "artist_latitude" double precision encode zstd,
  "artist_longitude" double precision encode zstd,
  "artist_location" varchar(512) encode zstd,
  "artist_name" varchar(512) encode zstd,
  "song_id" varchar(32) encode zstd,
  "title" varchar(512) encode zstd,
  "duration" double precision encode zstd,
  "year" integer encode az64,
  "source_file" varchar(1024) encode zstd
)
diststyle even;

create table if not exists "public"."songplays" (
  "songplay_id" bigint identity(0,1) encode az64 not null,
  "start_time" timestamp encode raw not null,
  "user_id" integer encode az64 not null,
  "level" varchar(16) encode zstd not null,
  "song_id" varchar(32) encode zstd,
  "artist_id" varchar(32) encode zstd,
  "session_id" integer encode az64 not null,
  "location" varchar(256) encode zstd,
  "user_agent" varchar(512) encode zstd,
  "item_in_session" integer encode az64 not null,
  primary key ("songplay_id"),
  unique ("session_id", "item_in_session")
)
diststyle key distkey("user_id") compound sortkey("start_time");

create table if not exists "public"."users" (
  "user_id" integer encode raw not null,
  "first_name" varchar(128) encode zstd,
  "last_name" varchar(128) encode zstd,
  "gender" varchar(8) encode zstd,
  "level" varchar(16) encode zstd not null,
  "last_seen" timestamp encode az64 not null,
  primary key ("user_id")
)
diststyle all compound sortkey("user_id");

create table if not exists "public"."songs" (
  "song_id" varchar(32) encode raw not null,
  "title" varchar(512) encode zstd not null,
  "artist_id" varchar(32) encode zstd not null,
  "year" integer encode az64,
  "duration" double precision encode zstd,
  primary key ("song_id")
)
diststyle all compound sortkey("song_id");

create table if not exists "public"."artists" (
  "artist_id" varchar(32) encode raw not null,
  "name" varchar(512) encode zstd not null,
  "location" varchar(512) encode zstd,
  "latitude" double precision encode zstd,
  "longitude" double precision encode zstd,
  primary key ("artist_id")
)
diststyle all compound sortkey("artist_id");

create table if not exists "public"."time" (
  "start_time" timestamp encode raw not null,
  "hour" smallint encode az64 not null,
  "day" smallint encode az64 not null,
  "week" smallint encode az64 not null,
  "month" smallint encode az64 not null,
  "year" smallint encode az64 not null,
  "weekday" smallint encode az64 not null,
  primary key ("start_time")
)
diststyle key distkey("start_time") compound sortkey("start_time");

create table if not exists "public"."load_errors" (
  "file" varchar(1024) encode zstd not null,
  "line" integer encode az64,
  "reason" varchar(1024) encode zstd not null,
  "raw" varchar(4096) encode zstd,
  "column" varchar(128) encode zstd,
  "loaded_at" timestamp default getdate() encode az64 not null
)
diststyle even;

create table if not exists "public"."load_ledger" (
  "file" varchar(1024) encode raw not null,
  "bytes" bigint encode az64 not null,
  "content_hash" varchar(128) encode zstd not null,
  "rows" integer encode az64 not null,
  "loaded_at" timestamp default getdate() encode az64 not null,
  primary key ("file")
)
diststyle all compound sortkey("file");

