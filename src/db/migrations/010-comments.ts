// Comments and blocked users (issue 6). A comment belongs to a chapter (as on AO3) and, for quick
// per-work queries, to its work; replies point at their parent and at the root of their thread.
// Blocks are AO3's: a blocked user cannot comment on the blocker's works or reply to them.
import type { Kysely } from 'kysely';
import type { MigrationContext } from './types.ts';

export async function up(db: Kysely<unknown>, ctx: MigrationContext): Promise<void> {
  const { id, timestamp } = ctx.columns;

  await db.schema
    .createTable('comments')
    .addColumn('id', 'integer', id)
    // A work's or chapter's deletion takes its comments with it (AO3 does the same).
    .addColumn('work_id', 'integer', (c) => c.notNull().references('works.id').onDelete('cascade'))
    .addColumn('chapter_id', 'integer', (c) => c.notNull().references('chapters.id').onDelete('cascade'))
    // Comments with replies are never removed, only emptied (deleted_at); leaves are removed.
    .addColumn('parent_id', 'integer', (c) => c.references('comments.id').onDelete('cascade'))
    // The root comment's id (its own for a root): loading or freezing a thread is one query.
    .addColumn('thread_id', 'integer')
    .addColumn('depth', 'integer', (c) => c.notNull())
    // Set when a reply to the deepest level hangs beside the comment it answers (comment-rules.ts).
    .addColumn('reply_to_id', 'integer', (c) => c.references('comments.id').onDelete('set null'))
    // A deleted account's comments stay in their threads, without an author.
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('pseud_id', 'integer', (c) => c.references('pseuds.id').onDelete('set null'))
    .addColumn('guest_name', 'text')
    // Never shown to anyone; kept so the creator could be told who wrote, as AO3 keeps it.
    .addColumn('guest_email', 'text')
    // "u:ID" or "g:lower-cased email": the author, for duplicate checks across both kinds.
    .addColumn('author_key', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('sanitizer_version', 'integer', (c) => c.notNull())
    // published | held (awaiting the creator's approval)
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('hidden', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('frozen', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('deleted_at', timestamp)
    .addColumn('edited_at', timestamp)
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('comments_chapter').on('comments').columns(['chapter_id', 'created_at']).execute();
  await db.schema.createIndex('comments_work').on('comments').columns(['work_id', 'created_at']).execute();
  await db.schema.createIndex('comments_thread').on('comments').column('thread_id').execute();
  await db.schema.createIndex('comments_parent').on('comments').column('parent_id').execute();
  await db.schema.createIndex('comments_user').on('comments').column('user_id').execute();
  // Foreign keys cascading from pseuds and replies-to look rows up by them.
  await db.schema.createIndex('comments_pseud').on('comments').column('pseud_id').execute();
  await db.schema.createIndex('comments_reply_to').on('comments').column('reply_to_id').execute();

  await db.schema
    .createTable('blocked_users')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('blocked_user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('blocked_users_pk', ['user_id', 'blocked_user_id'])
    .execute();
  await db.schema.createIndex('blocked_users_blocked').on('blocked_users').column('blocked_user_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('blocked_users').ifExists().execute();
  await db.schema.dropTable('comments').ifExists().execute();
}
