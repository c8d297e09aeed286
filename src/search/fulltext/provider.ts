// The SearchProvider (search/types.ts) over either engine (index.ts picks the engine).
//
// match() returns every matching work's id and score without loading any text; the caller
// (the discovery index) applies the reader's scope and filters. snippets() reads the text of the
// works on one result page only.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { loadChapterContents, loadSnippetOutlines, type SnippetChapterInfo, type SnippetWork } from '../../db/repos/search-documents.repo.ts';
import type { SearchExpr } from '../../domain/search-syntax.ts';
import type { SearchProvider, Snippet, TextMatch } from '../types.ts';
import { compileQuery, htmlText, positiveTerms, type QueryTerm } from './analyze.ts';
import type { FulltextEngine } from './engine.ts';
import { SYNC_BUDGET, pendingWorkIds, rebuildIndex, syncPending, syncStep } from './index-sync.ts';
import { matchQuality, prepareText, renderSnippet, type PreparedText } from './snippet.ts';

// How much chapter HTML snippets read. Chapters are read in order and a work stops at the first
// chapter holding every term, so most works cost one chapter. A first round reads a little of
// every work on the page; a second, for works not yet satisfied, reads on up to the per-work limit
// (a work longer than that falls back to its summary when its match lies further on) while the
// whole page stays under its own limit.
const FIRST_ROUND_BYTES = 64_000;
export const SNIPPET_BYTES_PER_WORK = 512_000;
const SNIPPET_BYTES_PER_PAGE = 4_000_000;

/**
 * How much match() ranks. Up to `rankLimit` matches, every match gets its full relevance score
 * (BM25 on SQLite, ts_rank on PostgreSQL), which reads each match's index entry. Beyond that
 * (common words), match() returns the `maxMatches` newest matching works, ranks those with a term
 * in the title, a tag or a creator name by those fields (when there are at most `strongLimit`
 * such works), and ties the rest at 0.
 */
export interface RankLimits {
  rankLimit: number;
  maxMatches: number;
  strongLimit: number;
}

export const RANK_LIMITS: RankLimits = { rankLimit: 2_000, maxMatches: 20_000, strongLimit: 5_000 };

export class FulltextProvider implements SearchProvider {
  readonly #db: Kysely<Database>;
  readonly #engine: FulltextEngine;
  readonly #limits: RankLimits;
  #running: Promise<void> | null = null;
  #queued: Promise<void> | null = null;
  #lastSyncError = 0;

  constructor(db: Kysely<Database>, engine: FulltextEngine, limits: RankLimits = RANK_LIMITS) {
    this.#db = db;
    this.#engine = engine;
    this.#limits = limits;
  }

  /**
   * One bounded step when the log has news. Calls that arrive while a step runs share one
   * follow-up step, which starts after it (so it sees every write made before those calls).
   */
  sync(): Promise<void> {
    if (!this.#running) {
      this.#running = this.#syncOnce().finally(() => (this.#running = null));
      return this.#running;
    }
    this.#queued ??= this.#running
      .catch(() => {})
      .then(() => {
        this.#queued = null;
        return this.sync();
      });
    return this.#queued;
  }

