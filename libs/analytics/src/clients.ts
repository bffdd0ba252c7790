import type { Kysely } from 'kysely';
import type { Database } from '@sparkify/schema';
import { toNumber } from './numbers.js';
import { classifyUserAgent } from './user-agent.js';

export interface NamedCount {
  readonly name: string;
  readonly plays: number;
}

export interface ClientSplit {
  readonly browsers: NamedCount[];
  readonly systems: NamedCount[];
  /** Distinct User-Agent strings seen. */
  readonly agents: number;
}

/** Plays per raw User-Agent; the grouping into browsers and systems happens in TypeScript. */
export function playsByUserAgentQuery(db: Kysely<Database>) {
  return db
    .selectFrom('songplays')
    .select((eb) => ['user_agent', eb.fn.countAll().as('plays')])
    .groupBy('user_agent');
}

const ranked = (counts: Map<string, number>): NamedCount[] =>
  [...counts.entries()]
    .map(([name, plays]) => ({ name, plays }))
    .sort((a, b) => b.plays - a.plays || a.name.localeCompare(b.name));

/** Plays by browser and by operating system, most played first. */
export async function clientSplit(db: Kysely<Database>): Promise<ClientSplit> {
  const rows = await playsByUserAgentQuery(db).execute();
  const browsers = new Map<string, number>();
  const systems = new Map<string, number>();
  for (const row of rows) {
    const plays = toNumber(row.plays);
    const kind = classifyUserAgent(row.user_agent);
    browsers.set(kind.browser, (browsers.get(kind.browser) ?? 0) + plays);
    systems.set(kind.os, (systems.get(kind.os) ?? 0) + plays);
  }
  return { browsers: ranked(browsers), systems: ranked(systems), agents: rows.filter((r) => r.user_agent).length };
}
