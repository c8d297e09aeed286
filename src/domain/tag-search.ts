// Tag names folded for the autocomplete's word-prefix search (tag-search.repo.ts). Pure: the same
// folding runs on tag names when they are indexed and on what a writer types, so both sides agree.
//
// Folding: lower-case, NFKD, drop the combining marks Unicode classes as diacritics (so "É" is
// "e", "ñ" is "n"), NFC again; a few letters that have no decomposition are spelled out (ø → o,
// ß → ss, æ → ae …) and Greek final sigma becomes σ. Words are runs of letters, digits and the
// remaining marks; apostrophes inside a word are dropped ("Draco's" → "dracos", as AO3's word
// count does); anything else separates words ("Draco Malfoy/Harry Potter" → draco malfoy harry
// potter). Han, Hiragana and Katakana are written without spaces, so each of their characters is
// a word of its own: "鬼滅の刃" is found by typing "滅" or "刃" as well as "鬼".

/** Longest search key kept, in code points; longer queries are cut to it (a 48-character prefix is practically exact). */
export const SEARCH_KEY_MAX = 48;

// Kana voicing marks (゛゜ as U+3099/U+309A) are diacritics too, but "ガ" is not "カ": keep them
// so that NFC puts the voiced kana back together.
const DIACRITIC = /(?![\u3099\u309a])(?=\p{M})\p{Diacritic}/gu;
const SPELLED_OUT: Readonly<Record<string, string>> = {
  ß: 'ss', ø: 'o', đ: 'd', ð: 'd', ł: 'l', æ: 'ae', œ: 'oe', þ: 'th', ħ: 'h', ŧ: 't', ı: 'i', ŋ: 'n', ς: 'σ',
};
const SPELLED_OUT_RE = new RegExp(`[${Object.keys(SPELLED_OUT).join('')}]`, 'gu');
const APOSTROPHE = /['’ʼ＇]/u;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const ONE_CHAR_WORD = /(?=[\p{L}\p{N}])[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}]/u;

/** Lower-cased, diacritics removed, compatibility forms unified; word separators kept. */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(DIACRITIC, '')
    .normalize('NFC')
    .replace(SPELLED_OUT_RE, (c) => SPELLED_OUT[c] ?? c);
}

/** The folded words of a tag name (or of a query), in order. */
export function searchWords(text: string): string[] {
  const words: string[] = [];
  let current = '';
  const flush = (): void => {
    if (current !== '') words.push(current);
    current = '';
  };
  for (const char of foldText(text)) {
    if (ONE_CHAR_WORD.test(char)) {
      flush();
      words.push(char);
    } else if (WORD_CHAR.test(char)) {
      current += char;
    } else if (!(APOSTROPHE.test(char) && current !== '')) {
      flush();
    }
  }
  flush();
  return words;
}

function cut(text: string): string {
  // By code points, so a character outside the BMP is never split in half.
  const chars = Array.from(text);
  return chars.length > SEARCH_KEY_MAX ? chars.slice(0, SEARCH_KEY_MAX).join('') : text;
}

export interface SearchKey {
  /** The folded words from one word of the name to its end, space-separated, cut to SEARCH_KEY_MAX. */
  key: string;
  /** The key starts at the name's first word (such matches are listed first). */
  first: boolean;
}

/**
 * One key per word of the name: the rest of the name from that word on. A query matches a tag
 * when the folded query is a prefix of one of its keys, which is a word-start match for one word
 * ("mal" → "Draco Malfoy") and a phrase match for several ("draco mal", "malfoy/harry").
 */
export function searchKeys(name: string): SearchKey[] {
  const words = searchWords(name);
  const seen = new Set<string>();
  const keys: SearchKey[] = [];
  for (let i = 0; i < words.length; i++) {
    const key = cut(words.slice(i).join(' '));
    if (seen.has(key)) continue;
    seen.add(key);
    keys.push({ key, first: i === 0 });
  }
  return keys;
}

/** What the writer typed, folded into the prefix to look up; '' when it holds no letter or digit. */
export function searchPrefix(query: string): string {
  return cut(searchWords(query).join(' '));
}

/**
 * The exclusive upper end of the key range that starts with `prefix`. U+10FFFF is the largest
 * code point and a noncharacter that folding never keeps, so under code-point (binary, "C")
 * ordering every key starting with `prefix` lies in [prefix, prefix + U+10FFFF).
 */
export function prefixUpperBound(prefix: string): string {
  return `${prefix}\u{10FFFF}`;
}

/**
 * The ranking band of a key: canonical tags before the others (only they are always suggested),
 * and within each, names that start with the query before names with a later word matching.
 * 0 canonical/first word, 1 canonical/later word, 2 other/first word, 3 other/later word.
 */
export function searchTier(canonical: boolean, first: boolean): number {
  return (canonical ? 0 : 2) + (first ? 0 : 1);
}

export const CANONICAL_TIERS = [0, 1] as const;
export const OTHER_TIERS = [2, 3] as const;
