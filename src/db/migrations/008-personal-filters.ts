// Personal filters (issue 5): each reader's muted tags, muted creators (AO3's muted users) and
// saved searches. Everything goes with the account (foreign keys cascade); a muted account's
// deletion removes the mutes of it, and a deleted tag leaves no mute behind.
import type { Kysely } from 'kysely';
import type { MigrationContext } from './types.ts';

export async function up(db: Kysely<unknown>, ctx: MigrationContext): Promise<void> {
  const { id, timestamp } = ctx.columns;

  await db.schema
    .createTable('muted_tags')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    // The canonical tag at the time of muting; readers resolve a later merger when they load it.
    .addColumn('tag_id', 'integer', (c) => c.notNull().references('tags.id').onDelete('cascade'))
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('muted_tags_pk', ['user_id', 'tag_id'])
    .execute();
  // Cascading a tag's deletion looks rows up by tag.
  await db.schema.createIndex('muted_tags_tag').on('muted_tags').column('tag_id').execute();

  await db.schema
    .createTable('muted_users')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('muted_user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('muted_users_pk', ['user_id', 'muted_user_id'])
    .execute();
  await db.schema.createIndex('muted_users_muted').on('muted_users').column('muted_user_id').execute();

  await db.schema
    .createTable('saved_searches')
    .addColumn('id', 'integer', id)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    // The canonical listing query string (no leading "?"), as workQueryToParams writes it.
    .addColumn('query', 'text', (c) => c.notNull())
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('saved_searches_user').on('saved_searches').column('user_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('saved_searches').ifExists().execute();
  await db.schema.dropTable('muted_users').ifExists().execute();
  await db.schema.dropTable('muted_tags').ifExists().execute();
}
