// Tag wrangling writes (canonical flag, mergers, parents, meta tags), the wrangling queues, and
// the audit log.
import { sql } from 'kysely';
import type { Db } from '../types.ts';
import type { Capabilities } from '../connect.ts';
import { tagKey } from '../../domain/tag-name.ts';
import { bool } from '../types.ts';
import type { TagType } from '../../domain/tag-types.ts';

export async function setCanonical(db: Db, tagId: number, canonical: boolean, now: string): Promise<void> {
  await db.updateTable('tags').set({ canonical, updated_at: now }).where('id', '=', tagId).execute();
}

export async function setMerger(db: Db, tagId: number, mergerId: number | null, now: string): Promise<void> {
  await db.updateTable('tags').set({ merger_id: mergerId, updated_at: now }).where('id', '=', tagId).execute();
}

export async function setUnwrangleable(db: Db, tagId: number, value: boolean, now: string): Promise<void> {
  await db.updateTable('tags').set({ unwrangleable: value, updated_at: now }).where('id', '=', tagId).execute();
}

export async function setRelationshipKind(db: Db, tagId: number, kind: 'romantic' | 'platonic' | null): Promise<void> {
  await db.updateTable('tags').set({ relationship_kind: kind }).where('id', '=', tagId).execute();
}

export async function addParent(db: Db, parentId: number, childId: number): Promise<boolean> {
  const result = await db.insertInto('tag_parents').values({ parent_id: parentId, child_id: childId }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function parentLinkExists(db: Db, parentId: number, childId: number): Promise<boolean> {
  const row = await db.selectFrom('tag_parents').select('child_id').where('parent_id', '=', parentId).where('child_id', '=', childId).executeTakeFirst();
  return row !== undefined;
}

export async function removeParent(db: Db, parentId: number, childId: number): Promise<boolean> {
  const result = await db.deleteFrom('tag_parents').where('parent_id', '=', parentId).where('child_id', '=', childId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function addMeta(db: Db, metaId: number, subId: number): Promise<boolean> {
  const result = await db.insertInto('meta_taggings').values({ meta_id: metaId, sub_id: subId }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function removeMeta(db: Db, metaId: number, subId: number): Promise<boolean> {
  const result = await db.deleteFrom('meta_taggings').where('meta_id', '=', metaId).where('sub_id', '=', subId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Every tag below `tagId` through meta taggings (its sub tags, their sub tags, …). */
export async function subTagClosure(db: Db, tagId: number): Promise<Set<number>> {
  const seen = new Set<number>();
  let frontier = [tagId];
  while (frontier.length > 0) {
    const rows = await db.selectFrom('meta_taggings').select('sub_id').where('meta_id', 'in', frontier).execute();
    frontier = rows.map((r) => r.sub_id).filter((id) => !seen.has(id));
    for (const id of frontier) seen.add(id);
  }
  return seen;
}

export async function synonymIds(db: Db, tagId: number): Promise<number[]> {
  const rows = await db.selectFrom('tags').select('id').where('merger_id', '=', tagId).execute();
  return rows.map((r) => r.id);
}

export interface FandomQueue {
  id: number;
  name: string;
  unwrangled: number;
}

/**
 * Tags nobody has wrangled yet (neither canonical, a synonym, nor marked unwrangleable) that are
 * used on works in each canonical fandom, counted per fandom: the wranglers' to-do lists.
 */
export async function fandomQueues(db: Db): Promise<FandomQueue[]> {
  const rows = await db
    .selectFrom('tags as fandom')
    .innerJoin('work_filters as wf', 'wf.tag_id', 'fandom.id')
    // Drafts and hidden works stay private, even from wranglers' queues.
    .innerJoin('works as w', (join) => join.onRef('w.id', '=', 'wf.work_id').on('w.posted', '=', true).on('w.hidden_by_admin', '=', false))
    .innerJoin('work_tags as wt', 'wt.work_id', 'wf.work_id')
    .innerJoin('tags as t', 't.id', 'wt.tag_id')
    .select(['fandom.id', 'fandom.name', (eb) => eb.fn.count<number>('t.id').distinct().as('n')])
    .where('fandom.type', '=', 'fandom')
    .where('fandom.canonical', '=', true)
    .where('t.canonical', '=', false)
    .where('t.merger_id', 'is', null)
    .where('t.unwrangleable', '=', false)
    .where('t.type', 'in', ['character', 'relationship', 'freeform'])
    .groupBy(['fandom.id', 'fandom.name'])
    .orderBy('n', 'desc')
    .orderBy('fandom.name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, unwrangled: Number(r.n) }));
}

/** Fandom tags themselves that nobody has wrangled, used on posted works. */
export async function unwrangledFandoms(db: Db): Promise<Array<{ id: number; name: string; uses: number }>> {
  const rows = await db
    .selectFrom('tags as t')
    .innerJoin('work_tags as wt', 'wt.tag_id', 't.id')
    .innerJoin('works as w', (join) => join.onRef('w.id', '=', 'wt.work_id').on('w.posted', '=', true).on('w.hidden_by_admin', '=', false))
    .select(['t.id', 't.name', (eb) => eb.fn.count<number>('wt.work_id').as('n')])
    .where('t.type', '=', 'fandom')
    .where('t.canonical', '=', false)
    .where('t.merger_id', 'is', null)
    .where('t.unwrangleable', '=', false)
    .groupBy(['t.id', 't.name'])
    .orderBy('n', 'desc')
    .orderBy('t.name')
    .limit(500)
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, uses: Number(r.n) }));
}

export interface QueueTag {
  id: number;
  name: string;
  type: TagType;
  uses: number;
}

/** The unwrangled tags of one type used on works in a fandom, most used first. */
export async function fandomQueue(db: Db, fandomId: number, type: TagType, limit: number, offset: number): Promise<QueueTag[]> {
  const rows = await db
    .selectFrom('tags as t')
    .innerJoin('work_tags as wt', 'wt.tag_id', 't.id')
    .innerJoin('work_filters as wf', (join) => join.onRef('wf.work_id', '=', 'wt.work_id').on('wf.tag_id', '=', fandomId))
    .innerJoin('works as w', (join) => join.onRef('w.id', '=', 'wt.work_id').on('w.posted', '=', true).on('w.hidden_by_admin', '=', false))
    .select(['t.id', 't.name', 't.type', (eb) => eb.fn.count<number>('wt.work_id').distinct().as('n')])
    .where('t.type', '=', type)
    .where('t.canonical', '=', false)
    .where('t.merger_id', 'is', null)
    .where('t.unwrangleable', '=', false)
    .groupBy(['t.id', 't.name', 't.type'])
    .orderBy('n', 'desc')
    .orderBy('t.name')
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, type: r.type, uses: Number(r.n) }));
}

export interface AuditEntry {
  id: number;
  actor: string;
  action: string;
  tagName: string;
  before: unknown;
  after: unknown;
  createdAt: string;
}

export async function insertAudit(
  db: Db,
  entry: { userId: number | null; actor: string; action: string; tagId: number; tagName: string; before: unknown; after: unknown },
  now: string,
): Promise<void> {
  await db
    .insertInto('wrangling_audit')
    .values({
      user_id: entry.userId,
      actor: entry.actor,
      action: entry.action,
      tag_id: entry.tagId,
      tag_name: entry.tagName,
      before: JSON.stringify(entry.before),
      after: JSON.stringify(entry.after),
      created_at: now,
    })
    .execute();
}

export async function listAudit(db: Db, limit: number, offset: number): Promise<AuditEntry[]> {
  const rows = await db.selectFrom('wrangling_audit').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute();
  return rows.map((r) => ({ id: r.id, actor: r.actor, action: r.action, tagName: r.tag_name, before: JSON.parse(r.before), after: JSON.parse(r.after), createdAt: r.created_at }));
}

export async function countAudit(db: Db): Promise<number> {
  const row = await db.selectFrom('wrangling_audit').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The wrangling-relevant state of a tag, as the audit log records it before and after. */
export async function tagState(db: Db, tagId: number): Promise<Record<string, unknown>> {
  const tag = await db.selectFrom('tags').select(['name', 'type', 'canonical', 'merger_id', 'unwrangleable']).where('id', '=', tagId).executeTakeFirstOrThrow();
  const merger = tag.merger_id ? await db.selectFrom('tags').select('name').where('id', '=', tag.merger_id).executeTakeFirst() : undefined;
  const parents = await db.selectFrom('tag_parents').innerJoin('tags', 'tags.id', 'tag_parents.parent_id').select('tags.name').where('tag_parents.child_id', '=', tagId).orderBy('tags.name').execute();
  const metas = await db.selectFrom('meta_taggings').innerJoin('tags', 'tags.id', 'meta_taggings.meta_id').select('tags.name').where('meta_taggings.sub_id', '=', tagId).orderBy('tags.name').execute();
  return {
    canonical: bool(tag.canonical),
    mergedInto: merger?.name ?? null,
    unwrangleable: bool(tag.unwrangleable),
    parents: parents.map((p) => p.name),
    metaTags: metas.map((m) => m.name),
  };
}

/** Case-insensitive count of every tag, for tag-set export ordering. */
export async function allWrangledTags(db: Db): Promise<Array<{ id: number; name: string; type: TagType; canonical: boolean }>> {
  const rows = await db
    .selectFrom('tags')
    .select(['id', 'name', 'type', 'canonical'])
    .where((eb) =>
      eb.or([
        eb('canonical', '=', true),
        eb('merger_id', 'is not', null),
        eb.exists(eb.selectFrom('tag_parents').select('child_id').whereRef('tag_parents.child_id', '=', 'tags.id')),
        eb.exists(eb.selectFrom('meta_taggings').select('sub_id').whereRef('meta_taggings.sub_id', '=', 'tags.id')),
      ]),
    )
    .orderBy(sql`lower(name)`)
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, type: r.type, canonical: bool(r.canonical) }));
}

/**
 * Moves every parent, child and meta link of `fromId` onto `toId` (a merge), skipping loops.
 * Returns whether `toId` gained a meta tag (its own works' filter sets then change too).
 */
export async function moveTagLinks(db: Db, fromId: number, toId: number): Promise<boolean> {
  const parents = await db.selectFrom('tag_parents').select('parent_id').where('child_id', '=', fromId).execute();
  for (const { parent_id } of parents) if (parent_id !== toId) await addParent(db, parent_id, toId);
  const children = await db.selectFrom('tag_parents').select('child_id').where('parent_id', '=', fromId).execute();
  for (const { child_id } of children) if (child_id !== toId) await addParent(db, toId, child_id);
  await db.deleteFrom('tag_parents').where((eb) => eb.or([eb('child_id', '=', fromId), eb('parent_id', '=', fromId)])).execute();
  const below = await subTagClosure(db, toId);
  const metas = await db.selectFrom('meta_taggings').select('meta_id').where('sub_id', '=', fromId).execute();
  let gainedMeta = false;
  for (const { meta_id } of metas) if (meta_id !== toId && !below.has(meta_id) && (await addMeta(db, meta_id, toId))) gainedMeta = true;
  await db.deleteFrom('meta_taggings').where('sub_id', '=', fromId).execute();
  return gainedMeta;
}

/** How many tags name this one as their parent. */
export async function countChildren(db: Db, tagId: number): Promise<number> {
  const row = await db.selectFrom('tag_parents').select((eb) => eb.fn.countAll<number>().as('n')).where('parent_id', '=', tagId).executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Locks the named tags' rows for the rest of the transaction, in id order (so two wranglers never
 * deadlock), where the database has row locks; SQLite's write transactions already run one at a
 * time. Wrangling checks (no loops, no synonym of a non-canonical tag) then see each other's work.
 */
export async function lockTagsByName(db: Db, caps: Pick<Capabilities, 'rowLocks'>, names: readonly string[]): Promise<void> {
  if (!caps.rowLocks || names.length === 0) return;
  const keys = [...new Set(names.map(tagKey))];
  await db.selectFrom('tags').select('id').where('name_key', 'in', keys).orderBy('id').forUpdate().execute();
}
