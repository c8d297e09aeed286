// Listing visible works newest-updated first, by tag (through the filter set) or by creator.
// Visibility comes from the policy's WorkScope and is applied in SQL, so hidden works are
// never loaded, counted or paged over.
import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../schema.ts';
import type { Db } from '../types.ts';
import type { WorkScope } from '../../domain/policy.ts';

export interface WorkListFilter {
  scope: WorkScope;
  /** Only works whose filter set holds this tag. */
  filterTagId?: number;
  /** Only works created by this user's approved pseuds. */
  creatorUserId?: number;
  /** With creatorUserId: whether anonymous works of that user may be listed. */
  includeAnonymous?: boolean;
  /** Only works in this series. */
  seriesId?: number;
}

/** Keyset position: the last row of the previous page. */
export interface ListCursor {
  revisedAt: string;
  id: number;
}

export type WorksQuery = SelectQueryBuilder<Database, 'works', object>;

export function applyFilter(query: WorksQuery, filter: WorkListFilter): WorksQuery {
  let q = query.where('works.posted', '=', true).where('works.hidden_by_admin', '=', false);
  if (!filter.scope.includeRestricted) q = q.where('works.restricted', '=', false);
  if (filter.filterTagId !== undefined) {
    const tagId = filter.filterTagId;
    q = q.where((eb: ExpressionBuilder<Database, 'works'>) =>
      eb.exists(eb.selectFrom('work_filters').select('work_filters.work_id').whereRef('work_filters.work_id', '=', 'works.id').where('work_filters.tag_id', '=', tagId)),
    );
  }
  if (filter.creatorUserId !== undefined) {
    const userId = filter.creatorUserId;
    q = q.where((eb: ExpressionBuilder<Database, 'works'>) =>
      eb.exists(
        eb
          .selectFrom('work_creatorships')
          .innerJoin('pseuds', 'pseuds.id', 'work_creatorships.pseud_id')
          .select('work_creatorships.work_id')
          .whereRef('work_creatorships.work_id', '=', 'works.id')
          .where('work_creatorships.approved', '=', true)
          .where('pseuds.user_id', '=', userId),
      ),
    );
    if (!filter.includeAnonymous) q = q.where('works.anonymous', '=', false);
  }
  if (filter.seriesId !== undefined) {
    const seriesId = filter.seriesId;
    q = q.where((eb: ExpressionBuilder<Database, 'works'>) =>
      eb.exists(eb.selectFrom('serial_works').select('serial_works.work_id').whereRef('serial_works.work_id', '=', 'works.id').where('serial_works.series_id', '=', seriesId)),
    );
  }
  return q;
}

export interface WorkIdPage {
  ids: number[];
  /** Set when there may be more rows after this page. */
  next: ListCursor | null;
}

export async function listWorkIds(
  db: Db,
  filter: WorkListFilter,
  page: { limit: number; after?: ListCursor | null; offset?: number },
): Promise<WorkIdPage> {
  let q = applyFilter(db.selectFrom('works'), filter).select(['works.id', 'works.revised_at']);
  if (page.after) {
    const { revisedAt, id } = page.after;
    q = q.where((eb) => eb.or([eb('works.revised_at', '<', revisedAt), eb.and([eb('works.revised_at', '=', revisedAt), eb('works.id', '<', id)])]));
  }
  q = q.orderBy('works.revised_at', 'desc').orderBy('works.id', 'desc').limit(page.limit + 1);
  if (page.offset) q = q.offset(page.offset);
  const rows = await q.execute();
  const more = rows.length > page.limit;
  const shown = rows.slice(0, page.limit);
  const last = shown.at(-1);
  return {
    ids: shown.map((r) => r.id),
    next: more && last && last.revised_at ? { revisedAt: last.revised_at, id: last.id } : null,
  };
}

export async function countWorks(db: Db, filter: WorkListFilter): Promise<number> {
  const row = await applyFilter(db.selectFrom('works'), filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Which of these tags a viewer can meet on a work they may see: used on such a work, or (for a
 * character linked from a relationship) a parent of a tag that is. Unwrangled tags that only
 * drafts or hidden works use stay out of public tag pages this way.
 */
export async function tagsSeenOnVisibleWorks(db: Db, tagIds: readonly number[], filter: WorkListFilter): Promise<Set<number>> {
  const seen = new Set<number>();
  if (tagIds.length === 0) return seen;
  // One EXISTS per tag, driven by the work_tags (tag_id, work_id) index and stopping at the first
  // visible work. (An IN over "every visible work" made SQLite list all of them first: seconds
  // per tag page at a hundred thousand works.)
  const usedOnVisibleWork = (tagIdColumn: 'tags.id' | 'tag_parents.child_id') =>
    applyFilter(db.selectFrom('works'), filter)
      .innerJoin('work_tags', 'work_tags.work_id', 'works.id')
      .select('works.id')
      .where('work_tags.tag_id', '=', sql<number>`${sql.ref(tagIdColumn)}`);
  const direct = await db
    .selectFrom('tags')
    .select('tags.id')
    .where('tags.id', 'in', [...tagIds])
    .where((eb) => eb.exists(usedOnVisibleWork('tags.id')))
    .execute();
  for (const row of direct) seen.add(row.id);
  const rest = tagIds.filter((id) => !seen.has(id));
  if (rest.length > 0) {
    const viaChild = await db
      .selectFrom('tag_parents')
      .select('tag_parents.parent_id')
      .distinct()
      .where('tag_parents.parent_id', 'in', rest)
      .where((eb) => eb.exists(usedOnVisibleWork('tag_parents.child_id')))
      .execute();
    for (const row of viaChild) seen.add(row.parent_id);
  }
  return seen;
}
