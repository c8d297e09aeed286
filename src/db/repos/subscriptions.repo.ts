// Subscriptions to works, creators (users) and series. Each row sets exactly one target column,
// the one its kind names (migration 011).
import type { Db } from '../types.ts';
import type { SubscriptionKind } from '../schema.ts';

export interface SubscriptionRecord {
  id: number;
  userId: number;
  kind: SubscriptionKind;
  targetId: number;
  createdAt: string;
}

const TARGET: Record<SubscriptionKind, 'work_id' | 'creator_id' | 'series_id'> = { work: 'work_id', creator: 'creator_id', series: 'series_id' };

type Row = { id: number; user_id: number; kind: SubscriptionKind; work_id: number | null; creator_id: number | null; series_id: number | null; created_at: string };
const COLUMNS = ['id', 'user_id', 'kind', 'work_id', 'creator_id', 'series_id', 'created_at'] as const;

function toRecord(row: Row): SubscriptionRecord {
  return { id: row.id, userId: row.user_id, kind: row.kind, targetId: (row.work_id ?? row.creator_id ?? row.series_id)!, createdAt: row.created_at };
}

/** Subscribes; `added` is false when the subscription was there already. */
export async function insertSubscription(db: Db, userId: number, kind: SubscriptionKind, targetId: number, now: string): Promise<{ id: number; added: boolean }> {
  const column = TARGET[kind];
  const inserted = await db
    .insertInto('subscriptions')
    .values({
      user_id: userId,
      kind,
      work_id: kind === 'work' ? targetId : null,
      creator_id: kind === 'creator' ? targetId : null,
      series_id: kind === 'series' ? targetId : null,
      created_at: now,
    })
    .onConflict((oc) => oc.columns(['user_id', column]).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return { id: inserted.id, added: true };
  const existing = await findSubscription(db, userId, kind, targetId);
  if (!existing) throw new Error(`subscription of user ${userId} to ${kind} ${targetId} vanished while it was added`);
  return { id: existing.id, added: false };
}

export async function findSubscription(db: Db, userId: number, kind: SubscriptionKind, targetId: number): Promise<SubscriptionRecord | null> {
  const row = await db.selectFrom('subscriptions').select(COLUMNS).where('user_id', '=', userId).where(TARGET[kind], '=', targetId).executeTakeFirst();
  return row ? toRecord(row) : null;
}

export async function findSubscriptionById(db: Db, id: number): Promise<SubscriptionRecord | null> {
  const row = await db.selectFrom('subscriptions').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : null;
}

/** False when it was gone already (two clicks on Unsubscribe). */
export async function deleteSubscriptionRow(db: Db, id: number): Promise<boolean> {
  const result = await db.deleteFrom('subscriptions').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** A user's subscriptions, newest first. */
export async function subscriptionsOfUser(db: Db, userId: number): Promise<SubscriptionRecord[]> {
  const rows = await db.selectFrom('subscriptions').select(COLUMNS).where('user_id', '=', userId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
  return rows.map(toRecord);
}

export interface SubscriberRow {
  userId: number;
  kind: SubscriptionKind;
  /** The series, for a series subscription. */
  seriesId: number | null;
}

/** Everyone subscribed to one of these targets. */
export async function subscribersOf(db: Db, targets: { workIds?: readonly number[]; creatorIds?: readonly number[]; seriesIds?: readonly number[] }): Promise<SubscriberRow[]> {
  const lists: Array<['work_id' | 'creator_id' | 'series_id', readonly number[]]> = [
    ['work_id', targets.workIds ?? []],
    ['creator_id', targets.creatorIds ?? []],
    ['series_id', targets.seriesIds ?? []],
  ];
  const wanted = lists.filter(([, ids]) => ids.length > 0);
  if (wanted.length === 0) return [];
  const rows = await db
    .selectFrom('subscriptions')
    .select(['user_id', 'kind', 'series_id'])
    .where((eb) => eb.or(wanted.map(([column, ids]) => eb(column, 'in', [...ids]))))
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ userId: r.user_id, kind: r.kind, seriesId: r.series_id }));
}

/** How many readers follow a work (for its creators' stats). */
export async function countWorkSubscribers(db: Db, workId: number): Promise<number> {
  const row = await db.selectFrom('subscriptions').select((eb) => eb.fn.countAll<number>().as('n')).where('work_id', '=', workId).executeTakeFirstOrThrow();
  return Number(row.n);
}
