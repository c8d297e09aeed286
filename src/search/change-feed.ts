// A consumer's cursor over the work change log (migration 006): which works changed since the
// last look. Used by the in-memory discovery index (one per process) and by the full-text index
// sync (cursor kept in the database).
//
// PostgreSQL hands out sequence numbers before commit, so a transaction that commits late leaves
// a temporary hole below numbers already seen. The feed remembers such holes and asks for them
// again until they fill or are old enough to be a rolled-back transaction's (GAP_TTL_MS).
import type { Db } from '../db/types.ts';
import { changesAfter, type WorkChangeKind } from '../db/repos/work-changes.repo.ts';

const GAP_TTL_MS = 60_000;
const MAX_GAP = 1_000;
/** More changes than this at once: rebuilding is cheaper than applying them one by one. */
export const MAX_CHANGES_PER_POLL = 20_000;

export interface ChangeBatch {
  /** Too many changes (or the log was pruned past the cursor): the consumer should rebuild. */
  rebuild: boolean;
  /** Changed works and what changed about each. */
  works: Map<number, Set<WorkChangeKind>>;
}

export class ChangeFeed {
  private cursor: number;
  private readonly gaps = new Map<number, number>();
  private readonly now: () => number;

  constructor(startSeq: number, now: () => number = Date.now) {
    this.cursor = startSeq;
    this.now = now;
  }

  get position(): number {
    return this.cursor;
  }

  /** Starts over from `seq` (after a rebuild that read everything up to it). */
  reset(seq: number): void {
    this.cursor = seq;
    this.gaps.clear();
  }

  async poll(db: Db): Promise<ChangeBatch> {
    const now = this.now();
    for (const [seq, seenAt] of this.gaps) if (now - seenAt > GAP_TTL_MS) this.gaps.delete(seq);
    const rows = await changesAfter(db, this.cursor, [...this.gaps.keys()], MAX_CHANGES_PER_POLL + 1);
    const works = new Map<number, Set<WorkChangeKind>>();
    if (rows.length > MAX_CHANGES_PER_POLL) return { rebuild: true, works };
    for (const row of rows) {
      if (this.gaps.delete(row.seq)) {
        // A late commit filling a hole: nothing to advance.
      } else {
        // A hole wider than MAX_GAP is a rolled-back bulk write, not transactions in flight.
        if (row.seq - this.cursor - 1 <= MAX_GAP) for (let missing = this.cursor + 1; missing < row.seq; missing++) this.gaps.set(missing, now);
        this.cursor = Math.max(this.cursor, row.seq);
      }
      let kinds = works.get(row.workId);
      if (!kinds) works.set(row.workId, (kinds = new Set()));
      kinds.add(row.kind);
    }
    return { rebuild: false, works };
  }
}
