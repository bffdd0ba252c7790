// How listeners move between pages: a Markov chain whose counts were measured on the real month of logs
// (/work/shared/data/sparkify/log_data: 8,056 events, 941 sessions). A state is a page plus whether the listener
// is logged in. Upgrade pages exist only for free users and Downgrade pages only for paid ones; the chain's choice is
// mirrored to the page that fits the user's level, which keeps the real per-event rates (about 1 % each).
import type { Rng } from './random.js';

export type Page =
  | 'NextSong' | 'Home' | 'Login' | 'Logout' | 'Settings' | 'Save Settings' | 'Help' | 'About' | 'Error'
  | 'Upgrade' | 'Submit Upgrade' | 'Downgrade' | 'Submit Downgrade';

export interface PageState {
  readonly page: Page;
  readonly loggedIn: boolean;
}

type Key = `${'In' | 'Out'}:${Page}`;
type Weighted = readonly (readonly [Key, number])[];

/** First event of a session (real counts). */
const START: Weighted = [
  ['In:NextSong', 507], ['In:Home', 351], ['Out:Home', 54], ['Out:Login', 25], ['In:About', 2], ['In:Help', 1],
  ['In:Error', 1],
];

/** Page → next page (real counts). */
const NEXT: Partial<Record<Key, Weighted>> = {
  'In:NextSong': [
    ['In:NextSong', 5778], ['In:Home', 143], ['In:Logout', 78], ['In:Downgrade', 50], ['In:Settings', 33],
    ['In:Help', 32], ['In:Upgrade', 15], ['In:About', 14], ['In:Error', 8],
  ],
  'In:Home': [
    ['In:NextSong', 431], ['In:Settings', 19], ['In:Logout', 9], ['In:Downgrade', 5], ['In:Home', 5],
    ['In:Upgrade', 4], ['In:About', 2],
  ],
  'In:About': [['In:About', 4], ['In:Home', 4], ['In:NextSong', 4]],
  'In:Help': [['In:NextSong', 30], ['In:Downgrade', 2], ['In:Home', 2], ['In:Help', 1]],
  'In:Error': [['In:NextSong', 2], ['In:Home', 1]],
  'In:Settings': [
    ['In:NextSong', 30], ['In:Save Settings', 10], ['In:Help', 4], ['In:Home', 4], ['In:Settings', 4], ['In:Logout', 3],
  ],
  'In:Save Settings': [['In:Home', 9]],
  'In:Upgrade': [['In:Submit Upgrade', 8], ['In:Home', 5], ['In:NextSong', 3], ['In:Upgrade', 2]],
  'In:Submit Upgrade': [['In:Home', 8]],
  'In:Downgrade': [['In:NextSong', 35], ['In:Home', 10], ['In:Downgrade', 3], ['In:Submit Downgrade', 1]],
  'In:Submit Downgrade': [['In:Home', 1]],
  'In:Logout': [['Out:Home', 90]],
  'Out:Home': [['Out:Login', 61], ['Out:Home', 25], ['Out:About', 13], ['Out:Help', 6]],
  'Out:Login': [['In:Home', 92]],
  'Out:About': [['Out:Login', 4], ['Out:Home', 2], ['Out:About', 1]],
  'Out:Help': [['Out:Help', 3], ['Out:Login', 2]],
};

const MIRROR: Partial<Record<Page, Page>> = {
  Upgrade: 'Downgrade',
  'Submit Upgrade': 'Submit Downgrade',
  Downgrade: 'Upgrade',
  'Submit Downgrade': 'Submit Upgrade',
};

/** HTTP method and status of each page, as the real logs have them. */
export const PAGE_HTTP: Readonly<Record<Page, readonly [method: 'GET' | 'PUT', status: number]>> = {
  NextSong: ['PUT', 200],
  Home: ['GET', 200],
  Login: ['PUT', 307],
  Logout: ['PUT', 307],
  Settings: ['GET', 200],
  'Save Settings': ['PUT', 307],
  Help: ['GET', 200],
  About: ['GET', 200],
  Error: ['GET', 404],
  Upgrade: ['GET', 200],
  'Submit Upgrade': ['PUT', 307],
  Downgrade: ['GET', 200],
  'Submit Downgrade': ['PUT', 307],
};

interface Table {
  readonly keys: readonly Key[];
  readonly cumulative: readonly number[];
}

const table = (weighted: Weighted): Table => {
  let sum = 0;
  return { keys: weighted.map(([key]) => key), cumulative: weighted.map(([, n]) => (sum += n)) };
};

const START_TABLE = table(START);
const NEXT_TABLES = new Map<Key, Table>(Object.entries(NEXT).map(([key, weighted]) => [key as Key, table(weighted)]));

function draw(rng: Rng, t: Table): Key {
  const x = rng.float() * (t.cumulative[t.cumulative.length - 1] ?? 0);
  let i = 0;
  while (i < t.cumulative.length - 1 && (t.cumulative[i] ?? 0) <= x) i++;
  return t.keys[i] ?? 'In:Home';
}

const cache = new Map<Key, PageState>();
function toState(key: Key): PageState {
  let state = cache.get(key);
  if (!state) {
    const [auth, page] = key.split(':') as ['In' | 'Out', Page];
    state = { page, loggedIn: auth === 'In' };
    cache.set(key, state);
  }
  return state;
}

/** Keeps Upgrade/Downgrade pages consistent with the user's level. */
function fit(key: Key, paid: boolean): PageState {
  const state = toState(key);
  const wrongForLevel = paid ? state.page === 'Upgrade' || state.page === 'Submit Upgrade' : state.page === 'Downgrade' || state.page === 'Submit Downgrade';
  const mirrored = wrongForLevel ? MIRROR[state.page] : undefined;
  return mirrored ? toState(`${state.loggedIn ? 'In' : 'Out'}:${mirrored}`) : state;
}

export function firstPage(rng: Rng, paid: boolean): PageState {
  return fit(draw(rng, START_TABLE), paid);
}

export function nextPage(rng: Rng, from: PageState, paid: boolean): PageState {
  const t = NEXT_TABLES.get(`${from.loggedIn ? 'In' : 'Out'}:${from.page}`);
  return t ? fit(draw(rng, t), paid) : toState('In:Home');
}
