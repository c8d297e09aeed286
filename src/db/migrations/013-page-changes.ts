// The work change log (006) also records what a work page shows besides the work itself: its
// comments and its series; and a hit alone is logged as 'hits', apart from the other counters. The guest page cache (src/http/page-cache.ts) reads the log to drop
// cached pages as soon as anything on them changes, in every process; a hidden or deleted comment
// or a series change must not stay on a cached page. Logged as 'stats', which the discovery and
// full-text indexes treat as "no indexed text changed" (change-triggers.ts).
import { sql, type Kysely } from 'kysely';
import type { MigrationContext } from './types.ts';
import { changeTriggerStatements, dropPageChangeTriggerStatements, pageChangeTriggerStatements } from '../change-triggers.ts';

export async function up(db: Kysely<unknown>, ctx: MigrationContext): Promise<void> {
  for (const statement of pageChangeTriggerStatements(ctx.caps.dialect)) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>, ctx: MigrationContext): Promise<void> {
  for (const statement of dropPageChangeTriggerStatements(ctx.caps.dialect)) await sql.raw(statement).execute(db);
  // Back to 006's one trigger for every counter.
  for (const statement of changeTriggerStatements(ctx.caps.dialect).filter((s) => s.includes('trigger work_changes_works_stats'))) await sql.raw(statement).execute(db);
}
