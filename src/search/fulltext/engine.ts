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
   * Whether scoring this query's matches costs little more than finding them (ts_rank must fetch
   * each match's vectors; FTS5's bm25 needs each phrase's document count): then match() ranks at
   * once instead of counting first.
   */
  rankFirst(query: CompiledQuery): boolean;
  /** How many works match, counting no further than `limit` (a cheap look before ranking). */
  countUpTo(db: Db, query: CompiledQuery, limit: number): Promise<number>;
  /**
   * Matching works with full relevance scores (higher is better), at most `limit` of them, in no
   * particular order. Scoring reads each match's index entry, so callers keep `limit` small.
   */
  ranked(db: Db, query: CompiledQuery, limit: number): Promise<TextMatch[]>;
  /** Ids of matching works, newest (highest id) first, at most `limit`; nothing is scored. */
  ids(db: Db, query: CompiledQuery, limit: number): Promise<number[]>;
  /**
   * Works from id `minId` up in which one of `terms` occurs in the title, a tag or a creator name,
   * at most `limit`, scored by those fields alone: the ranking used when too many works match to
   * score them all (`minId` is the oldest of those matches, so older works need not be read).
   */
  strong(db: Db, terms: readonly QueryTerm[], minId: number, limit: number): Promise<TextMatch[]>;
  /** Housekeeping after a full rebuild (planner statistics). */
  afterRebuild(db: Db): Promise<void>;
}
