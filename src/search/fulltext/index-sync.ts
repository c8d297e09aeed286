// Keeps the full-text index in step with the work change log (migration 006), shared by every app
// process: one state row in `settings` says how far the log has been applied, which sequence
// numbers were skipped (PostgreSQL hands them out before commit, so a late commit leaves a hole
// that fills later — the same rule as search/change-feed.ts, but kept in the database because
// processes share this index and a step may stop part-way through a batch), and whether a full
// scan is in progress.
//
// Each step runs in one transaction under the engine's writer lock: read the state, take at most
// `budget` changed works from the log (and, during a scan, the next works by id), delete their
// rows, insert what is indexable now, write the state. Everything it does is idempotent, so a
// step interrupted or repeated by another process does no harm, and a request never waits for
// more than one bounded step.
//
// A full scan re-reads every work by id while the log keeps being applied; it starts when the
// index is first created over existing works (migration 007), when the log was pruned past the
// cursor, or from `owlery reindex`. It also proceeds a little with every request, so an
// interrupted rebuild finishes by itself.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Db } from '../../db/types.ts';
import { getSetting, putSetting } from '../../db/repos/settings.repo.ts';
import { changesAfter, isCounterChange, latestChangeSeq, oldestChangeSeq } from '../../db/repos/work-changes.repo.ts';
import { countWorks, loadSearchSources, workIdsAfter } from '../../db/repos/search-documents.repo.ts';
import { buildDocument } from './analyze.ts';
import type { FulltextEngine } from './engine.ts';

export const STATE_KEY = 'fulltext.sync';
/** Works re-indexed by one step on the request path (match/snippets call sync first). */
export const SYNC_BUDGET = 100;
/** Works per transaction in `owlery reindex`. */
export const REBUILD_BATCH = 250;
/** Change-log rows read per step (counter updates among them cost a row each, nothing more). */
const LOG_ROWS = 2_000;
/** As change-feed.ts: a hole older than this is a rolled-back transaction's, not one in flight. */
const GAP_TTL_MS = 60_000;
/** A hole wider than this is a rolled-back bulk write. */
const MAX_GAP = 1_000;
/**
 * A rebuild re-applies this many log entries from before it started, so that a transaction that
 * took its sequence number earlier but committed after the scan passed its work is not lost.
 */
const REPLAY = 1_000;

export interface SyncState {
  /** Log entries up to here are applied (except the holes in `gaps`). */
  seq: number;
  /** Holes below `seq`: [sequence number, when first seen in ms]. */
  gaps: Array<[number, number]>;
  /** A full scan has indexed every work up to this id; null when no scan is running. */
  scan: number | null;
}

export function parseState(value: string | null): SyncState | null {
  if (value === null) return null;
  try {
    const parsed = JSON.parse(value) as Partial<SyncState>;
    if (typeof parsed.seq !== 'number' || !Array.isArray(parsed.gaps)) return null;
    return { seq: parsed.seq, gaps: parsed.gaps, scan: typeof parsed.scan === 'number' ? parsed.scan : null };
  } catch {
    return null;
  }
}

/** A state that re-reads everything: for a missing or unreadable state row, and for rebuilds. */
async function scanFromStart(db: Db): Promise<SyncState> {
  return { seq: Math.max(0, (await latestChangeSeq(db)) - REPLAY), gaps: [], scan: 0 };
}

/** How many unapplied log rows a status read looks at, at most. */
const PENDING_LIMIT = 20_000;

/** Where the index stands against the log, as a search needs it: one read serves both parts. */
export interface SyncStatus {
  /** A sync step has something to do (log entries, a scan in progress, or no state yet). */
  due: boolean;
  /**
   * Works whose indexed text may be out of date: they have log entries (other than counter
   * changes) that no sync step has applied yet. Searches leave them out until they are
   * re-indexed, so a stale document never answers for a draft chapter, a hidden work or a creator
   * name that an anonymous work no longer shows.
   */
  stale: Set<number>;
}

/** Cheap, outside any transaction: the state row and the unapplied log entries after it. */
export async function syncStatus(db: Db): Promise<SyncStatus> {
  const state = parseState(await getSetting(db, STATE_KEY));
  const stale = new Set<number>();
  if (!state) return { due: true, stale };
  const rows = await changesAfter(db, state.seq, state.gaps.map(([seq]) => seq), PENDING_LIMIT);
  for (const row of rows) if (!isCounterChange(row.kind)) stale.add(row.workId);
  return { due: state.scan !== null || rows.length > 0, stale };
}

