// What each database's full-text implementation provides (sqlite-fts5.ts, postgres-tsvector.ts).
// Everything else — analysis, keeping the index in step with the change log, snippets, how much
// to rank — is shared (provider.ts, index-sync.ts), so the two behave alike by construction.
import type { Db } from '../../db/types.ts';
import type { TextMatch } from '../types.ts';
import type { CompiledQuery, IndexDocument, QueryTerm } from './analyze.ts';

export interface FulltextEngine {
  /**
   * Serializes writers of the index until the transaction ends, so that of two processes
   * re-indexing the same work, the one that read it later also writes it later.
   */
  lockForWrite(trx: Db): Promise<void>;
  /** Drops these works' rows. */
  remove(trx: Db, workIds: readonly number[]): Promise<void>;
  /** Drops the rows of works with ids in (after, upTo], or above `after` when upTo is null. */
  removeRange(trx: Db, after: number, upTo: number | null): Promise<void>;
  /** Adds rows for works that have none (callers remove first). */
  insert(trx: Db, docs: readonly IndexDocument[]): Promise<void>;
  /**
   * Ids of matching works, in no particular order: every one, or with `floor`, those from that
   * id up. Nothing is scored, so this costs little per match even for a word that a quarter of
   * the archive holds (a phrase costs more: its words' positions are compared in each work).
   */
  ids(db: Db, query: CompiledQuery, floor?: number): Promise<number[]>;
  /**
   * How many works hold `term` (its field ignored), counting no further than `limit`, and the
   * lowest id among the newest `limit` of them: what the cost of matching it depends on.
   */
  newest(db: Db, term: QueryTerm, limit: number): Promise<{ count: number; floor: number }>;
  /**
   * Those of `within` that hold one of `terms`, with full relevance scores over those terms
   * (higher is better). Scoring reads each scored work's index entry, and counts the works
   * holding each term in the whole index, so callers keep `within` small and leave out terms
   * that are costly to count.
   */
  ranked(db: Db, terms: readonly QueryTerm[], within: readonly number[]): Promise<TextMatch[]>;
  /**
   * Works (from id `floor` up) in which one of `terms` occurs in the title, a tag or a creator
   * name, scored by those fields alone: the ranking used when too many works match to score
   * them all. Null when more than `limit` works have such a match (then scoring them would cost
   * too much as well).
   */
  strong(db: Db, terms: readonly QueryTerm[], limit: number, floor?: number): Promise<TextMatch[] | null>;
  /** Those of `workIds` whose chapter text holds `term` (snippets skip reading the others). */
  inBody(db: Db, term: QueryTerm, workIds: readonly number[]): Promise<Set<number>>;
  /** Housekeeping after a full rebuild (planner statistics). */
  afterRebuild(db: Db): Promise<void>;
}
