// Look-ups behind the tag, creator and series pages: each answers "not found" for anything the
// actor may not see, and counts only visible works.
import { findTagByName, tagRelations, type TagRecord, type TagRelations } from '../db/repos/tags.repo.ts';
import { findUserByLogin, pseudsOfUser, type PseudRecord, type UserRecord } from '../db/repos/users.repo.ts';
import { findSeriesById, type SeriesRecord } from '../db/repos/series.repo.ts';
import { creatorsForSeries, type CreatorRecord } from '../db/repos/creators.repo.ts';
import { countWorks, tagsSeenOnVisibleWorks } from '../db/repos/work-listing.repo.ts';
import { NotFound } from '../domain/errors.ts';
import { showsAnonymousWorksOf, workScope } from '../domain/policy.ts';
import type { ServiceContext } from './context.ts';
import { listWorks, type WorkListResult } from './list-works.ts';
import { findWorks } from './find-works.ts';

export interface TagView {
  tag: TagRecord;
  relations: TagRelations;
  /** The tag whose filter set listing is shown: the canonical tag for a synonym. */
  filterTag: TagRecord;
  workCount: number;
}

/**
 * A tag and its wrangling relations as this actor may see them. Canonical tags are public; an
 * unwrangled tag (and its appearance in another tag's relations) shows only when it is on a work
 * the actor may see — a draft's or a hidden work's new tags must not surface on tag pages, for
 * anyone (wranglers work on them from the wrangling pages).
 */
export async function findTag(ctx: ServiceContext, name: string): Promise<TagView> {
  const tag = await findTagByName(ctx.db, name);
  if (!tag) throw new NotFound(`There is no tag "${name}".`);
  const relations = await tagRelations(ctx.db, tag);
  const scope = workScope(ctx.actor);
  const all = [tag, ...relations.synonyms, ...relations.parents, ...relations.children, ...relations.metaTags, ...relations.subTags];
  const seen = await tagsSeenOnVisibleWorks(ctx.db, all.filter((t) => !t.canonical).map((t) => t.id), { scope });
  const shown = (t: TagRecord) => t.canonical || seen.has(t.id);
  // A synonym is public when its canonical tag is (it leads there).
  if (!shown(tag) && !(tag.mergerId && relations.mergedInto?.canonical)) throw new NotFound(`There is no tag "${name}".`);
  relations.synonyms = relations.synonyms.filter(shown);
  relations.parents = relations.parents.filter(shown);
  relations.children = relations.children.filter(shown);
  relations.metaTags = relations.metaTags.filter(shown);
  relations.subTags = relations.subTags.filter(shown);
  const filterTag = relations.mergedInto ?? tag;
  const workCount = await worksInTag(ctx, filterTag.id);
  return { tag, relations, filterTag, workCount };
}

/**
 * How many works in a tag's filter set the actor may see, counted by the discovery index: a SQL
 * count reads every such work (seconds for a popular tag at a million works), the index counts
 * from its postings.
 */
async function worksInTag(ctx: ServiceContext, filterTagId: number): Promise<number> {
  return (await findWorks(ctx, { params: {}, limit: 1, facetsPerType: 0, withinTagId: filterTagId })).total;
}

export interface CreatorView {
  user: UserRecord;
  pseuds: PseudRecord[];
  includeAnonymous: boolean;
  workCount: number;
}

export async function findCreator(ctx: ServiceContext, login: string): Promise<CreatorView> {
  const user = await findUserByLogin(ctx.db, login);
  if (!user) throw new NotFound(`There is no user "${login}".`);
  const includeAnonymous = showsAnonymousWorksOf(ctx.actor, user.id);
  const [pseuds, workCount] = await Promise.all([
    pseudsOfUser(ctx.db, user.id),
    countWorks(ctx.db, { scope: workScope(ctx.actor), creatorUserId: user.id, includeAnonymous }),
  ]);
  return { user, pseuds, includeAnonymous, workCount };
}

export interface SeriesView {
  series: SeriesRecord;
  creators: CreatorRecord[];
  works: WorkListResult;
}

/**
 * A series is shown when at least one of its works is visible to the actor. Its creators are
 * hidden when every visible work in it is anonymous (an anonymous work must not be unmasked by
 * its series page).
 */
export async function findSeries(ctx: ServiceContext, id: number): Promise<SeriesView> {
  const series = await findSeriesById(ctx.db, id);
  if (!series) throw new NotFound(`There is no series ${id}.`);
  const works = await listWorks(ctx, { seriesId: id, limit: 500 });
  if (works.cards.length === 0) throw new NotFound(`There is no series ${id}.`);
  works.cards.sort((a, b) => position(a, id) - position(b, id));
  const showCreators = works.cards.some((c) => !c.anonymous || c.creators.length > 0);
  return { series, creators: showCreators ? await creatorsForSeries(ctx.db, id) : [], works };
}

function position(card: { series: Array<{ seriesId: number; position: number }> }, seriesId: number): number {
  return card.series.find((s) => s.seriesId === seriesId)?.position ?? Number.MAX_SAFE_INTEGER;
}
