// Series and the works in them.
import type { Db } from '../types.ts';
import { bool } from '../types.ts';

export interface SeriesRecord {
  id: number;
  title: string;
  summary: string;
  notes: string;
  complete: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface SeriesMembership {
  seriesId: number;
  title: string;
  position: number;
}

export async function findSeriesById(db: Db, id: number): Promise<SeriesRecord | null> {
  const row = await db.selectFrom('series').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  return { id: row.id, title: row.title, summary: row.summary, notes: row.notes, complete: bool(row.complete), createdAt: row.created_at, updatedAt: row.updated_at };
}

/** A series with this title that one of these pseuds already created, for joining by title. */
export async function findSeriesByTitleForPseuds(db: Db, title: string, pseudIds: readonly number[]): Promise<number | null> {
  if (pseudIds.length === 0) return null;
  const row = await db
    .selectFrom('series')
    .innerJoin('series_creatorships', 'series_creatorships.series_id', 'series.id')
    .select('series.id')
    .where('series.title', '=', title)
    .where('series_creatorships.pseud_id', 'in', [...pseudIds])
    .orderBy('series.id')
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function insertSeries(db: Db, series: { title: string; pseudIds: readonly number[] }, now: string): Promise<number> {
  const row = await db
    .insertInto('series')
    .values({ title: series.title, summary: '', notes: '', created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (series.pseudIds.length > 0) {
    await db.insertInto('series_creatorships').values(series.pseudIds.map((pseudId) => ({ series_id: row.id, pseud_id: pseudId }))).execute();
  }
  return row.id;
}

export async function addWorkToSeries(db: Db, seriesId: number, workId: number, position: number | null, now: string): Promise<void> {
  let pos = position;
  if (pos === null) {
    const last = await db.selectFrom('serial_works').select((eb) => eb.fn.max('position').as('max')).where('series_id', '=', seriesId).executeTakeFirst();
    pos = Number(last?.max ?? 0) + 1;
  }
  await db.insertInto('serial_works').values({ series_id: seriesId, work_id: workId, position: pos }).execute();
  await db.updateTable('series').set({ updated_at: now }).where('id', '=', seriesId).execute();
}

export async function seriesForWorks(db: Db, workIds: readonly number[]): Promise<Map<number, SeriesMembership[]>> {
  const byWork = new Map<number, SeriesMembership[]>();
  if (workIds.length === 0) return byWork;
  const rows = await db
    .selectFrom('serial_works')
    .innerJoin('series', 'series.id', 'serial_works.series_id')
    .select(['serial_works.work_id', 'series.id', 'series.title', 'serial_works.position'])
    .where('serial_works.work_id', 'in', [...workIds])
    .orderBy('series.title')
    .execute();
  for (const row of rows) {
    const list = byWork.get(row.work_id) ?? [];
    list.push({ seriesId: row.id, title: row.title, position: row.position });
    byWork.set(row.work_id, list);
  }
  return byWork;
}

/** Work ids of a series in reading order. */
export async function seriesWorkIds(db: Db, seriesId: number): Promise<number[]> {
  const rows = await db.selectFrom('serial_works').select('work_id').where('series_id', '=', seriesId).orderBy('position').orderBy('work_id').execute();
  return rows.map((r) => r.work_id);
}

/** The series a user's pseuds created (approved), by title, for the posting form's choice. */
export async function seriesOfUser(db: Db, userId: number): Promise<Array<{ id: number; title: string }>> {
  return db
    .selectFrom('series')
    .innerJoin('series_creatorships', 'series_creatorships.series_id', 'series.id')
    .innerJoin('pseuds', 'pseuds.id', 'series_creatorships.pseud_id')
    .select(['series.id', 'series.title'])
    .distinct()
    .where('pseuds.user_id', '=', userId)
    .where('series_creatorships.approved', '=', true)
    .orderBy('series.title')
    .orderBy('series.id')
    .execute();
}

/** Users whose approved pseuds created the series (who may edit it). */
export async function seriesCreatorUserIds(db: Db, seriesId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('series_creatorships')
    .innerJoin('pseuds', 'pseuds.id', 'series_creatorships.pseud_id')
    .select('pseuds.user_id')
    .distinct()
    .where('series_creatorships.series_id', '=', seriesId)
    .where('series_creatorships.approved', '=', true)
    .execute();
  return rows.map((r) => r.user_id);
}

export async function updateSeries(db: Db, id: number, series: { title: string; summary: string; notes: string; complete: boolean }, now: string): Promise<void> {
  await db
    .updateTable('series')
    .set({ title: series.title, summary: series.summary, notes: series.notes, complete: series.complete, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export async function seriesIdsOfWork(db: Db, workId: number): Promise<number[]> {
  const rows = await db.selectFrom('serial_works').select('series_id').where('work_id', '=', workId).execute();
  return rows.map((r) => r.series_id);
}

export async function setSeriesPosition(db: Db, seriesId: number, workId: number, position: number, now: string): Promise<void> {
  await db.updateTable('serial_works').set({ position }).where('series_id', '=', seriesId).where('work_id', '=', workId).execute();
  await db.updateTable('series').set({ updated_at: now }).where('id', '=', seriesId).execute();
}

export async function removeWorkFromSeries(db: Db, seriesId: number, workId: number): Promise<void> {
  await db.deleteFrom('serial_works').where('series_id', '=', seriesId).where('work_id', '=', workId).execute();
}

/** AO3 removes a series once its last work leaves it. */
export async function deleteSeriesIfEmpty(db: Db, seriesId: number): Promise<void> {
  const any = await db.selectFrom('serial_works').select('work_id').where('series_id', '=', seriesId).limit(1).executeTakeFirst();
  if (!any) await db.deleteFrom('series').where('id', '=', seriesId).execute();
}