  async #syncOnce(): Promise<void> {
    if (await syncPending(this.#db)) await syncStep(this.#db, this.#engine, SYNC_BUDGET);
  }

  /**
   * Searches go ahead on the index as it is when a sync step fails (the database busy with a long
   * write, say): readers get slightly stale results rather than an error. The failure is reported
   * on stderr, at most once a minute, and the next search tries again.
   */
  async #syncForSearch(): Promise<void> {
    try {
      await this.sync();
    } catch (error) {
      const now = Date.now();
      if (now - this.#lastSyncError < 60_000) return;
      this.#lastSyncError = now;
      console.error(`Owlery could not update the full-text index: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async rebuild(progress?: (done: number, total: number) => void): Promise<void> {
    await rebuildIndex(this.#db, this.#engine, progress);
  }

  async match(expr: SearchExpr): Promise<TextMatch[]> {
    const query = compileQuery(expr);
    if (!query) return [];
    await this.#syncForSearch();
    const stale = await pendingWorkIds(this.#db);
    const matches = await this.#match(query);
    return stale.size === 0 ? matches : matches.filter((m) => !stale.has(m.workId));
  }

  async #match(query: NonNullable<ReturnType<typeof compileQuery>>): Promise<TextMatch[]> {
    const { rankLimit, maxMatches, strongLimit } = this.#limits;
    if (this.#engine.rankFirst(query)) {
      const ranked = await this.#engine.ranked(this.#db, query, rankLimit + 1);
      if (ranked.length <= rankLimit) return ranked;
    } else if ((await this.#engine.countUpTo(this.#db, query, rankLimit + 1)) <= rankLimit) {
      return this.#engine.ranked(this.#db, query, rankLimit);
    }
    // Too many to score each: the newest matches, those with a term in the title, a tag or a
    // creator name scored by those fields, the rest (text, summary or notes only) tied at 0.
    const ids = await this.#engine.ids(this.#db, query, maxMatches);
    if (ids.length === 0) return [];
    const strong = await this.#engine.strong(this.#db, positiveTerms(query), ids[ids.length - 1]!, strongLimit + 1);
    const scores = strong.length <= strongLimit ? new Map(strong.map((m) => [m.workId, m.score])) : new Map<number, number>();
    return ids.map((workId) => ({ workId, score: scores.get(workId) ?? 0 }));
  }

  async snippets(expr: SearchExpr, workIds: readonly number[]): Promise<Map<number, Snippet>> {
    const query = compileQuery(expr);
    const terms = query ? positiveTerms(query) : [];
    await this.#syncForSearch();
    const works = await loadSnippetOutlines(this.#db, workIds);
    const bodyTerms = inField(terms, 'body');
    // Without a term that can match chapter text, a chapter is wanted only where there is no summary.
    const readChapters = bodyTerms.length > 0 ? works : works.filter((w) => htmlText(w.summary).trim() === '');
    const picks = await pickChapters(this.#db, readChapters, bodyTerms);
    const out = new Map<number, Snippet>();
    for (const work of works) {
      const snippet = snippetFor(work, picks.get(work.workId), terms);
      if (snippet) out.set(work.workId, snippet);
    }
    return out;
  }
}

type Candidate = { chapterId: number; position: number; prepared: PreparedText };
interface Pick {
  /** The chapter with the most distinct terms (then most matches; the earliest on a tie). */
  best: Candidate | null;
  /** The first chapter, for works whose match is elsewhere and that have no summary. */
  first: Candidate | null;
  next: number;
  bytes: number;
  done: boolean;
}

async function pickChapters(db: Kysely<Database>, works: readonly SnippetWork[], terms: readonly QueryTerm[]): Promise<Map<number, Pick>> {
  const picks = new Map<number, Pick>(works.map((w) => [w.workId, { best: null, first: null, next: 0, bytes: 0, done: w.chapters.length === 0 }]));
  let pageBytes = 0;
  for (const limit of terms.length > 0 ? [FIRST_ROUND_BYTES, SNIPPET_BYTES_PER_WORK] : [1]) {
    const wanted: SnippetChapterInfo[] = [];
    for (const work of works) {
      const pick = picks.get(work.workId)!;
      for (; !pick.done && pick.next < work.chapters.length; pick.next++) {
        const chapter = work.chapters[pick.next]!;
        if (pick.bytes > 0 && (pick.bytes + chapter.length > limit || pageBytes + chapter.length > SNIPPET_BYTES_PER_PAGE)) break;
        wanted.push(chapter);
        pick.bytes += chapter.length;
        pageBytes += chapter.length;
      }
    }
    if (wanted.length === 0) break;
    const contents = await loadChapterContents(db, wanted.map((c) => c.chapterId));
    for (const chapter of wanted) {
      const pick = picks.get(chapter.workId)!;
      if (pick.done) continue;
      const prepared = prepareText(htmlText(contents.get(chapter.chapterId) ?? ''), terms, true);
      const candidate = { chapterId: chapter.chapterId, position: chapter.position, prepared };
      pick.first ??= candidate;
      if (prepared.info.distinct > 0 && (!pick.best || matchQuality(prepared.info) > matchQuality(pick.best.prepared.info))) pick.best = candidate;
      if (terms.length > 0 && prepared.info.distinct === terms.length) pick.done = true;
    }
  }
  return picks;
}

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
