// English stemming for the full-text index: the Porter algorithm (M. F. Porter, "An algorithm for
// suffix stripping", 1980) from the `stemmer` package. It runs in JavaScript rather than in
// either database so that SQLite and PostgreSQL index exactly the same tokens, and so that
// snippets highlight exactly what matched: "dragons" and "dragon" both become "dragon",
// "running" and "run" both "run".
//
// Only words of the letters a–z are stemmed (folding has already removed diacritics); anything
// else — digits, other scripts — is kept as it is.
import { stemmer } from 'stemmer';

const PLAIN_WORD = /^[a-z]+$/;

// Text repeats its words, so a bounded cache makes stemming a map lookup for most tokens.
const CACHE_LIMIT = 50_000;
const cache = new Map<string, string>();

/** The English stem of a folded word; words outside a–z come back unchanged. */
export function stem(word: string): string {
  if (!PLAIN_WORD.test(word)) return word;
  let stemmed = cache.get(word);
  if (stemmed === undefined) {
    stemmed = stemmer(word);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, stemmed);
  }
  return stemmed;
}