/** Works whose indexed text may be out of date (SyncStatus.stale). */
export async function pendingWorkIds(db: Db): Promise<Set<number>> {
  return (await syncStatus(db)).stale;
}

export interface StepResult {
  /** More remains (log entries or a scan): call again. */
  more: boolean;
  /** Works the scan passed in this step. */
  scanned: number;
}

export async function syncStep(db: Kysely<Database>, engine: FulltextEngine, budget: number, now: () => number = Date.now): Promise<StepResult> {
  return db.transaction().execute(async (trx) => {
    await engine.lockForWrite(trx);
    const state = parseState(await getSetting(trx, STATE_KEY)) ?? (await scanFromStart(trx));
    const nowMs = now();
    const gaps = new Map(state.gaps.filter(([, seenAt]) => nowMs - seenAt <= GAP_TTL_MS));
    const rows = await changesAfter(trx, state.seq, [...gaps.keys()], LOG_ROWS);

    // Entries right after the cursor are gone: the log was pruned while this index lagged behind
    // (or, rarely, the transactions that held them rolled back). Only a scan can be sure.
    const firstNew = rows.find((r) => r.seq > state.seq);
    if (firstNew && firstNew.seq > state.seq + 1 && state.scan === null) {
      const oldest = await oldestChangeSeq(trx);
      if (oldest !== null && oldest > state.seq + 1) state.scan = 0;
    }

    const changed = new Set<number>();
    let stoppedEarly = false;
    for (const row of rows) {
      // Counter updates do not change what is searchable; they only move the cursor.
      const relevant = !isCounterChange(row.kind);
      if (relevant && !changed.has(row.workId) && changed.size >= budget) {
        stoppedEarly = true;
        break;
      }
      if (!gaps.delete(row.seq)) {
        if (row.seq - state.seq - 1 <= MAX_GAP) for (let missing = state.seq + 1; missing < row.seq; missing++) gaps.set(missing, nowMs);
        state.seq = Math.max(state.seq, row.seq);
      }
      if (relevant) changed.add(row.workId);
    }

    const ids = new Set(changed);
    await engine.remove(trx, [...changed]);
    let scanned = 0;
    if (state.scan !== null) {
      const room = Math.max(budget - changed.size, Math.ceil(budget / 2));
      const next = await workIdsAfter(trx, state.scan, room);
      scanned = next.length;
      if (next.length < room) {
        // The last stretch: also drops rows of works deleted above the last id.
        await engine.removeRange(trx, state.scan, null);
        state.scan = null;
      } else {
        const last = next[next.length - 1]!;
        await engine.removeRange(trx, state.scan, last);
        state.scan = last;
      }
      for (const id of next) ids.add(id);
    }

    const sources = await loadSearchSources(trx, [...ids]);
    await engine.insert(trx, sources.map(buildDocument));
    await putSetting(trx, STATE_KEY, JSON.stringify({ seq: state.seq, gaps: [...gaps], scan: state.scan } satisfies SyncState), new Date(nowMs).toISOString());
    return { more: stoppedEarly || rows.length === LOG_ROWS || state.scan !== null, scanned };
  });
}

/**
 * Re-indexes every work in batches, reporting progress as (works scanned, works at the start).
 * The index keeps answering meanwhile: each batch replaces its works' rows in one transaction.
 */
export async function rebuildIndex(db: Kysely<Database>, engine: FulltextEngine, progress?: (done: number, total: number) => void): Promise<void> {
  const total = await countWorks(db);
  await db.transaction().execute(async (trx) => {
    await engine.lockForWrite(trx);
    await putSetting(trx, STATE_KEY, JSON.stringify(await scanFromStart(trx)), new Date().toISOString());
  });
  let done = 0;
  progress?.(0, total);
  for (;;) {
    const step = await syncStep(db, engine, REBUILD_BATCH);
    done += step.scanned;
    progress?.(Math.min(done, total), total);
    if (!step.more) break;
  }
  progress?.(total, total);
  await engine.afterRebuild(db);
}
