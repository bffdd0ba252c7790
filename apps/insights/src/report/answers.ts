import { share, type Insights, type NamedCount } from '@sparkify/analytics';
import { count, hourRange, oneDecimal, percent, plural } from './format.js';

/**
 * One sentence per chart that answers its question in words, computed from the same numbers the chart draws.
 * Every function copes with an empty warehouse, because a report of nothing should say so, not crash.
 */
const noPlays = 'No plays are in the warehouse yet: run `npx nx run loader:etl` first.';

export function hourAnswer({ playsByHour: hours }: Insights): string {
  const total = hours.reduce((s, h) => s + h.plays, 0);
  if (total === 0) return noPlays;
  // Ties go to the earliest hour, both for the peak and for the quietest.
  const top = [...hours].sort((a, b) => b.plays - a.plays || a.hour - b.hour)[0]!;
  const low = [...hours].sort((a, b) => a.plays - b.plays || a.hour - b.hour)[0]!;
  return (
    `Listening peaks at ${hourRange(top.hour)} UTC with ${plural(top.plays, 'play')} (${percent(top.plays / total)} of all plays); ` +
    `the quietest hour is ${hourRange(low.hour)} with ${count(low.plays)}.`
  );
}

export function weekdayAnswer({ playsByWeekday: days }: Insights): string {
  const total = days.reduce((s, d) => s + d.plays, 0);
  if (total === 0) return noPlays;
  const top = [...days].sort((a, b) => b.plays - a.plays || a.weekday - b.weekday)[0]!;
  const low = [...days].sort((a, b) => a.plays - b.plays || a.weekday - b.weekday)[0]!;
  const weekend = days.filter((d) => d.weekday === 0 || d.weekday === 6).reduce((s, d) => s + d.plays, 0);
  return (
    `${top.name} is the busiest day (${plural(top.plays, 'play')}), ${low.name} the quietest (${count(low.plays)}); ` +
    `weekends carry ${percent(weekend / total)} of plays (totals over the whole period).`
  );
}

export function dailyAnswer({ playsPerDay: days }: Insights): string {
  if (days.length === 0) return noPlays;
  const total = days.reduce((s, d) => s + d.plays, 0);
  const top = [...days].sort((a, b) => b.plays - a.plays || a.date.localeCompare(b.date))[0]!;
  return (
    `Over ${plural(days.length, 'day')} with plays, from ${days[0]!.date} to ${days[days.length - 1]!.date}, users played ` +
    `${oneDecimal(total / days.length)} songs a day on average; the busiest day was ${top.date} (${top.weekday}) with ${plural(top.plays, 'play')}.`
  );
}

export function levelAnswer({ levels }: Insights): string {
  const plays = levels.reduce((s, l) => s + l.plays, 0);
  const users = levels.reduce((s, l) => s + l.users, 0);
  if (plays === 0 && users === 0) return noPlays;
  const paid = levels.find((l) => l.level === 'paid') ?? { level: 'paid', plays: 0, users: 0 };
  return (
    `Paid users are ${percent(share(paid.users, users))} of users (${count(paid.users)} of ${count(users)}, by their latest level) ` +
    `but make ${percent(share(paid.plays, plays))} of plays (level at the time of each play).`
  );
}

const quoted = (title: string): string => `“${title}”`;

export function topSongsAnswer({ topSongs: songs }: Insights): string {
  const top = songs[0];
  if (!top) return 'No play matched a song in the song metadata, so there is no song to rank.';
  const by = top.artist ? ` by ${top.artist}` : '';
  const tie = songs.filter((s) => s.plays === top.plays).length;
  const lead = tie > 1 ? `${quoted(top.title)}${by} shares the top spot with ${plural(tie - 1, 'other song')}` : `${quoted(top.title)}${by} is the most played song`;
  return `${lead}, with ${plural(top.plays, 'play')} (counting only plays whose song was matched).`;
}

export function topArtistsAnswer({ topArtists: artists }: Insights): string {
  const top = artists[0];
  if (!top) return 'No play matched an artist in the song metadata, so there is no artist to rank.';
  const second = artists[1];
  const then = second ? `; next is ${second.name} (${count(second.plays)})` : '';
  return `${top.name} is the most played artist, with ${plural(top.plays, 'play')} of ${plural(top.songs, 'song')}${then}.`;
}

export function locationsAnswer(insights: Insights): string {
  const top = insights.topLocations[0];
  if (!top) return noPlays;
  const listed = insights.topLocations.reduce((s, l) => s + l.plays, 0);
  return (
    `Most plays come from ${top.location} (${plural(top.plays, 'play')} by ${plural(top.users, 'user')}); ` +
    `the ${plural(insights.topLocations.length, 'location')} shown make ${percent(share(listed, insights.facts.plays))} of all plays.`
  );
}

const leader = (items: readonly NamedCount[]): [NamedCount | undefined, number] => {
  const total = items.reduce((s, i) => s + i.plays, 0);
  return [items[0], total];
};

export function clientsAnswer({ clients }: Insights): string {
  const [browser, total] = leader(clients.browsers);
  const [os] = leader(clients.systems);
  if (!browser || !os || total === 0) return noPlays;
  return (
    `${browser.name} is the most used browser (${percent(browser.plays / total)} of plays) and ${os.name} the most used ` +
    `system (${percent(os.plays / total)}), grouped from ${plural(clients.agents, 'distinct User-Agent')}.`
  );
}

const genderNames: Readonly<Record<string, string>> = { F: 'Women', M: 'Men' };

export function genderAnswer({ genders }: Insights): string {
  const users = genders.reduce((s, g) => s + g.users, 0);
  const plays = genders.reduce((s, g) => s + g.plays, 0);
  const top = [...genders].sort((a, b) => b.plays - a.plays)[0];
  if (!top || users === 0) return 'No users are in the warehouse yet: run `npx nx run loader:etl` first.';
  const who = genderNames[top.gender] ?? `Users of gender “${top.gender}”`;
  return `${who} are ${percent(top.users / users)} of users (${count(top.users)} of ${count(users)}) and make ${percent(share(top.plays, plays))} of plays.`;
}

export function sessionsAnswer({ sessions: s }: Insights): string {
  if (s.sessions === 0) return noPlays;
  return (
    `A session with plays holds ${oneDecimal(s.meanPlaysPerSession)} plays on average (median ${oneDecimal(s.medianPlaysPerSession)}); ` +
    `a listener had ${oneDecimal(s.meanSessionsPerUser)} such sessions on average (median ${oneDecimal(s.medianSessionsPerUser)}), ` +
    `${plural(s.sessions, 'session')} by ${plural(s.users, 'user')} in all.`
  );
}

export function coverageAnswer({ coverage: c }: Insights): string {
  if (c.plays === 0) return noPlays;
  const orphans = c.plays - c.withUser;
  const users = orphans === 0 ? 'every play has its user in users' : `${plural(orphans, 'play')} ${orphans === 1 ? 'lacks its' : 'lack their'} user in users`;
  return (
    `${percent(c.songShare)} of plays (${count(c.withSong)} of ${count(c.plays)}) matched a song in the song metadata; ` +
    `the others are kept with no song or artist. ${users.charAt(0).toUpperCase()}${users.slice(1)}.`
  );
}
