// What match() may ask of the engine for a query without its cost running away (issue 5: a
// search's p95 within 100 ms at a million works).
//
// Finding a word's works costs little per work: its list is read once (a quarter of a million
// works in about 25 ms). A phrase costs far more: in each work holding all of its words, their
// positions are compared (about 4 µs a work). That is cheap when one of the words is rare — the
// walk leaps from one of its works to the next — but a phrase made of common words only ("at
// the": its rarest word is in 185,000 of a million works) costs most of a second. So does
// ranking by it, since bm25() and ts_rank first count the works the phrase occurs in.
//
// Such a common phrase is therefore matched among the newest works only — from where the newest
// PHRASE_WORKS works holding its rarest word begin — unless another clause of the query is
// selective enough to keep the walk short; and it is left out of the terms scores are computed
// from (the other terms still rank the matches; without any, they tie and the newest come first).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { positiveTerms, type CompiledQuery, type QueryTerm } from './analyze.ts';
import type { FulltextEngine } from './engine.ts';

/** A phrase whose rarest word more works than this hold is a common phrase. */
export const PHRASE_WORKS = 10_000;

export interface MatchPlan {
  /** Match only works from this id up (the newest); undefined: every work. */
  floor?: number;
  /** The positive terms scores may be computed from. */
  rankTerms: QueryTerm[];
}

interface TokenReach {
  /** Works holding the word, counted up to one more than the phrase bound. */
  count: number;
  /** The lowest id among the newest of those works. */
  floor: number;
}

export async function planMatch(db: Kysely<Database>, engine: FulltextEngine, query: CompiledQuery, phraseWorks = PHRASE_WORKS): Promise<MatchPlan> {
  const terms = positiveTerms(query);
  // Words alone: nothing to plan (only phrases compare positions).
  if (terms.every((t) => t.tokens.length === 1)) return { rankTerms: terms };
  const tokens = [...new Set(terms.flatMap((t) => t.tokens))];
  const reach = new Map<string, TokenReach>();
  await Promise.all(tokens.map(async (token) => reach.set(token, await engine.newest(db, { tokens: [token], field: null }, phraseWorks + 1))));
  // Of two words past the count, the rarer one's newest works reach further back.
  const rarer = (a: TokenReach, b: TokenReach): TokenReach => (b.count < a.count || (b.count === a.count && b.floor < a.floor) ? b : a);
  const rarest = (term: QueryTerm): TokenReach => term.tokens.map((t) => reach.get(t)!).reduce(rarer);
  const common = (term: QueryTerm): boolean => rarest(term).count > phraseWorks;
  const commonPhrases = terms.filter((t) => t.tokens.length > 1 && common(t));
  const rankTerms = terms.filter((t) => !commonPhrases.includes(t));
  // A clause of rare terms only: the other clauses are tested at its few works alone.
  const selective = query.all.some((clause) => clause.every((t) => !common(t)));
  if (commonPhrases.length === 0 || selective) return { rankTerms };
  return { floor: Math.max(...commonPhrases.map((t) => rarest(t).floor)), rankTerms };
}
