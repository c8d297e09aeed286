// Who created which works: approved creatorships joined to pseuds and their users.
import type { Db } from '../types.ts';

export interface CreatorRecord {
  pseudId: number;
  pseud: string;
  userId: number;
  login: string;
}

export async function creatorsForWorks(db: Db, workIds: readonly number[]): Promise<Map<number, CreatorRecord[]>> {
  const byWork = new Map<number, CreatorRecord[]>();
  if (workIds.length === 0) return byWork;
  const rows = await db
    .selectFrom('work_creatorships')
    .innerJoin('pseuds', 'pseuds.id', 'work_creatorships.pseud_id')
    .innerJoin('users', 'users.id', 'pseuds.user_id')
    .select(['work_creatorships.work_id', 'pseuds.id as pseud_id', 'pseuds.name', 'users.id as user_id', 'users.login'])
    .where('work_creatorships.work_id', 'in', [...workIds])
    .where('work_creatorships.approved', '=', true)
    .orderBy('work_creatorships.position')
    .execute();
  for (const row of rows) {
    const list = byWork.get(row.work_id) ?? [];
    list.push({ pseudId: row.pseud_id, pseud: row.name, userId: row.user_id, login: row.login });
    byWork.set(row.work_id, list);
  }
  return byWork;
}

export async function creatorsForSeries(db: Db, seriesId: number): Promise<CreatorRecord[]> {
  const rows = await db
    .selectFrom('series_creatorships')
    .innerJoin('pseuds', 'pseuds.id', 'series_creatorships.pseud_id')
    .innerJoin('users', 'users.id', 'pseuds.user_id')
    .select(['pseuds.id as pseud_id', 'pseuds.name', 'users.id as user_id', 'users.login'])
    .where('series_creatorships.series_id', '=', seriesId)
    .where('series_creatorships.approved', '=', true)
    .orderBy('pseuds.name')
    .execute();
  return rows.map((row) => ({ pseudId: row.pseud_id, pseud: row.name, userId: row.user_id, login: row.login }));
}
