import { starTables, tables } from '@sparkify/schema';
import type { Check } from './check.js';
import { derivedChecks } from './derived-checks.js';
import { playsMatchEvents } from './plays-match-events.js';

/** The data tests run by `runChecks`, in order: those the star tables' declaration implies, then the bespoke one. */
export const checks: readonly Check[] = [...derivedChecks(tables, starTables), playsMatchEvents];
