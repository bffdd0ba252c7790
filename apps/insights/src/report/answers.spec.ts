import { describe, expect, it } from 'vitest';
import { emptyInsights, sampleInsights } from '../__fixtures__/insights.js';
import * as answer from './answers.js';
import { principalCity } from './charts.js';
import { bucketize } from '../charts/bucket-charts.js';
import { bytes, percent } from './format.js';

describe('answers in words', () => {
  const s = sampleInsights();

  it('name the peak and the quietest hour with shares', () => {
    expect(answer.hourAnswer(s)).toBe(
      'Listening peaks at 16:00–17:00 UTC with 6 plays (60% of all plays); the quietest hour is 00:00–01:00 with 0.',
    );
  });

  it('compare days, levels, genders and coverage with the right numbers', () => {
    expect(answer.weekdayAnswer(s)).toBe(
      'Monday is the busiest day (6 plays), Tuesday the quietest (0); weekends carry 40% of plays (totals over the whole period).',
    );
    expect(answer.dailyAnswer(s)).toBe(
      'Over 2 days with plays, from 2018-11-04 to 2018-11-05, users played 5 songs a day on average; the busiest day was 2018-11-05 (Monday) with 6 plays.',
    );
    expect(answer.levelAnswer(s)).toBe('Paid users are 25% of users (1 of 4, by their latest level) but make 80% of plays (level at the time of each play).');
    expect(answer.genderAnswer(s)).toBe('Women are 50% of users (2 of 4) and make 80% of plays.');
    expect(answer.coverageAnswer(s)).toBe(
      '40% of plays (4 of 10) matched a song in the song metadata; the others are kept with no song or artist. 1 play lacks its user in users.',
    );
  });

  it('rank songs, artists, places and clients', () => {
    expect(answer.topSongsAnswer(s)).toBe('“Undo <live>” by Björk & Friends is the most played song, with 3 plays (counting only plays whose song was matched).');
    expect(answer.topArtistsAnswer(s)).toBe('Björk & Friends is the most played artist, with 3 plays of 1 song; next is Nobody (1).');
    expect(answer.locationsAnswer(s)).toBe('Most plays come from San Francisco-Oakland-Hayward, CA (7 plays by 2 users); the 2 locations shown make 100% of all plays.');
    expect(answer.clientsAnswer(s)).toBe('Chrome is the most used browser (70% of plays) and macOS the most used system (60%), grouped from 3 distinct User-Agents.');
    expect(answer.sessionsAnswer(s)).toBe(
      'A session with plays holds 3.3 plays on average (median 1); a listener had 1 such sessions on average (median 1), 3 sessions by 3 users in all.',
    );
  });

  it('say that nothing is loaded yet instead of failing on an empty warehouse', () => {
    const e = emptyInsights();
    for (const fn of Object.values(answer)) expect(fn(e)).toMatch(/No (plays|users|play matched)/);
  });
});

describe('formatting helpers', () => {
  it('shorten metro areas to their principal city', () => {
    expect(principalCity('Tampa-St. Petersburg-Clearwater, FL')).toBe('Tampa, FL');
    expect(principalCity('Red Bluff, CA')).toBe('Red Bluff, CA');
    expect(principalCity('Chicago-Naperville-Elgin, IL-IN-WI')).toBe('Chicago, IL-IN-WI');
  });

  it('bucket a distribution into labelled ranges', () => {
    expect(bucketize([[1, 4], [2, 1], [5, 2], [6, 1], [250, 3]], [1, 2, 6, 101])).toEqual([
      { label: '1', count: 4 },
      { label: '2–5', count: 3 },
      { label: '6–100', count: 1 },
      { label: '101+', count: 3 },
    ]);
  });

  it('print shares and sizes for people', () => {
    expect([percent(0.0531), percent(0.82), percent(0), percent(1)]).toEqual(['5.3%', '82%', '0%', '100%']);
    expect([bytes(512), bytes(5 * 1024 * 1024)]).toEqual(['512 bytes', '5 MB']);
  });
});
