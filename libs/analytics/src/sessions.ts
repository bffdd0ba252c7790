import type { Kysely } from 'kysely';
import type { Database } from '@sparkify/schema';
import { share, toNumber } from './numbers.js';

export interface SessionStats {
  /** How many sessions had exactly `plays` plays, by `plays` ascending. */
  readonly playsPerSession: { readonly plays: number; readonly sessions: number }[];
  /** How many users had exactly `sessions` sessions with plays, by `sessions` ascending. */
  readonly sessionsPerUser: { readonly sessions: number; readonly users: number }[];
  readonly sessions: number;
  readonly users: number;
  readonly plays: number;
  readonly meanPlaysPerSession: number;
  readonly medianPlaysPerSession: number;
  readonly meanSessionsPerUser: number;
  readonly medianSessionsPerUser: number;
}

// A session is (user_id, session_id): the log's session ids happen to be unique per user, but nothing promises it.
export function playsPerSessionQuery(db: Kysely<Database>) {
  return db
    .selectFrom((eb) =>
      eb
        .selectFrom('songplays')
        .select((e) => ['user_id', 'session_id', e.fn.countAll().as('plays')])
        .groupBy(['user_id', 'session_id'])
        .as('per_session'),
    )
    .select((eb) => ['per_session.plays', eb.fn.countAll().as('sessions')])
    .groupBy('per_session.plays')
    .orderBy('per_session.plays');
}

export function sessionsPerUserQuery(db: Kysely<Database>) {
  return db
    .selectFrom((eb) =>
      eb
        .selectFrom('songplays')
        .select((e) => ['user_id', e.fn.count('session_id').distinct().as('sessions')])
        .groupBy('user_id')
        .as('per_user'),
    )
    .select((eb) => ['per_user.sessions', eb.fn.countAll().as('users')])
    .groupBy('per_user.sessions')
    .orderBy('per_user.sessions');
}

/** Median of a distribution given as (value, frequency) pairs sorted by value. */
export function medianOf(pairs: readonly (readonly [value: number, count: number])[]): number {
  const total = pairs.reduce((sum, [, count]) => sum + count, 0);
  if (total === 0) return 0;
  const valueAt = (rank: number): number => {
    let seen = 0;
    for (const [value, count] of pairs) {
      seen += count;
      if (seen > rank) return value;
    }
    return pairs[pairs.length - 1]?.[0] ?? 0;
  };
  // 0-based ranks of the middle element(s).
  return total % 2 === 1 ? valueAt((total - 1) / 2) : (valueAt(total / 2 - 1) + valueAt(total / 2)) / 2;
}

export async function sessionStats(db: Kysely<Database>): Promise<SessionStats> {
  const perSession = await playsPerSessionQuery(db).execute();
  const perUser = await sessionsPerUserQuery(db).execute();
  const playsPerSession = perSession.map((r) => ({ plays: toNumber(r.plays), sessions: toNumber(r.sessions) }));
  const sessionsPerUser = perUser.map((r) => ({ sessions: toNumber(r.sessions), users: toNumber(r.users) }));
  const sessions = playsPerSession.reduce((sum, r) => sum + r.sessions, 0);
  const plays = playsPerSession.reduce((sum, r) => sum + r.plays * r.sessions, 0);
  const users = sessionsPerUser.reduce((sum, r) => sum + r.users, 0);
  return {
    playsPerSession,
    sessionsPerUser,
    sessions,
    users,
    plays,
    meanPlaysPerSession: share(plays, sessions),
    medianPlaysPerSession: medianOf(playsPerSession.map((r) => [r.plays, r.sessions] as const)),
    meanSessionsPerUser: share(sessions, users),
    medianSessionsPerUser: medianOf(sessionsPerUser.map((r) => [r.sessions, r.users] as const)),
  };
}
