// The SearchProvider (search/types.ts) over either engine (index.ts picks the engine).
//
// match() finds every matching work without loading any text, and scores as many as it can
// afford; the caller (the discovery index) applies the reader's scope and filters. snippets()
// reads the text of the works on one result page only (snippet-pick.ts).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { loadSnippetOutlines, type SnippetWork } from '../../db/repos/search-documents.repo.ts';
import type { SearchExpr } from '../../domain/search-syntax.ts';
import type { MatchOptions, SearchProvider, Snippet, TextMatch } from '../types.ts';
import { compileQuery, htmlText, positiveTerms, type QueryTerm } from './analyze.ts';
import type { FulltextEngine } from './engine.ts';
import { ConcurrencyLimit } from './concurrency.ts';
import { FollowUpRun } from '../follow-up-run.ts';
import { SYNC_BUDGET, rebuildIndex, syncStatus, syncStep } from './index-sync.ts';
import { PHRASE_WORKS, planMatch, type MatchPlan } from './match-plan.ts';
import { pickChapters, type Pick } from './snippet-pick.ts';
import { prepareText, renderSnippet } from './snippet.ts';
import { MatchSet } from './text-scores.ts';

/**
 * How much match() does (issue 5's budget: a search's p95 within 100 ms at a million works).
 *
 * Up to `rankLimit` matches, every match gets its full relevance score (BM25 on SQLite, ts_rank
 * on PostgreSQL), which reads each match's index entry. Beyond that (common words) the caller's
 * filters are asked for the matches that pass (MatchOptions.narrow): up to `rankLimit` of those
 * are scored in full. Failing that, when at most `strongMatches` works match, those with a term
 * in the title, a tag or a creator name are scored by those fields (when there are at most
 * `strongLimit` of them); the rest tie at 0, and the discovery index puts the newest first.
 * (Beyond `strongMatches`, finding the title matches would cost as much again as finding the
 * matches did.) `phraseWorks` bounds the works a phrase of common words is tested in
 * (match-plan.ts).
 */
export interface MatchLimits {
  rankLimit: number;
  strongMatches: number;
  strongLimit: number;
  phraseWorks: number;
}

export const MATCH_LIMITS: MatchLimits = { rankLimit: 2_000, strongMatches: 50_000, strongLimit: 5_000, phraseWorks: PHRASE_WORKS };

/** A quarter of the default PostgreSQL pool (10): the rest stays for pages and listings. */
export const MAX_CONCURRENT_MATCHES = 2;

export class FulltextProvider implements SearchProvider {
  readonly #db: Kysely<Database>;
  readonly #engine: FulltextEngine;
  readonly #limits: MatchLimits;
  /** Searches matching at once in this process (concurrency.ts says why). */
  readonly #searches = new ConcurrencyLimit(MAX_CONCURRENT_MATCHES);
  readonly #sync = new FollowUpRun(() => this.#syncOnce());
  #lastSyncError = 0;

  constructor(db: Kysely<Database>, engine: FulltextEngine, limits: MatchLimits = MATCH_LIMITS) {
    this.#db = db;
    this.#engine = engine;
    this.#limits = limits;
  }

  /**
   * One bounded step when the log has news; calls arriving while a step runs share one follow-up
   * step after it, so each sees every write made before it asked (FollowUpRun).
   */
  sync(): Promise<void> {
    return this.#sync.run();
  }

