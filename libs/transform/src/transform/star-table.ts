import type { starTables } from '@sparkify/schema';

/** A table of the star schema (fact and dimensions): what the transform syncs. */
export type StarTable = (typeof starTables)[number];
