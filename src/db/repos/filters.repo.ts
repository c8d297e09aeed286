// The SQL behind the work filter set: meta-tag links, which works carry which tags, and writing a
// work's filter rows and crossover flag.
import type { Db } from '../types.ts';

const CHUNK = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** Direct meta tags of each tag among `ids`. */
export async function metaTagsOf(db: Db, ids: readonly number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  for (const part of chunks([...new Set(ids)])) {
    const rows = await db.selectFrom('meta_taggings').select(['sub_id', 'meta_id']).where('sub_id', 'in', part).execute();
    for (const row of rows) out.set(row.sub_id, [...(out.get(row.sub_id) ?? []), row.meta_id]);
  }
  return out;
}

/** The tags on each work (work_tags), for recomputing filter sets. */
export async function tagIdsOfWorks(db: Db, workIds: readonly number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>(workIds.map((id) => [id, []]));
  for (const part of chunks(workIds)) {
    const rows = await db.selectFrom('work_tags').select(['work_id', 'tag_id']).where('work_id', 'in', part).execute();
    for (const row of rows) out.get(row.work_id)!.push(row.tag_id);
  }
  return out;
}

/** Works tagged with, or filtered under, any of these tags: the ones a wrangling change can move. */
export async function workIdsTouchingTags(db: Db, tagIds: readonly number[]): Promise<number[]> {
  const ids = new Set<number>();
  for (const part of chunks([...new Set(tagIds)])) {
    for (const row of await db.selectFrom('work_tags').select('work_id').where('tag_id', 'in', part).execute()) ids.add(row.work_id);
    for (const row of await db.selectFrom('work_filters').select('work_id').where('tag_id', 'in', part).execute()) ids.add(row.work_id);
  }
  return [...ids].sort((a, b) => a - b);
}

export async function replaceWorkFilters(db: Db, workId: number, filterIds: readonly number[], crossover: boolean): Promise<void> {
  await db.deleteFrom('work_filters').where('work_id', '=', workId).execute();
  if (filterIds.length > 0) await db.insertInto('work_filters').values(filterIds.map((tagId) => ({ work_id: workId, tag_id: tagId }))).execute();
  await db.updateTable('works').set({ crossover }).where('id', '=', workId).execute();
}