  async #syncOnce(): Promise<void> {
    if ((await syncStatus(this.#db)).due) await syncStep(this.#db, this.#engine, SYNC_BUDGET);
  }

  /**
   * Brings the index up to date (one bounded step) when the log has news, and returns the works
   * whose index text is still stale, for the search to leave out. One read of the state and the
   * log serves both when nothing changed, as is usual.
   *
   * Searches go ahead on the index as it is when a sync step fails (the database busy with a long
   * write, say): readers get slightly stale results rather than an error. The failure is reported
   * on stderr, at most once a minute, and the next search tries again.
   */
  async #staleForSearch(): Promise<Set<number>> {
    const status = await syncStatus(this.#db);
    if (!status.due) return status.stale;
    try {
      await this.sync();
    } catch (error) {
      const now = Date.now();
      if (now - this.#lastSyncError >= 60_000) {
        this.#lastSyncError = now;
        console.error(`Owlery could not update the full-text index: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return (await syncStatus(this.#db)).stale;
  }

  async rebuild(progress?: (done: number, total: number) => void): Promise<void> {
    await rebuildIndex(this.#db, this.#engine, progress);
  }

  async match(expr: SearchExpr, options: MatchOptions = {}): Promise<MatchSet> {
    const query = compileQuery(expr);
    if (!query) return MatchSet.EMPTY;
    return this.#searches.run(() => this.#matchQuery(query, options));
  }

  async #matchQuery(query: NonNullable<ReturnType<typeof compileQuery>>, options: MatchOptions): Promise<MatchSet> {
    const stale = await this.#staleForSearch();
    const plan = await planMatch(this.#db, this.#engine, query, this.#limits.phraseWorks);
    const found = await this.#engine.ids(this.#db, query, plan.floor);
    const matches = new MatchSet(stale.size === 0 ? found : found.filter((id) => !stale.has(id)));
    if (options.rank === false || matches.size === 0 || plan.rankTerms.length === 0) return matches;
    return this.#rank(plan, matches, options.narrow);
  }

  /** Scores for `matches` within the limits (MatchLimits). */
  async #rank(plan: MatchPlan, matches: MatchSet, narrow: MatchOptions['narrow']): Promise<MatchSet> {
    const { rankLimit, strongMatches, strongLimit } = this.#limits;
    const { rankTerms } = plan;
    if (matches.size <= rankLimit) return matches.withScores(scoreMap(await this.#engine.ranked(this.#db, rankTerms, matches.ids)));
    const candidates = narrow ? await narrow(matches, rankLimit) : null;
    if (candidates) {
      const within = candidates.filter((id) => matches.has(id));
      return new MatchSet(within, scoreMap(await this.#engine.ranked(this.#db, rankTerms, within)));
    }
    if (matches.size > strongMatches) return matches;
    // Too many to score each: those with a term in the title, a tag or a creator name scored by
    // those fields, the rest (text, summary or notes only) tied at 0.
    const strong = await this.#engine.strong(this.#db, rankTerms, strongLimit, plan.floor);
    return strong ? matches.withScores(scoreMap(strong)) : matches;
  }

  async snippets(expr: SearchExpr, workIds: readonly number[]): Promise<Map<number, Snippet>> {
    // No sync up front: snippets read the works' own text; only #bodyHolders reads the index.
    const query = compileQuery(expr);
    const terms = query ? positiveTerms(query) : [];
    const works = await loadSnippetOutlines(this.#db, workIds);
    const bodyTerms = inField(terms, 'body');
    // Without a term that can match chapter text, a chapter is wanted only where there is no summary.
    const readChapters = bodyTerms.length > 0 ? works : works.filter((w) => htmlText(w.summary).trim() === '');
    const picks = await pickChapters(this.#db, readChapters, bodyTerms, (terms, ids) => this.#bodyHolders(terms, ids));
    const out = new Map<number, Snippet>();
    for (const work of works) {
      const snippet = snippetFor(work, picks.get(work.workId), terms);
      if (snippet) out.set(work.workId, snippet);
    }
    return out;
  }

  /** snippet-pick.ts BodyHolders: a work whose index entry is stale may hold any term. */
  async #bodyHolders(terms: readonly QueryTerm[], workIds: readonly number[]): Promise<Array<Set<number>>> {
    const stale = await this.#staleForSearch();
    const holders = await Promise.all(terms.map((term) => this.#engine.inBody(this.#db, term, workIds)));
    for (const id of workIds) if (stale.has(id)) for (const set of holders) set.add(id);
    return holders;
  }
}

const scoreMap = (matches: readonly TextMatch[]) => new Map(matches.map((m) => [m.workId, m.score]));

const inField = (terms: readonly QueryTerm[], field: 'body' | 'summary') => terms.filter((t) => t.field === null || t.field === field);

/**
 * The best chapter's passage; else the summary, highlighted where it matches; else the opening of
 * the summary or, without one, of the first chapter. A passage from the summary has chapterId and
 * chapterPosition 0.
 */
function snippetFor(work: SnippetWork, pick: Pick | undefined, terms: readonly QueryTerm[]): Snippet | null {
  if (pick?.best) return { chapterId: pick.best.chapterId, chapterPosition: pick.best.position, html: renderSnippet(pick.best.prepared) };
  const summary = prepareText(htmlText(work.summary), inField(terms, 'summary'));
  if (summary.text.trim() !== '') return { chapterId: 0, chapterPosition: 0, html: renderSnippet(summary) };
  const first = pick?.first;
  if (first && first.prepared.text.trim() !== '') return { chapterId: first.chapterId, chapterPosition: first.position, html: renderSnippet(first.prepared) };
  return null;
}
