// Changing who is credited for works: moving creatorships between pseuds (orphaning, pseud
// deletion) and listing a user's works.
import type { Db } from '../types.ts';
import { bool } from '../types.ts';

export interface Creatorship {
  workId: number;
  pseudId: number;
  userId: number;
  approved: boolean;
}

export async function creatorshipsOfUser(db: Db, userId: number): Promise<Creatorship[]> {
  const rows = await db
    .selectFrom('work_creatorships')
    .innerJoin('pseuds', 'pseuds.id', 'work_creatorships.pseud_id')
    .select(['work_creatorships.work_id', 'work_creatorships.pseud_id', 'pseuds.user_id', 'work_creatorships.approved'])
    .where('pseuds.user_id', '=', userId)
    .execute();
  return rows.map((r) => ({ workId: r.work_id, pseudId: r.pseud_id, userId: r.user_id, approved: bool(r.approved) }));
}

export async function creatorshipsOfWork(db: Db, workId: number): Promise<Creatorship[]> {
  const rows = await db
    .selectFrom('work_creatorships')
    .innerJoin('pseuds', 'pseuds.id', 'work_creatorships.pseud_id')
    .select(['work_creatorships.work_id', 'work_creatorships.pseud_id', 'pseuds.user_id', 'work_creatorships.approved'])
    .where('work_creatorships.work_id', '=', workId)
    .orderBy('work_creatorships.position')
    .execute();
  return rows.map((r) => ({ workId: r.work_id, pseudId: r.pseud_id, userId: r.user_id, approved: bool(r.approved) }));
}

/**
 * Moves one creatorship to another pseud, merging when that pseud is already credited. The row
 * keeps its own approval: an invitation not yet accepted stays one wherever it moves. Merged
 * into a row already there, the result is approved when either was (an accepted credit is never
 * turned back into an invitation).
 */
export async function moveCreatorship(db: Db, workId: number, fromPseudId: number, toPseudId: number): Promise<void> {
  const moving = await db.selectFrom('work_creatorships').select('approved').where('work_id', '=', workId).where('pseud_id', '=', fromPseudId).executeTakeFirst();
  if (!moving || fromPseudId === toPseudId) return;
  const existing = await db.selectFrom('work_creatorships').select('approved').where('work_id', '=', workId).where('pseud_id', '=', toPseudId).executeTakeFirst();
  if (existing) {
    if (bool(moving.approved) && !bool(existing.approved)) await approveCreatorship(db, workId, toPseudId);
    await db.deleteFrom('work_creatorships').where('work_id', '=', workId).where('pseud_id', '=', fromPseudId).execute();
  } else {
    await db.updateTable('work_creatorships').set({ pseud_id: toPseudId }).where('work_id', '=', workId).where('pseud_id', '=', fromPseudId).execute();
  }
}

export async function removeCreatorship(db: Db, workId: number, pseudId: number): Promise<void> {
  await db.deleteFrom('work_creatorships').where('work_id', '=', workId).where('pseud_id', '=', pseudId).execute();
}

/**
 * Withdraws every co-creator invitation the user has not accepted (their unapproved
 * creatorships), for when the user goes: an invitation is not a credit, so it is not handed on.
 */
export async function removePendingCreatorshipsOfUser(db: Db, userId: number): Promise<void> {
  await db
    .deleteFrom('work_creatorships')
    .where('approved', '=', false)
    .where('pseud_id', 'in', (eb) => eb.selectFrom('pseuds').select('id').where('user_id', '=', userId))
    .execute();
}

export async function moveSeriesCreatorships(db: Db, fromPseudId: number, toPseudId: number): Promise<void> {
  const series = await db.selectFrom('series_creatorships').select('series_id').where('pseud_id', '=', fromPseudId).execute();
  for (const { series_id } of series) {
    const has = await db.selectFrom('series_creatorships').select('series_id').where('series_id', '=', series_id).where('pseud_id', '=', toPseudId).executeTakeFirst();
    if (has) await db.deleteFrom('series_creatorships').where('series_id', '=', series_id).where('pseud_id', '=', fromPseudId).execute();
    else await db.updateTable('series_creatorships').set({ pseud_id: toPseudId }).where('series_id', '=', series_id).where('pseud_id', '=', fromPseudId).execute();
  }
}

export async function deleteWork(db: Db, workId: number): Promise<void> {
  await db.deleteFrom('works').where('id', '=', workId).execute();
}

export async function bumpRevision(db: Db, workId: number, now: string): Promise<void> {
  await db
    .updateTable('works')
    .set((eb) => ({ revision: eb('revision', '+', 1), updated_at: now }))
    .where('id', '=', workId)
    .execute();
}

export interface PendingCreatorship {
  workId: number;
  workTitle: string;
  pseudId: number;
  pseudName: string;
}

/** Invitations to co-create that a user has not answered yet. */
export async function pendingCreatorshipsOfUser(db: Db, userId: number): Promise<PendingCreatorship[]> {
  const rows = await db
    .selectFrom('work_creatorships')
    .innerJoin('pseuds', 'pseuds.id', 'work_creatorships.pseud_id')
    .innerJoin('works', 'works.id', 'work_creatorships.work_id')
    .select(['works.id as work_id', 'works.title', 'pseuds.id as pseud_id', 'pseuds.name'])
    .where('pseuds.user_id', '=', userId)
    .where('work_creatorships.approved', '=', false)
    .orderBy('works.id', 'desc')
    .execute();
  return rows.map((r) => ({ workId: r.work_id, workTitle: r.title, pseudId: r.pseud_id, pseudName: r.name }));
}

export async function approveCreatorship(db: Db, workId: number, pseudId: number): Promise<void> {
  await db.updateTable('work_creatorships').set({ approved: true }).where('work_id', '=', workId).where('pseud_id', '=', pseudId).execute();
}

/** The user's pseuds credited on a series. */
export async function seriesPseudIdsOfUser(db: Db, seriesId: number, userId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('series_creatorships')
    .innerJoin('pseuds', 'pseuds.id', 'series_creatorships.pseud_id')
    .select('series_creatorships.pseud_id')
    .where('series_creatorships.series_id', '=', seriesId)
    .where('pseuds.user_id', '=', userId)
    .execute();
  return rows.map((r) => r.pseud_id);
}

/** Whether the user still created (approved) any work in the series. */
export async function userHasWorksInSeries(db: Db, seriesId: number, userId: number): Promise<boolean> {
  const row = await db
    .selectFrom('serial_works')
    .innerJoin('work_creatorships', 'work_creatorships.work_id', 'serial_works.work_id')
    .innerJoin('pseuds', 'pseuds.id', 'work_creatorships.pseud_id')
    .select('serial_works.work_id')
    .where('serial_works.series_id', '=', seriesId)
    .where('pseuds.user_id', '=', userId)
    .where('work_creatorships.approved', '=', true)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Moves one series' creatorship to another pseud, merging when that pseud is already credited. */
export async function moveOneSeriesCreatorship(db: Db, seriesId: number, fromPseudId: number, toPseudId: number): Promise<void> {
  const has = await db.selectFrom('series_creatorships').select('series_id').where('series_id', '=', seriesId).where('pseud_id', '=', toPseudId).executeTakeFirst();
  if (has) await db.deleteFrom('series_creatorships').where('series_id', '=', seriesId).where('pseud_id', '=', fromPseudId).execute();
  else await db.updateTable('series_creatorships').set({ pseud_id: toPseudId }).where('series_id', '=', seriesId).where('pseud_id', '=', fromPseudId).execute();
}
