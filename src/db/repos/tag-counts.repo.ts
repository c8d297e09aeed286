// Tags of one type with the number of visible works whose filter sets hold them — the OPDS
// catalog's "By fandom" and "By rating" lists. A filter set holds canonical tags and tags not yet
// wrangled, never a synonym (services/filter-set.ts), so these are exactly the tags a listing can
// be filtered by: on an archive nobody wrangles yet, "By fandom" still lists every fandom. The
// works counted are the listings' own selection (work-listing.repo.ts applyFilter with the
// policy's WorkScope), so a tag used only on drafts, hidden works or (for guests) restricted works
// is neither listed nor counted.
import type { Db } from '../types.ts';
import type { TagType } from '../../domain/tag-types.ts';
import { applyFilter, type WorkListFilter } from './work-listing.repo.ts';

export interface TagCount {
  id: number;
  name: string;
  count: number;
}

function visibleTagsOfType(db: Db, filter: WorkListFilter, type: TagType) {
  const works = applyFilter(db.selectFrom('works'), filter).select('works.id');
  return db
    .selectFrom('work_filters')
    .innerJoin('tags', 'tags.id', 'work_filters.tag_id')
    .where('tags.type', '=', type)
    .where('work_filters.work_id', 'in', works);
}

/** Alphabetical by normalized name (the same order on both databases), a page at a time. */
export async function visibleTagCounts(db: Db, filter: WorkListFilter, type: TagType, page: { limit: number; offset: number }): Promise<TagCount[]> {
  const rows = await visibleTagsOfType(db, filter, type)
    .select(['tags.id', 'tags.name', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['tags.id', 'tags.name', 'tags.name_key'])
    .orderBy('tags.name_key')
    .orderBy('tags.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, count: Number(r.n) }));
}

export async function countVisibleTags(db: Db, filter: WorkListFilter, type: TagType): Promise<number> {
  const row = await visibleTagsOfType(db, filter, type)
    .select((eb) => eb.fn.count<number>('work_filters.tag_id').distinct().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
