// Tag wrangling: relationship kinds, the "cannot be wrangled" flag, the wrangling audit log, the
// crossover flag on works, and AO3's media categories seeded as canonical media tags.
import { sql, type Kysely } from 'kysely';
import type { MigrationContext } from './types.ts';
import { MEDIA } from '../../domain/media.ts';
import { tagKey } from '../../domain/tag-name.ts';

export async function up(db: Kysely<unknown>, ctx: MigrationContext): Promise<void> {
  const { id, timestamp } = ctx.columns;

  // 'romantic' for A/B, 'platonic' for A & B (AO3's relationship notation).
  await db.schema.alterTable('tags').addColumn('relationship_kind', 'text').execute();
  await db.schema.alterTable('tags').addColumn('unwrangleable', 'boolean', (c) => c.notNull().defaultTo(false)).execute();
  await db.schema.alterTable('works').addColumn('crossover', 'boolean', (c) => c.notNull().defaultTo(false)).execute();

  await db.schema
    .createTable('wrangling_audit')
    .addColumn('id', 'integer', id)
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('tag_id', 'integer', (c) => c.references('tags.id').onDelete('set null'))
    .addColumn('tag_name', 'text', (c) => c.notNull())
    .addColumn('before', 'text', (c) => c.notNull())
    .addColumn('after', 'text', (c) => c.notNull())
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('wrangling_audit_created').on('wrangling_audit').column('created_at').execute();
  await db.schema.createIndex('wrangling_audit_tag').on('wrangling_audit').column('tag_id').execute();

  const now = new Date().toISOString();
  for (const name of MEDIA) {
    await db
      .insertInto('tags' as never)
      .values({ name, name_key: tagKey(name), type: 'media', canonical: sql`true`, created_at: now, updated_at: now } as never)
      .onConflict((oc) => oc.column('name_key' as never).doNothing())
      .execute();
  }
}
