// Comments written straight into the store for tests that need one in a given state (held,
// hidden, on a draft) without going through the services' checks and spam limits.
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.ts';
import { insertComment } from '../../src/db/repos/comments.repo.ts';
import { COMMENT_SANITIZER_VERSION } from '../../src/formats/sanitize-comment.ts';

export interface TestComment {
  workId: number;
  chapterId: number;
  /** The author's login (an account), or null for a guest named `guestName`. */
  login: string | null;
  body?: string;
  guestName?: string;
  status?: 'published' | 'held';
  hidden?: boolean;
  parentId?: number;
}

export async function insertTestComment(db: Kysely<Database>, c: TestComment): Promise<number> {
  const author = c.login === null
    ? null
    : await db.selectFrom('users').innerJoin('pseuds', 'pseuds.user_id', 'users.id').select(['users.id', 'pseuds.id as pseud_id']).where('users.login', '=', c.login).where('pseuds.is_default', '=', true).executeTakeFirstOrThrow();
  const parent = c.parentId === undefined ? null : await db.selectFrom('comments').select(['thread_id', 'depth']).where('id', '=', c.parentId).executeTakeFirstOrThrow();
  const now = new Date().toISOString();
  const id = await insertComment(
    db,
    {
      workId: c.workId,
      chapterId: c.chapterId,
      parentId: c.parentId ?? null,
      threadId: parent?.thread_id ?? null,
      depth: parent ? parent.depth + 1 : 1,
      replyToId: null,
      userId: author?.id ?? null,
      pseudId: author?.pseud_id ?? null,
      guestName: author ? null : (c.guestName ?? 'A Guest'),
      guestEmail: author ? null : 'guest@example.org',
      authorKey: author ? `u:${author.id}` : `g:${Math.random()}`,
      body: c.body ?? `<p>A test comment ${Math.random()}</p>`,
      sanitizerVersion: COMMENT_SANITIZER_VERSION,
      status: c.status ?? 'published',
    },
    now,
  );
  if (c.hidden) await db.updateTable('comments').set({ hidden: true }).where('id', '=', id).execute();
  return id;
}
