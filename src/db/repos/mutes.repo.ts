// A reader's muted tags and muted creators, and the filter sets muting is checked against.
import type { Db } from '../types.ts';
import { bool } from '../types.ts';
import type { TagType } from '../../domain/tag-types.ts';

const CHUNK = 500;

export interface MutedTagRow {
  tagId: number;
  name: string;
  type: TagType;
  canonical: boolean;
  mutedAt: string;
}

export interface MutedUserRow {
  userId: number;
  login: string;
  mutedAt: string;
}

/** Adds a mute; false when it was already there (muting twice changes nothing). */
export async function insertMutedTag(db: Db, userId: number, tagId: number, now: string): Promise<boolean> {
  const result = await db
    .insertInto('muted_tags')
    .values({ user_id: userId, tag_id: tagId, created_at: now })
    .onConflict((oc) => oc.columns(['user_id', 'tag_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function deleteMutedTag(db: Db, userId: number, tagId: number): Promise<boolean> {
  const result = await db.deleteFrom('muted_tags').where('user_id', '=', userId).where('tag_id', '=', tagId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function countMutedTags(db: Db, userId: number): Promise<number> {
  const row = await db.selectFrom('muted_tags').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function isTagMuted(db: Db, userId: number, tagId: number): Promise<boolean> {
  return (await db.selectFrom('muted_tags').select('tag_id').where('user_id', '=', userId).where('tag_id', '=', tagId).executeTakeFirst()) !== undefined;
}

/** The tags as they were muted (the list a reader manages), newest first. */
export async function mutedTagsOf(db: Db, userId: number): Promise<MutedTagRow[]> {
  const rows = await db
    .selectFrom('muted_tags')
    .innerJoin('tags', 'tags.id', 'muted_tags.tag_id')
    .select(['tags.id', 'tags.name', 'tags.type', 'tags.canonical', 'muted_tags.created_at'])
    .where('muted_tags.user_id', '=', userId)
    .orderBy('muted_tags.created_at', 'desc')
    .orderBy('tags.id', 'desc')
    .execute();
  return rows.map((r) => ({ tagId: r.id, name: r.name, type: r.type, canonical: bool(r.canonical), mutedAt: r.created_at }));
}

/**
 * The tag ids to look for in filter sets: a muted tag that wranglers have since made a synonym
 * counts as its canonical tag, which is what filter sets now hold. Keyed by that id, with the
 * name of the tag the reader muted.
 */
export async function effectiveMutedTags(db: Db, userId: number): Promise<Map<number, string>> {
  const rows = await db
    .selectFrom('muted_tags')
    .innerJoin('tags', 'tags.id', 'muted_tags.tag_id')
    .select(['tags.id', 'tags.name', 'tags.merger_id'])
    .where('muted_tags.user_id', '=', userId)
    .execute();
  const out = new Map<number, string>();
  for (const row of rows) out.set(row.merger_id ?? row.id, row.name);
  return out;
}

export async function insertMutedUser(db: Db, userId: number, mutedUserId: number, now: string): Promise<boolean> {
  const result = await db
    .insertInto('muted_users')
    .values({ user_id: userId, muted_user_id: mutedUserId, created_at: now })
    .onConflict((oc) => oc.columns(['user_id', 'muted_user_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function deleteMutedUser(db: Db, userId: number, mutedUserId: number): Promise<boolean> {
  const result = await db.deleteFrom('muted_users').where('user_id', '=', userId).where('muted_user_id', '=', mutedUserId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function countMutedUsers(db: Db, userId: number): Promise<number> {
  const row = await db.selectFrom('muted_users').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function isUserMuted(db: Db, userId: number, mutedUserId: number): Promise<boolean> {
  return (await db.selectFrom('muted_users').select('muted_user_id').where('user_id', '=', userId).where('muted_user_id', '=', mutedUserId).executeTakeFirst()) !== undefined;
}

export async function mutedUsersOf(db: Db, userId: number): Promise<MutedUserRow[]> {
  const rows = await db
    .selectFrom('muted_users')
    .innerJoin('users', 'users.id', 'muted_users.muted_user_id')
    .select(['users.id', 'users.login', 'muted_users.created_at'])
    .where('muted_users.user_id', '=', userId)
    .orderBy('muted_users.created_at', 'desc')
    .orderBy('users.id', 'desc')
    .execute();
  return rows.map((r) => ({ userId: r.id, login: r.login, mutedAt: r.created_at }));
}

/** Each work's filter set (work_filters), for checking listed works against muted tags. */
export async function filterTagIdsOf(db: Db, workIds: readonly number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>(workIds.map((id) => [id, []]));
  const ids = [...new Set(workIds)];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db.selectFrom('work_filters').select(['work_id', 'tag_id']).where('work_id', 'in', ids.slice(i, i + CHUNK)).execute();
    for (const row of rows) out.get(row.work_id)?.push(row.tag_id);
  }
  return out;
}
