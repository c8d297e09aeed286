// Loads everything a blurb, a work page or an API record shows about a set of works, in a fixed
// number of queries, and applies the policy: unreadable works are dropped, and the creators of
// anonymous works are removed before anything reaches a presenter.
import type { Db } from '../db/types.ts';
import { findWorksByIds, type WorkRecord } from '../db/repos/works.repo.ts';
import { tagsForWorks, type TagRecord } from '../db/repos/tags.repo.ts';
import { creatorsForWorks, type CreatorRecord } from '../db/repos/creators.repo.ts';
import { seriesForWorks, type SeriesMembership } from '../db/repos/series.repo.ts';
import type { Actor } from '../domain/actor.ts';
import { can, type WorkAccess } from '../domain/policy.ts';

export interface WorkCard {
  work: WorkRecord;
  tags: TagRecord[];
  /** Empty when the actor may not know who created the work. */
  creators: CreatorRecord[];
  anonymous: boolean;
  series: SeriesMembership[];
}

export function workAccess(work: WorkRecord, creators: readonly CreatorRecord[]): WorkAccess {
  return {
    posted: work.posted,
    hiddenByAdmin: work.hiddenByAdmin,
    restricted: work.restricted,
    anonymous: work.anonymous,
    creatorUserIds: creators.map((c) => c.userId),
  };
}

/** Cards for the readable works among `ids`, in the order of `ids`. */
export async function loadWorkCards(db: Db, actor: Actor, ids: readonly number[]): Promise<WorkCard[]> {
  if (ids.length === 0) return [];
  const [works, tags, creators, series] = await Promise.all([
    findWorksByIds(db, ids),
    tagsForWorks(db, ids),
    creatorsForWorks(db, ids),
    seriesForWorks(db, ids),
  ]);
  const cards: WorkCard[] = [];
  for (const work of works) {
    const workCreators = creators.get(work.id) ?? [];
    const access = workAccess(work, workCreators);
    if (!can(actor, { do: 'work:read', work: access })) continue;
    cards.push({
      work,
      tags: tags.get(work.id) ?? [],
      creators: can(actor, { do: 'work:see-creators', work: access }) ? workCreators : [],
      anonymous: work.anonymous,
      series: series.get(work.id) ?? [],
    });
  }
  return cards;
}
