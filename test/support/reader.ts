// Rows of a reader's own things, written straight into the store, for tests that need one to act
// on (the authorization matrix deletes them as every kind of actor): a bookmark, a subscription,
// an inbox notification, a history entry.
import type { Db } from '../../src/db/types.ts';
import { findBookmarkOf, insertBookmark, setBookmarkTags } from '../../src/db/repos/bookmarks.repo.ts';
import { tagKey } from '../../src/domain/tag-name.ts';
import { insertSubscription } from '../../src/db/repos/subscriptions.repo.ts';
import { upsertVisit } from '../../src/db/repos/readings.repo.ts';

const NOW = '2026-11-21T12:00:00.000Z';

async function userId(db: Db, login: string): Promise<number> {
  return (await db.selectFrom('users').select('id').where('login', '=', login).executeTakeFirstOrThrow()).id;
}

/** `login`'s bookmark of the work (made when missing); its id. */
export async function testBookmark(db: Db, login: string, workId: number, options: { private?: boolean; notes?: string; tags?: string[] } = {}): Promise<number> {
  const id = await userId(db, login);
  const made = await insertBookmark(db, id, workId, { notes: options.notes ?? '', private: options.private ?? false, rec: false, sanitizerVersion: 1 }, NOW);
  const bookmarkId = made ?? (await findBookmarkOf(db, id, workId))!.id;
  if (options.tags) await setBookmarkTags(db, bookmarkId, options.tags.map((name) => ({ name, key: tagKey(name) })));
  return bookmarkId;
}

/** `login`'s subscription to the work; its id. */
export async function testSubscription(db: Db, login: string, workId: number): Promise<number> {
  return (await insertSubscription(db, await userId(db, login), 'work', workId, NOW)).id;
}

/** A "new work" notification in `login`'s inbox; its id. */
export async function testNotification(db: Db, login: string, workId: number): Promise<number> {
  const row = await db
    .insertInto('notifications')
    .values({ user_id: await userId(db, login), reason: 'work', work_id: workId, chapter_id: null, series_id: null, event_key: `test:${Math.random()}`, created_at: NOW, email_due: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The work in `login`'s history. */
export async function testReading(db: Db, login: string, workId: number): Promise<void> {
  await upsertVisit(db, await userId(db, login), workId, null, NOW);
}
