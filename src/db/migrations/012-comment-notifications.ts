// Comment notifications (issue 6): the inbox that subscriptions fill also tells creators about
// comments on their works (and about held ones awaiting approval) and commenters about replies,
// as AO3 does. Rows of both sorts share the table, its read/delete handling and its email
// columns, so one inbox, one digest and one outbox path serve both.
//
// - kind: 'posting' (a subscription's new work or chapter: every row before this migration),
//   'comment', 'held-comment' or 'reply'. `reason` is NOT NULL and SQLite cannot relax that
//   without rebuilding the table, so comment rows keep reason 'work' (they are about a work);
//   readers of the table look at `kind` first.
// - comment_id: the comment a notification is about. Removing the comment's row removes its
//   notifications (a comment with replies is only emptied; the inbox leaves those out).
//
// Also, for the rate-limit keys that became keyed hashes (services/rate-limit.ts): rows written
// before held a plain SHA-256 of the client's address, which anyone can reverse by hashing every
// IPv4 address. They are counters of at most an hour, and the new keys never match them, so they
// are deleted rather than left behind forever.
//
// No down(): like 004, it only adds columns, and SQLite cannot drop a column that holds a foreign key.
import type { Kysely } from 'kysely';
import type { MigrationContext } from './types.ts';

export async function up(db: Kysely<unknown>, _ctx: MigrationContext): Promise<void> {
  await db.schema.alterTable('notifications').addColumn('kind', 'text', (c) => c.notNull().defaultTo('posting')).execute();
  // SQLite accepts a foreign key on an added column when its default is NULL, as here.
  await db.schema.alterTable('notifications').addColumn('comment_id', 'integer', (c) => c.references('comments.id').onDelete('cascade')).execute();
  // The cascade from comments looks rows up by it.
  await db.schema.createIndex('notifications_comment').on('notifications').column('comment_id').execute();

  await (db as Kysely<{ rate_limits: { key: string } }>).deleteFrom('rate_limits').execute();
}
