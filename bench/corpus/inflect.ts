// English inflection for the generated prose: regular past and -ing forms and plurals, with the
// irregular verbs listed in vocabulary.ts. Plain spelling rules, good enough for synthetic text.
import { IRREGULAR } from './vocabulary.ts';

const VOWEL = /[aeiou]/;

export function pastTense(verb: string): string {
  const irregular = IRREGULAR.get(verb);
  if (irregular) return irregular[0];
  if (verb.endsWith('e')) return `${verb}d`;
  if (verb.endsWith('y') && !VOWEL.test(verb.at(-2) ?? '')) return `${verb.slice(0, -1)}ied`;
  return `${verb}ed`;
}

export function presentParticiple(verb: string): string {
  const irregular = IRREGULAR.get(verb);
  if (irregular) return irregular[1];
  if (verb.endsWith('ie')) return `${verb.slice(0, -2)}ying`;
  if (verb.endsWith('e') && !/[eoy]e$/.test(verb)) return `${verb.slice(0, -1)}ing`;
  return `${verb}ing`;
}

const PLURALS = new Map(
  Object.entries({
    man: 'men', woman: 'women', child: 'children', foot: 'feet', person: 'people', fish: 'fish', leaf: 'leaves',
    knife: 'knives', wife: 'wives', shelf: 'shelves', scarf: 'scarves', thief: 'thieves', life: 'lives', half: 'halves',
    roof: 'roofs', grief: 'griefs', chief: 'chiefs', tooth: 'teeth', mouse: 'mice', sheep: 'sheep', hoof: 'hooves',
  }),
);

export function plural(noun: string): string {
  const irregular = PLURALS.get(noun);
  if (irregular) return irregular;
  if (/(s|x|z|ch|sh)$/.test(noun)) return `${noun}es`;
  if (noun.endsWith('y') && !VOWEL.test(noun.at(-2) ?? '')) return `${noun.slice(0, -1)}ies`;
  return `${noun}s`;
}

/** "a" or "an" before a word (by its first letter; "an hour" aside, close enough). */
export function article(word: string): string {
  return /^[aeiou]/i.test(word) || word === 'hour' ? 'an' : 'a';
}

export function titleCase(text: string): string {
  const small = new Set(['a', 'an', 'the', 'and', 'but', 'or', 'of', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from']);
  return text
    .split(' ')
    .map((w, i) => (i > 0 && small.has(w) ? w : w.charAt(0).toUpperCase() + w.slice(1)))
    .join(' ');
}
