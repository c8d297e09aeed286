// A change log of works, written by triggers, read by the discovery index (src/search/) and the
// full-text index: each keeps its own cursor (a `seq`) and reloads only the works that changed
// since. Triggers rather than calls in the services, so that no write path — posting, chapters,
// wrangling's filter-set recomputation, moderation, counters, bulk imports — can forget it.
//
// `kind` tells consumers what changed, so the full-text index can ignore counter updates:
//   content  — the work row's own fields or its chapters
//   tags     — work_tags or work_filters
//   creators — creatorships, or a pseud's name
//   stats    — hits, kudos, comments, bookmarks; since 013 also comment and series changes
//
// On PostgreSQL, sequence values are handed out before commit, so a reader may see seq 11 while
// seq 10 is still uncommitted; readers remember such gaps and look again (work-changes.repo.ts).
import { sql, type Kysely } from 'kysely';
import type { MigrationContext } from './types.ts';
import { changeTriggerStatements, dropChangeTriggerStatements } from '../change-triggers.ts';

export async function up(db: Kysely<unknown>, ctx: MigrationContext): Promise<void> {
  const { id, timestamp } = ctx.columns;
  await db.schema
    .createTable('work_changes')
    .addColumn('seq', 'integer', id)
    // No foreign key: a deleted work's last change says "gone".
    .addColumn('work_id', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('changed_at', timestamp, (c) => c.notNull())
    .execute();
  // Pruning old entries.
  await db.schema.createIndex('work_changes_changed_at').on('work_changes').column('changed_at').execute();
  for (const statement of changeTriggerStatements(ctx.caps.dialect)) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>, ctx: MigrationContext): Promise<void> {
  for (const statement of dropChangeTriggerStatements(ctx.caps.dialect)) await sql.raw(statement).execute(db);
  await db.schema.dropTable('work_changes').ifExists().execute();
}
