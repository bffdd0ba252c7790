/** A table of the star schema (fact and dimensions): what the transform syncs. */
export type { StarTableName as StarTable } from '@sparkify/schema';
