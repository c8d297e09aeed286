// Tags: lookup by normalized name, creation, and the work filter set computation.
import type { Db } from '../types.ts';
import { bool } from '../types.ts';
import type { TagType } from '../../domain/tag-types.ts';
import { tagKey } from '../../domain/tag-name.ts';
import { addTagSearchRows } from './tag-search.repo.ts';

export interface TagRecord {
  id: number;
  name: string;
  type: TagType;
  canonical: boolean;
  mergerId: number | null;
}

const TAG_COLUMNS = ['id', 'name', 'type', 'canonical', 'merger_id'] as const;

function toRecord(row: { id: number; name: string; type: TagType; canonical: unknown; merger_id: number | null }): TagRecord {
  return { id: row.id, name: row.name, type: row.type, canonical: bool(row.canonical), mergerId: row.merger_id };
}

export async function findTagByName(db: Db, name: string): Promise<TagRecord | null> {
  const row = await db.selectFrom('tags').select(TAG_COLUMNS).where('name_key', '=', tagKey(name)).executeTakeFirst();
  return row ? toRecord(row) : null;
}

export async function findTagById(db: Db, id: number): Promise<TagRecord | null> {
  const row = await db.selectFrom('tags').select(TAG_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : null;
}

/** Finds tags by name; the map is keyed by normalized name (tagKey). */
export async function findTagsByNames(db: Db, names: readonly string[]): Promise<Map<string, TagRecord>> {
  const keys = [...new Set(names.map(tagKey))];
  const found = new Map<string, TagRecord>();
  // Chunked to stay under SQLite's bound-parameter limit on very large imports.
  for (let i = 0; i < keys.length; i += 500) {
    const rows = await db.selectFrom('tags').select([...TAG_COLUMNS, 'name_key']).where('name_key', 'in', keys.slice(i, i + 500)).execute();
    for (const row of rows) found.set(row.name_key, toRecord(row));
  }
  return found;
}

export async function insertTag(db: Db, tag: { name: string; type: TagType; canonical?: boolean }, now: string): Promise<TagRecord> {
  const row = await db
    .insertInto('tags')
    .values({ name: tag.name, name_key: tagKey(tag.name), type: tag.type, canonical: tag.canonical ?? false, created_at: now, updated_at: now })
    .returning(TAG_COLUMNS)
    .executeTakeFirstOrThrow();
  // Tag autocomplete: the new tag's search keys, in the caller's transaction (tag-search.repo.ts).
  await addTagSearchRows(db, [toRecord(row)]);
  return toRecord(row);
}

/**
 * Creates a tag unless another process just created one with the same name; either way returns
 * the stored tag (whose type may differ from the one asked for — callers check).
 */
export async function insertTagIfAbsent(db: Db, tag: { name: string; type: TagType; canonical?: boolean }, now: string): Promise<TagRecord> {
  const inserted = await db
    .insertInto('tags')
    .values({ name: tag.name, name_key: tagKey(tag.name), type: tag.type, canonical: tag.canonical ?? false, created_at: now, updated_at: now })
    .onConflict((oc) => oc.column('name_key').doNothing())
    .returning(TAG_COLUMNS)
    .executeTakeFirst();
  // Tag autocomplete: search keys for a tag this call created (none on conflict), in the caller's transaction (tag-search.repo.ts).
  if (inserted) await addTagSearchRows(db, [toRecord(inserted)]);
  const stored = await findTagByName(db, tag.name);
  if (!stored) throw new Error(`Tag "${tag.name}" vanished after insert`);
  return stored;
}

export async function findTagsByIds(db: Db, ids: readonly number[]): Promise<TagRecord[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('tags').select(TAG_COLUMNS).where('id', 'in', [...ids]).execute();
  return rows.map(toRecord);
}

/** Tags on a set of works, for blurbs and API shapes. */
export async function tagsForWorks(db: Db, workIds: readonly number[]): Promise<Map<number, TagRecord[]>> {
  const byWork = new Map<number, TagRecord[]>();
  if (workIds.length === 0) return byWork;
  const rows = await db
    .selectFrom('work_tags')
    .innerJoin('tags', 'tags.id', 'work_tags.tag_id')
    .select(['work_tags.work_id', 'tags.id', 'tags.name', 'tags.type', 'tags.canonical', 'tags.merger_id'])
    .where('work_tags.work_id', 'in', [...workIds])
    .orderBy('tags.name')
    .execute();
  for (const row of rows) {
    const list = byWork.get(row.work_id) ?? [];
    list.push(toRecord(row));
    byWork.set(row.work_id, list);
  }
  return byWork;
}

export interface TagRelations {
  mergedInto: TagRecord | null;
  synonyms: TagRecord[];
  parents: TagRecord[];
  children: TagRecord[];
  metaTags: TagRecord[];
  subTags: TagRecord[];
}

export async function tagRelations(db: Db, tag: TagRecord): Promise<TagRelations> {
  const [mergedInto, synonyms, parents, children, metaTags, subTags] = await Promise.all([
    tag.mergerId ? findTagById(db, tag.mergerId) : Promise.resolve(null),
    db.selectFrom('tags').select(TAG_COLUMNS).where('merger_id', '=', tag.id).orderBy('name').execute(),
    db.selectFrom('tag_parents').innerJoin('tags', 'tags.id', 'tag_parents.parent_id').select(TAG_COLUMNS.map((c) => `tags.${c}` as const)).where('tag_parents.child_id', '=', tag.id).orderBy('tags.name').execute(),
    db.selectFrom('tag_parents').innerJoin('tags', 'tags.id', 'tag_parents.child_id').select(TAG_COLUMNS.map((c) => `tags.${c}` as const)).where('tag_parents.parent_id', '=', tag.id).orderBy('tags.name').execute(),
    db.selectFrom('meta_taggings').innerJoin('tags', 'tags.id', 'meta_taggings.meta_id').select(TAG_COLUMNS.map((c) => `tags.${c}` as const)).where('meta_taggings.sub_id', '=', tag.id).orderBy('tags.name').execute(),
    db.selectFrom('meta_taggings').innerJoin('tags', 'tags.id', 'meta_taggings.sub_id').select(TAG_COLUMNS.map((c) => `tags.${c}` as const)).where('meta_taggings.meta_id', '=', tag.id).orderBy('tags.name').execute(),
  ]);
  return {
    mergedInto,
    synonyms: synonyms.map(toRecord),
    parents: parents.map(toRecord),
    children: children.map(toRecord),
    metaTags: metaTags.map(toRecord),
    subTags: subTags.map(toRecord),
  };
}
