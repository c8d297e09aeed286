// Reading and pruning the work change log (migration 006). Consumers: src/search/change-feed.ts.
import { sql } from 'kysely';
import type { Db } from '../types.ts';
import type { WorkChangesTable } from '../schema.ts';
import type { DialectName } from '../connect.ts';
import { changeTriggerStatements, dropChangeTriggerStatements, dropPageChangeTriggerStatements, pageChangeTriggerStatements } from '../change-triggers.ts';

export type WorkChangeKind = WorkChangesTable['kind'];

/** Kinds that change only a work's counters: no indexed text, tags or creators. */
export function isCounterChange(kind: WorkChangeKind): boolean {
  return kind === 'stats' || kind === 'hits';
}

export interface WorkChange {
  seq: number;
  workId: number;
  kind: WorkChangeKind;
}

/** The newest sequence number, 0 when the log is empty. */
export async function latestChangeSeq(db: Db): Promise<number> {
  const row = await db.selectFrom('work_changes').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirst();
  return Number(row?.seq ?? 0);
}

/** The oldest sequence number still kept, or null when the log is empty. */
export async function oldestChangeSeq(db: Db): Promise<number | null> {
  const row = await db.selectFrom('work_changes').select((eb) => eb.fn.min('seq').as('seq')).executeTakeFirst();
  return row?.seq == null ? null : Number(row.seq);
}

/** Changes after `seq`, plus those whose numbers are listed in `alsoSeqs` (gaps seen earlier). */
export async function changesAfter(db: Db, seq: number, alsoSeqs: readonly number[], limit: number): Promise<WorkChange[]> {
  const rows = await db
    .selectFrom('work_changes')
    .select(['seq', 'work_id', 'kind'])
    .where((eb) => (alsoSeqs.length > 0 ? eb.or([eb('seq', '>', seq), eb('seq', 'in', [...alsoSeqs])]) : eb('seq', '>', seq)))
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ seq: Number(r.seq), workId: r.work_id, kind: r.kind }));
}

/** Drops entries older than `before`; consumers that fell behind rebuild from scratch. */
export async function pruneChanges(db: Db, before: Date): Promise<number> {
  const result = await db.deleteFrom('work_changes').where('changed_at', '<', before.toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Bulk loaders (bench/corpus) stop change logging while they write millions of rows, then turn it
 * back on; consumers must then rebuild from scratch (they do when the log was emptied).
 */
export async function setChangeLogging(db: Db, dialect: DialectName, on: boolean): Promise<void> {
  const statements = on
    ? [...changeTriggerStatements(dialect), ...pageChangeTriggerStatements(dialect)]
    : [...dropPageChangeTriggerStatements(dialect), ...dropChangeTriggerStatements(dialect)];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
