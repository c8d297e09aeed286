// Invented names for the corpus: people (characters), franchises and fandoms, long-tail
// freeform tags, logins. Built from the syllables and word lists of vocabulary.ts, so nothing
// names a real work or person.
import { Weighted, chance, int, pick, type Random } from './distributions.ts';
import { plural, titleCase } from './inflect.ts';
import * as V from './vocabulary.ts';

const capital = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** An invented word of two or three syllables ("kaelith", "vorena"). */
export function inventedWord(random: Random): string {
  const middle = random() < 0.55 ? pick(random, V.NAME_MIDDLES) : '';
  // No doubled vowels or runs of three where syllables meet ("aeael" → "ael").
  return (pick(random, V.NAME_ONSETS) + middle + pick(random, V.NAME_ENDS)).replace(/([aeiouy])\1+/g, '$1').replace(/([aeiouy]{2})[aeiouy]+/g, '$1');
}

/** A character's name: given name and family name, now and then only one of them. */
export function personName(random: Random): string {
  const r = random();
  if (r < 0.06) return capital(inventedWord(random));
  if (r < 0.1) return `${capital(inventedWord(random))} ${capital(inventedWord(random))}-${capital(inventedWord(random))}`;
  return `${capital(inventedWord(random))} ${capital(inventedWord(random))}`;
}

const FRANCHISE_WORDS = ['Chronicles', 'Saga', 'Academy', 'Legends', 'Tales', 'Cycle', 'Trilogy', 'Files', 'Heroes', 'Quest'];

/** A franchise's base name ("The Hollow Lantern", "Veldris Chronicles", "Crown of Taroth"). */
export function franchiseName(random: Random): string {
  const adjective = () => pick(random, V.ADJECTIVES.slice(0, 200));
  const noun = () => pick(random, V.NOUNS.slice(0, 400));
  switch (int(random, 0, 5)) {
    case 0:
      return titleCase(`the ${adjective()} ${noun()}`);
    case 1:
      return capital(inventedWord(random));
    case 2:
      return `${capital(inventedWord(random))} ${pick(random, FRANCHISE_WORDS)}`;
    case 3:
      return titleCase(`${noun()} of ${capital(inventedWord(random))}`);
    case 4:
      return titleCase(`${adjective()} ${plural(noun())}`);
    default:
      return titleCase(`${noun()} and ${noun()}`);
  }
}

export interface MediaForm {
  suffix: (random: Random) => string;
  media: string;
}

/** How a fandom names its medium, as AO3 does: "X (TV)", "X (Video Game)", "X - Author". */
export const MEDIA_FORMS = new Weighted<MediaForm>([
  ...V.MEDIA_FORMS.map(([suffix, media, weight]) => [{ suffix: () => suffix, media }, weight] as const),
  [{ suffix: (random: Random) => ` - ${personName(random)}`, media: 'Books & Literature' }, 14] as const,
]);

/** Initials of a franchise name, as readers abbreviate it ("THL"); null when too short. */
export function abbreviation(name: string): string | null {
  const initials = name.split(/[\s-]+/).filter((w) => /^[A-Z]/.test(w)).map((w) => w[0]).join('');
  return initials.length >= 2 ? initials : null;
}

const FREEFORM_PATTERNS: ReadonlyArray<(random: Random, character: string | null) => string> = [
  (r) => titleCase(`${pick(r, V.ADJECTIVES)} ${pick(r, V.NOUNS)}`),
  (r) => titleCase(`${pick(r, V.NOUNS)} and ${pick(r, V.NOUNS)}`),
  (r) => `Alternate Universe - ${titleCase(`${pick(r, V.ADJECTIVES)} ${plural(pick(r, V.NOUNS))}`)}`,
  (r, c) => `${c ?? capital(inventedWord(r))} Needs a Hug`,
  (r, c) => `${c ?? capital(inventedWord(r))}-centric`,
  (r, c) => `${c ?? capital(inventedWord(r))} Has ${titleCase(plural(pick(r, V.NOUNS)))}`,
  (r, c) => `Protective ${c ?? capital(inventedWord(r))}`,
  (r) => `Post-${titleCase(pick(r, V.NOUNS))}`,
  (r) => `the ${pick(r, V.NOUNS)} is ${pick(r, V.ADJECTIVES)}`,
  (r) => `there will be ${plural(pick(r, V.NOUNS))}`,
  (r) => `${pick(r, V.ADVERBS)} ${pick(r, V.ADJECTIVES)} ${plural(pick(r, V.NOUNS))}`,
  (r) => `author has no idea about ${plural(pick(r, V.NOUNS))}`,
  (r) => titleCase(`${pick(r, V.NOUNS)} ${pick(r, V.NOUNS)}`),
  (r) => `${titleCase(pick(r, V.NOUNS))} Fic`,
];

/** A long-tail freeform tag, free text as writers type it; some name one of the characters. */
export function freeformName(random: Random, character: string | null): string {
  return pick(random, FREEFORM_PATTERNS)(random, character);
}

/** A login (letters, digits, underscores) that looks like a handle. */
export function loginName(random: Random): string {
  const base = inventedWord(random);
  switch (int(random, 0, 3)) {
    case 0:
      return `${base}${int(random, 1, 9999)}`;
    case 1:
      return `${base}_${pick(random, V.NOUNS.slice(0, 300))}`;
    case 2:
      return `${pick(random, V.ADJECTIVES.slice(0, 200))}${capital(pick(random, V.NOUNS.slice(0, 300)))}${chance(random, 0.5) ? int(random, 1, 99) : ''}`;
    default:
      return `${base}${capital(inventedWord(random))}`;
  }
}
