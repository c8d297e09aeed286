// The two engines behind discovery, as interfaces the services program against:
//
// - DiscoveryIndex: one per process, in memory. Filters, sorts, pages and counts facets over
//   every visible work (AO3's work search and its "Filters" sidebar) in a few milliseconds at a
//   million works, kept fresh from the work change log (change-feed.ts).
// - SearchProvider: full text (title, summary, notes, tags, creators, chapter text) in the
//   database's own engine — SQLite FTS5 or PostgreSQL tsvector/GIN — with BM25-style ranking and
//   highlighted snippets. It answers "which works match, how well"; the discovery index then
//   applies the filters, so every filter combines with every search.
import type { WorkScope } from '../domain/policy.ts';
import type { WorkQuery } from '../domain/work-query.ts';
import type { SearchExpr } from '../domain/search-syntax.ts';
import type { TagType } from '../domain/tag-types.ts';

/** The filters and order a WorkQuery carries as they are; only tag names need resolving. */
type PlainFilters = Pick<WorkQuery, 'crossover' | 'complete' | 'singleChapter' | 'language' | 'words' | 'hits' | 'kudos' | 'comments' | 'bookmarks' | 'posted' | 'updated' | 'sort' | 'order'>;

/** A WorkQuery whose tag names are resolved to filter-tag ids (canonical tags), ready to run. */
export interface ResolvedWorkQuery extends PlainFilters {
  scope: WorkScope;
  /** Every one of these must be in the work's filter set. */
  includeTagIds: number[];
  /** None of these may be. */
  excludeTagIds: number[];
  /** An included tag does not exist, so nothing can match (AO3 shows zero results). */
  matchesNothing: boolean;
  /** Only works created by this user's approved pseuds… */
  creatorUserId?: number;
  /** …including the anonymous ones (only for the creator themself; policy decides). */
  includeAnonymous?: boolean;
  /** Only works in this set (full-text matches), each with its relevance score (higher is better). */
  textScores?: TextScores;
}

/**
 * A set of works with a relevance score each (higher is better): what a full-text search hands
 * the discovery index. A Map fits; full-text search uses a leaner form (fulltext/text-scores.ts).
 */
export interface TextScores {
  readonly size: number;
  has(workId: number): boolean;
  /** The work's score, undefined for works outside the set. */
  get(workId: number): number | undefined;
  keys(): Iterable<number>;
}

export interface FacetCount {
  type: TagType;
  tagId: number;
  name: string;
  count: number;
}

export interface DiscoveryPage {
  /** Work ids of this page, in order. */
  ids: number[];
  /** All matching works the scope may see. */
  total: number;
  /** The most frequent filter tags of each type among all matching works (`facetsPerType` each). */
  facets: FacetCount[];
  /** Opaque keyset cursor for the page after this one, null on the last page. */
  next: string | null;
}

export interface DiscoveryRequest {
  limit: number;
  /** Page-number paging (web pages): skip this many. */
  offset?: number;
  /** Keyset paging (API): the `next` of the previous page. Invalid cursors throw Invalid. */
  cursor?: string | null;
  /** 0 to skip facet counting. */
  facetsPerType: number;
}

export interface DiscoveryIndex {
  /** Brings the index up to date with the change log; cheap when nothing changed. */
  refresh(): Promise<void>;
  query(query: ResolvedWorkQuery, request: DiscoveryRequest): Promise<DiscoveryPage>;
  /** Bytes held by the index's arrays (for benchmarks and /healthz). */
  memoryBytes(): number;
}

/** One scored full-text match. */
export interface TextMatch {
  workId: number;
  /** Higher is better; only comparable within one query. */
  score: number;
}

export interface Snippet {
  /** 0 when the passage comes from the summary (no chapter matched). */
  chapterId: number;
  /** 1-based position among the work's chapters; 0 for the summary. */
  chapterPosition: number;
  /** Escaped text with the matching words wrapped in <mark>…</mark>; safe to insert as HTML. */
  html: string;
}

export interface MatchOptions {
  /** Score the matches (for "best match" order); without it every match scores 0. Default true. */
  rank?: boolean;
  /**
   * The caller's filters, applied to the matches: the ids of those that pass, or null when more
   * than `limit` pass. When too many works match to score each one, the provider asks for these
   * and scores just them (a search within a fandom ranks fully even when the word is common).
   */
  narrow?: (matches: TextScores, limit: number) => Promise<readonly number[] | null>;
}

export interface SearchProvider {
  /** Applies pending changes from the work change log; cheap when nothing changed. */
  sync(): Promise<void>;
  /** Rebuilds the whole index (`owlery reindex`), reporting progress. */
  rebuild(progress?: (done: number, total: number) => void): Promise<void>;
  /**
   * Every work matching the expression, however many, each with its relevance score (a phrase
   * made of common words only is looked for among the newest works: fulltext/match-plan.ts).
   * Only posted, unhidden works are indexed; restricted works are (the discovery index applies
   * the reader's scope). Anonymous works are indexed without their creators, so `creator:` never
   * finds them. When `narrow` answered, the result holds only the works that passed it.
   */
  match(expr: SearchExpr, options?: MatchOptions): Promise<TextScores>;
  /** A highlighted passage from the best-matching chapter (or the summary) of each work. */
  snippets(expr: SearchExpr, workIds: readonly number[]): Promise<Map<number, Snippet>>;
}
