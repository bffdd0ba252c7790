// Names and titles built from the word lists. Song titles end with a noun from one half of NOUNS: songs in the song
// files use even positions and songs that are only played use odd positions, so no played-only song can ever match
// a song file by title by accident, and the match rate is exactly what was asked for.
import type { Rng } from './random.js';
import {
  ACCENTS, ADJECTIVES, BAND_NOUNS, FEMALE_NAMES, LAST_NAMES, MALE_NAMES, NOUNS, TITLE_SUFFIXES, VERBS_ING,
} from './words.js';

export type TitlePartition = 0 | 1;

const endingNoun = (rng: Rng, partition: TitlePartition): string =>
  NOUNS[2 * rng.int(Math.floor((NOUNS.length - partition + 1) / 2)) + partition] ?? 'Song';

/** Puts one accent into a word (quirk): reversible letter by letter, so distinct words stay distinct. */
export function accentOnce(rng: Rng, word: string): string {
  const spots: number[] = [];
  for (let i = 0; i < word.length; i++) if (ACCENTS[word[i]?.toLowerCase() ?? ''] !== undefined) spots.push(i);
  if (spots.length === 0) return word;
  const at = rng.pick(spots);
  const letter = word[at] ?? '';
  const accented = rng.pick(ACCENTS[letter.toLowerCase()] ?? [letter]);
  const replacement = letter === letter.toUpperCase() ? accented.toUpperCase() : accented;
  return word.slice(0, at) + replacement + word.slice(at + 1);
}

export function songTitle(rng: Rng, partition: TitlePartition, accent: boolean): string {
  let noun = endingNoun(rng, partition);
  if (accent) noun = accentOnce(rng, noun);
  const r = rng.float();
  let title: string;
  if (r < 0.25) title = noun;
  else if (r < 0.5) title = `${rng.pick(ADJECTIVES)} ${noun}`;
  else if (r < 0.65) title = `${rng.pick(VERBS_ING)} ${noun}`;
  else if (r < 0.75) title = `${rng.pick(NOUNS)} of ${noun}`;
  else if (r < 0.85) title = `The ${rng.pick(ADJECTIVES)} ${noun}`;
  else if (r < 0.93) title = `${rng.pick(VERBS_ING)} the ${rng.pick(ADJECTIVES)} ${noun}`;
  else title = `${rng.pick(['My', 'Your', 'Little', 'Sweet', 'Oh'])} ${noun}`;
  return rng.chance(0.08) ? title + rng.pick(TITLE_SUFFIXES) : title;
}

export function personName(rng: Rng): string {
  return `${rng.pick(rng.chance(0.5) ? FEMALE_NAMES : MALE_NAMES)} ${rng.pick(LAST_NAMES)}`;
}

export function artistName(rng: Rng, accent: boolean): string {
  const r = rng.float();
  let name: string;
  if (r < 0.4) name = personName(rng);
  else if (r < 0.65) name = `The ${rng.pick(ADJECTIVES)} ${rng.pick(BAND_NOUNS)}`;
  else if (r < 0.75) name = `${rng.pick(ADJECTIVES)} ${rng.pick(BAND_NOUNS)}`;
  else if (r < 0.83) name = `${personName(rng)} & The ${rng.pick(BAND_NOUNS)}`;
  else if (r < 0.9) name = rng.pick(NOUNS);
  else if (r < 0.95) name = `${rng.pick(['DJ', 'MC', 'Lil'])} ${rng.pick(rng.chance(0.5) ? MALE_NAMES : LAST_NAMES)}`;
  else name = `${personName(rng)}${rng.pick([' / ', '/'])}${personName(rng)}`; // the real names carry slashes too
  return accent ? accentOnce(rng, name) : name;
}

/** Another way the same artist is credited on some songs (quirk: one artist id, several names). */
export function artistVariant(rng: Rng, name: string): string {
  const other = personName(rng);
  return rng.pick([`${name} featuring ${other}`, `${name} feat. ${other}`, `${name} & ${other}`, `${name} / ${other}`]);
}
