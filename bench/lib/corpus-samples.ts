// Samples drawn from a benchmark archive to build realistic queries: chapter text and rarely
// used tags. Read-only SQL over the store's own tables.
import { sql } from 'kysely';
import type { Store } from '../../src/db/connect.ts';
import type { Random } from '../corpus/distributions.ts';

/** Plain text of up to `count` chapters of randomly chosen works that have text. */
export async function sampleChapterText(store: Store, count: number, random: Random): Promise<string[]> {
  const range = await store.db.selectFrom('works').select((eb) => [eb.fn.min('id').as('lo'), eb.fn.max('id').as('hi')]).executeTakeFirstOrThrow();
  const lo = Number(range.lo ?? 0);
  const hi = Number(range.hi ?? 0);
  const texts: string[] = [];
  for (let tries = 0; tries < count * 50 && texts.length < count; tries++) {
    const from = lo + Math.floor(random() * Math.max(1, hi - lo));
    const row = await store.db
      .selectFrom('chapters')
      .innerJoin('works', 'works.id', 'chapters.work_id')
      .select('chapters.content')
      .where('chapters.work_id', '>=', from)
      // One expression, so the planner walks chapters by work id instead of every posted work.
      .where(sql<number>`(case when works.posted and not works.hidden_by_admin and not works.restricted then 1 else 0 end)`, '=', 1)
      .where('chapters.posted', '=', true)
      .where(sql<boolean>`length(chapters.content) > 2000`)
      .orderBy('chapters.work_id')
      .limit(1)
      .executeTakeFirst();
    if (row) texts.push(row.content.replace(/<[^>]*>/g, ' '));
  }
  return texts;
}

/** Names of randomly picked freeform tags (most are rare in a Zipf-shaped archive). */
export async function randomFreeforms(store: Store, count: number, random: Random): Promise<string[]> {
  const range = await store.db.selectFrom('tags').select((eb) => [eb.fn.min('id').as('lo'), eb.fn.max('id').as('hi')]).where('type', '=', 'freeform').executeTakeFirstOrThrow();
  const lo = Number(range.lo ?? 0);
  const hi = Number(range.hi ?? 0);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const row = await store.db
      .selectFrom('tags')
      .select('name')
      .where('type', '=', 'freeform')
      .where('id', '>=', lo + Math.floor(random() * Math.max(1, hi - lo)))
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
    if (row) names.push(row.name);
  }
  return names;
}
