// Kudos, hits and daily statistics (issue 6).
//
// - `kudos`: one row per kudos. A user's kudos name the user; a guest's carry only a keyed hash
//   of the work and the guest's address (services/stats/visitor-keys.ts), so no IP address is
//   stored. The two unique indexes are what makes "one kudos per user or per guest per work"
//   hold under races, on both databases (NULLs are distinct in unique indexes on both). A
//   deleted account's kudos stay as anonymous ones (set null), so works.kudos_count stays exact.
// - `work_hit_visitors`: who was already counted today, as a hash salted with the day's salt
//   (rotated daily, the old salt deleted, so yesterday's hashes can no longer be linked to
//   anyone). Rows of earlier days are deleted; the key starts with the day so that is a range.
// - `work_daily_stats`: per work and day, how many hits, kudos, comments, bookmarks and
//   subscriptions were added (net of removals), for the creators' charts.
import type { Kysely } from 'kysely';
import type { MigrationContext } from './types.ts';

export async function up(db: Kysely<unknown>, ctx: MigrationContext): Promise<void> {
  const { id, timestamp } = ctx.columns;

  await db.schema
    .createTable('kudos')
    .addColumn('id', 'integer', id)
    .addColumn('work_id', 'integer', (c) => c.notNull().references('works.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('guest_key', 'text')
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('kudos_work_user').on('kudos').columns(['work_id', 'user_id']).unique().execute();
  await db.schema.createIndex('kudos_work_guest').on('kudos').columns(['work_id', 'guest_key']).unique().execute();
  // Setting user_id to null when an account goes looks rows up by user.
  await db.schema.createIndex('kudos_user').on('kudos').column('user_id').execute();

  await db.schema
    .createTable('work_hit_visitors')
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('work_id', 'integer', (c) => c.notNull().references('works.id').onDelete('cascade'))
    .addColumn('visitor', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('work_hit_visitors_pk', ['day', 'work_id', 'visitor'])
    .execute();
  // Deleting a work finds its rows without scanning every day.
  await db.schema.createIndex('work_hit_visitors_work').on('work_hit_visitors').column('work_id').execute();

  await db.schema
    .createTable('work_daily_stats')
    .addColumn('work_id', 'integer', (c) => c.notNull().references('works.id').onDelete('cascade'))
    // UTC day, YYYY-MM-DD: sorts and compares as text on both databases.
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('kudos', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('comments', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('bookmarks', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('subscriptions', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('work_daily_stats_pk', ['work_id', 'day'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('work_daily_stats').ifExists().execute();
  await db.schema.dropTable('work_hit_visitors').ifExists().execute();
  await db.schema.dropTable('kudos').ifExists().execute();
}
