// Readers keeping track (issue 6): bookmarks with their bookmarker's own tags, subscriptions to
// works, creators and series, the inbox their notifications land in, the reading history with
// "Mark for Later", and the reader's preferences for notification email and history.
//
// Everything belongs to an account and goes with it (foreign keys cascade). A deleted work takes
// its bookmarks, subscriptions, notifications and history rows with it; a deleted chapter takes
// its "new chapter" notifications.
import type { Kysely } from 'kysely';
import type { MigrationContext } from './types.ts';

export async function up(db: Kysely<unknown>, ctx: MigrationContext): Promise<void> {
  const { id, timestamp } = ctx.columns;

  await db.schema
    .createTable('bookmarks')
    .addColumn('id', 'integer', id)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('work_id', 'integer', (c) => c.notNull().references('works.id').onDelete('cascade'))
    // Sanitized HTML, like every other piece of user HTML.
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('private', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('rec', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('sanitizer_version', 'integer', (c) => c.notNull())
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    // One bookmark per reader and work: bookmarking again edits it.
    .addUniqueConstraint('bookmarks_user_work_unique', ['user_id', 'work_id'])
    .execute();
  // A reader's bookmarks page, newest first; a work's public count.
  await db.schema.createIndex('bookmarks_user_updated').on('bookmarks').columns(['user_id', 'updated_at', 'id']).execute();
  await db.schema.createIndex('bookmarks_work').on('bookmarks').columns(['work_id', 'private']).execute();

  // The bookmarker's own tags: free names, never wrangled, so kept with the bookmark rather than
  // in the archive's tag table (they must not show up on tag pages or in autocomplete).
  await db.schema
    .createTable('bookmark_tags')
    .addColumn('bookmark_id', 'integer', (c) => c.notNull().references('bookmarks.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('bookmark_tags_pk', ['bookmark_id', 'name_key'])
    .execute();
  await db.schema.createIndex('bookmark_tags_name').on('bookmark_tags').column('name_key').execute();

  // One target column per kind, each a real foreign key, so a deleted work, series or account
  // takes its subscriptions along. Exactly one of them is set (kind says which).
  await db.schema
    .createTable('subscriptions')
    .addColumn('id', 'integer', id)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('work_id', 'integer', (c) => c.references('works.id').onDelete('cascade'))
    .addColumn('creator_id', 'integer', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('series_id', 'integer', (c) => c.references('series.id').onDelete('cascade'))
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .execute();
  // Unique per target; NULLs never collide, so each index only constrains its own kind.
  await db.schema.createIndex('subscriptions_user_work').on('subscriptions').columns(['user_id', 'work_id']).unique().execute();
  await db.schema.createIndex('subscriptions_user_creator').on('subscriptions').columns(['user_id', 'creator_id']).unique().execute();
  await db.schema.createIndex('subscriptions_user_series').on('subscriptions').columns(['user_id', 'series_id']).unique().execute();
  // Finding a target's subscribers when something is posted (and counting them for stats).
  await db.schema.createIndex('subscriptions_work').on('subscriptions').column('work_id').execute();
  await db.schema.createIndex('subscriptions_creator').on('subscriptions').column('creator_id').execute();
  await db.schema.createIndex('subscriptions_series').on('subscriptions').column('series_id').execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'integer', id)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    // work | creator | series: which subscription brought it.
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('work_id', 'integer', (c) => c.notNull().references('works.id').onDelete('cascade'))
    // Set for a new chapter; null for a new work.
    .addColumn('chapter_id', 'integer', (c) => c.references('chapters.id').onDelete('cascade'))
    .addColumn('series_id', 'integer', (c) => c.references('series.id').onDelete('set null'))
    // "work:ID" or "chapter:ID": with the user, unique, so a job that runs twice notifies once.
    .addColumn('event_key', 'text', (c) => c.notNull())
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('read_at', timestamp)
    // now | digest while an email is owed; null once sent (or when none is wanted).
    .addColumn('email_due', 'text')
    .addColumn('emailed_at', timestamp)
    .addUniqueConstraint('notifications_user_event_unique', ['user_id', 'event_key'])
    .execute();
  await db.schema.createIndex('notifications_user_created').on('notifications').columns(['user_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('notifications_email_due').on('notifications').columns(['email_due', 'user_id']).execute();

  // The reading history (AO3's "readings"): one row per reader and work.
  await db.schema
    .createTable('readings')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('work_id', 'integer', (c) => c.notNull().references('works.id').onDelete('cascade'))
    .addColumn('chapter_id', 'integer', (c) => c.references('chapters.id').onDelete('set null'))
    // Null for a work marked for later but not opened (or opened with history off).
    .addColumn('last_visited_at', timestamp)
    .addColumn('visit_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('marked_for_later_at', timestamp)
    .addPrimaryKeyConstraint('readings_pk', ['user_id', 'work_id'])
    .execute();
  await db.schema.createIndex('readings_user_visited').on('readings').columns(['user_id', 'last_visited_at']).execute();
  await db.schema.createIndex('readings_work').on('readings').column('work_id').execute();

  // A missing row means the defaults: email at once, keep history.
  await db.schema
    .createTable('reader_preferences')
    .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    // immediately | digest | never
    .addColumn('notification_email', 'text', (c) => c.notNull().defaultTo('immediately'))
    .addColumn('history_enabled', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['reader_preferences', 'readings', 'notifications', 'subscriptions', 'bookmark_tags', 'bookmarks']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
