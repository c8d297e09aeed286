// The work filter set (DESIGN.md; AO3's filter_ids): the canonical form of each of a work's tags —
// its merger when it is a synonym, itself otherwise — plus every meta tag above those,
// transitively; and the crossover flag, which depends on the same tree. Written when a work's
// tags change, and recomputed for the works a wrangling change touches.
import { metaTagsOf, replaceWorkFilters, tagIdsOfWorks } from '../db/repos/filters.repo.ts';
import { findTagsByIds } from '../db/repos/tags.repo.ts';
import { replaceWorkTags } from '../db/repos/works.repo.ts';
import type { Db } from '../db/types.ts';
import { isCrossover } from '../domain/wrangling-rules.ts';

export interface FilterSet {
  filterIds: number[];
  crossover: boolean;
}

/** Each tag with all its meta ancestors (itself included). */
async function ancestry(db: Db, ids: readonly number[]): Promise<Map<number, Set<number>>> {
  const parents = new Map<number, number[]>();
  let frontier = [...new Set(ids)];
  while (frontier.length > 0) {
    const found = await metaTagsOf(db, frontier);
    for (const id of frontier) parents.set(id, found.get(id) ?? []);
    frontier = [...new Set([...found.values()].flat())].filter((id) => !parents.has(id));
  }
  const closure = new Map<number, Set<number>>();
  const walk = (id: number, seen: Set<number>): Set<number> => {
    const done = closure.get(id);
    if (done) return done;
    const all = new Set([id]);
    for (const parent of parents.get(id) ?? []) {
      // Meta tags never form a cycle (wrangling refuses one), but data from elsewhere might.
      if (seen.has(parent)) continue;
      for (const a of walk(parent, new Set([...seen, parent]))) all.add(a);
    }
    closure.set(id, all);
    return all;
  };
  for (const id of ids) walk(id, new Set([id]));
  return closure;
}

export async function filterSetFor(db: Db, tagIds: readonly number[]): Promise<FilterSet> {
  const tags = await findTagsByIds(db, tagIds);
  const canonical = [...new Set(tags.map((t) => t.mergerId ?? t.id))];
  const closure = await ancestry(db, canonical);
  const filterIds = new Set<number>();
  for (const set of closure.values()) for (const id of set) filterIds.add(id);
  const fandomIds = [...new Set(tags.filter((t) => t.type === 'fandom').map((t) => t.mergerId ?? t.id))];
  return { filterIds: [...filterIds].sort((a, b) => a - b), crossover: isCrossover(fandomIds, closure) };
}

/** Sets a work's tags and, from them, its filter set and crossover flag. */
export async function setWorkTags(db: Db, workId: number, tagIds: readonly number[]): Promise<void> {
  const { filterIds, crossover } = await filterSetFor(db, tagIds);
  await replaceWorkTags(db, workId, tagIds);
  await replaceWorkFilters(db, workId, filterIds, crossover);
}

/** Recomputes the filter sets of these works from their current tags. */
export async function recomputeFilterSets(db: Db, workIds: readonly number[]): Promise<void> {
  const tagsByWork = await tagIdsOfWorks(db, workIds);
  for (const [workId, tagIds] of tagsByWork) {
    const { filterIds, crossover } = await filterSetFor(db, tagIds);
    await replaceWorkFilters(db, workId, filterIds, crossover);
  }
}
