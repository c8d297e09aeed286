// The core model: accounts and pseuds, works with chapters and creators, series, tags with the
// work filter set, and a key/value settings table. Seeds the fixed tags every archive has.
import { sql, type Kysely } from 'kysely';
import type { MigrationContext } from './types.ts';
import { FIXED_TAGS } from '../../domain/fixed-tags.ts';
import { tagKey } from '../../domain/tag-name.ts';

export async function up(db: Kysely<unknown>, ctx: MigrationContext): Promise<void> {
  const { id, timestamp } = ctx.columns;

  await db.schema
    .createTable('users')
    .addColumn('id', 'integer', id)
    .addColumn('login', 'text', (c) => c.notNull())
    .addColumn('login_key', 'text', (c) => c.notNull().unique())
    .addColumn('email', 'text')
    .addColumn('password_hash', 'text')
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('suspended_at', timestamp)
    .execute();

  await db.schema
    .createTable('user_roles')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('user_roles_pk', ['user_id', 'role'])
    .execute();

  await db.schema
    .createTable('pseuds')
    .addColumn('id', 'integer', id)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('is_default', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('description', 'text')
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addUniqueConstraint('pseuds_user_name_unique', ['user_id', 'name_key'])
    .execute();
  await db.schema.createIndex('pseuds_name_key').on('pseuds').column('name_key').execute();

  await db.schema
    .createTable('works')
    .addColumn('id', 'integer', id)
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('end_notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('language', 'text', (c) => c.notNull().defaultTo('en'))
    .addColumn('restricted', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('anonymous', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('comment_permission', 'text', (c) => c.notNull().defaultTo('everyone'))
    .addColumn('moderated_comments', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('expected_chapters', 'integer')
    .addColumn('complete', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('posted', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('hidden_by_admin', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('word_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('chapter_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('hits', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('kudos_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('comments_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('bookmarks_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('sanitizer_version', 'integer', (c) => c.notNull())
    .addColumn('posted_at', timestamp)
    .addColumn('revised_at', timestamp)
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .execute();
  // Listings sort newest-updated first and page by (revised_at, id).
  await db.schema.createIndex('works_listing').on('works').columns(['posted', 'revised_at', 'id']).execute();

  await db.schema
    .createTable('chapters')
    .addColumn('id', 'integer', id)
    .addColumn('work_id', 'integer', (c) => c.notNull().references('works.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('end_notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('word_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('posted', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('posted_at', timestamp)
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('chapters_work_position').on('chapters').columns(['work_id', 'position']).execute();

  await db.schema
    .createTable('work_creatorships')
    .addColumn('work_id', 'integer', (c) => c.notNull().references('works.id').onDelete('cascade'))
    .addColumn('pseud_id', 'integer', (c) => c.notNull().references('pseuds.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('approved', 'boolean', (c) => c.notNull().defaultTo(true))
    .addPrimaryKeyConstraint('work_creatorships_pk', ['work_id', 'pseud_id'])
    .execute();
  await db.schema.createIndex('work_creatorships_pseud').on('work_creatorships').columns(['pseud_id', 'work_id']).execute();

  await db.schema
    .createTable('series')
    .addColumn('id', 'integer', id)
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('complete', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('series_creatorships')
    .addColumn('series_id', 'integer', (c) => c.notNull().references('series.id').onDelete('cascade'))
    .addColumn('pseud_id', 'integer', (c) => c.notNull().references('pseuds.id').onDelete('cascade'))
    .addColumn('approved', 'boolean', (c) => c.notNull().defaultTo(true))
    .addPrimaryKeyConstraint('series_creatorships_pk', ['series_id', 'pseud_id'])
    .execute();

  await db.schema
    .createTable('serial_works')
    .addColumn('series_id', 'integer', (c) => c.notNull().references('series.id').onDelete('cascade'))
    .addColumn('work_id', 'integer', (c) => c.notNull().references('works.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('serial_works_pk', ['series_id', 'work_id'])
    .execute();
  await db.schema.createIndex('serial_works_work').on('serial_works').column('work_id').execute();

  await db.schema
    .createTable('tags')
    .addColumn('id', 'integer', id)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull().unique())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('canonical', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('merger_id', 'integer', (c) => c.references('tags.id').onDelete('set null'))
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('tags_type_name').on('tags').columns(['type', 'name_key']).execute();
  await db.schema.createIndex('tags_merger').on('tags').column('merger_id').execute();

  await db.schema
    .createTable('tag_parents')
    .addColumn('parent_id', 'integer', (c) => c.notNull().references('tags.id').onDelete('cascade'))
    .addColumn('child_id', 'integer', (c) => c.notNull().references('tags.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('tag_parents_pk', ['parent_id', 'child_id'])
    .execute();
  await db.schema.createIndex('tag_parents_child').on('tag_parents').column('child_id').execute();

  await db.schema
    .createTable('meta_taggings')
    .addColumn('meta_id', 'integer', (c) => c.notNull().references('tags.id').onDelete('cascade'))
    .addColumn('sub_id', 'integer', (c) => c.notNull().references('tags.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('meta_taggings_pk', ['meta_id', 'sub_id'])
    .execute();
  await db.schema.createIndex('meta_taggings_sub').on('meta_taggings').column('sub_id').execute();

  await db.schema
    .createTable('work_tags')
    .addColumn('work_id', 'integer', (c) => c.notNull().references('works.id').onDelete('cascade'))
    .addColumn('tag_id', 'integer', (c) => c.notNull().references('tags.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('work_tags_pk', ['work_id', 'tag_id'])
    .execute();
  await db.schema.createIndex('work_tags_tag').on('work_tags').columns(['tag_id', 'work_id']).execute();

  await db.schema
    .createTable('work_filters')
    .addColumn('work_id', 'integer', (c) => c.notNull().references('works.id').onDelete('cascade'))
    .addColumn('tag_id', 'integer', (c) => c.notNull().references('tags.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('work_filters_pk', ['work_id', 'tag_id'])
    .execute();
  await db.schema.createIndex('work_filters_tag').on('work_filters').columns(['tag_id', 'work_id']).execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .execute();

  const now = new Date().toISOString();
  await db
    .insertInto('tags' as never)
    .values(
      FIXED_TAGS.map((tag) => ({
        name: tag.name,
        name_key: tagKey(tag.name),
        type: tag.type,
        canonical: sql`true`,
        created_at: now,
        updated_at: now,
      })) as never,
    )
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'settings', 'work_filters', 'work_tags', 'meta_taggings', 'tag_parents', 'tags', 'serial_works',
    'series_creatorships', 'series', 'work_creatorships', 'chapters', 'works', 'pseuds', 'user_roles', 'users',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
