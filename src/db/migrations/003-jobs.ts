// The durable job queue (src/jobs/): one row per job, claimed by workers with an atomic update
// (SQLite) or `FOR UPDATE SKIP LOCKED` (PostgreSQL).
import { sql, type Kysely } from 'kysely';
import type { MigrationContext } from './types.ts';

export async function up(db: Kysely<unknown>, ctx: MigrationContext): Promise<void> {
  const { id, timestamp } = ctx.columns;

  await db.schema
    .createTable('jobs')
    .addColumn('id', 'integer', id)
    .addColumn('kind', 'text', (c) => c.notNull())
    // JSON text on both databases: the queue never looks inside it.
    .addColumn('payload', 'text', (c) => c.notNull())
    // Set for `enqueue(…, { unique })`: at most one queued job per kind and key (index below).
    .addColumn('unique_key', 'text')
    // queued | running | done | failed
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('queued'))
    .addColumn('priority', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('run_at', timestamp, (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull().defaultTo(5))
    .addColumn('locked_by', 'text')
    .addColumn('locked_at', timestamp)
    .addColumn('heartbeat_at', timestamp)
    .addColumn('progress', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('total', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .addColumn('finished_at', timestamp)
    .execute();

  // Claiming: queued jobs in the order workers take them (highest priority, then oldest due), so
  // the claim reads the first due row of an index range instead of sorting the queue.
  await db.schema.createIndex('jobs_claim').on('jobs').columns(['status', 'priority desc', 'run_at', 'id']).execute();
  // Finding running jobs whose worker stopped sending heartbeats.
  await db.schema.createIndex('jobs_heartbeat').on('jobs').columns(['status', 'heartbeat_at']).execute();
  // `unique` jobs: a duplicate stays out only while the first one waits; once it runs, a new one
  // may queue (the data may have changed after the running job read it). The predicate is SQL
  // text, not a bound parameter: index predicates cannot take parameters.
  await db.schema
    .createIndex('jobs_unique_queued')
    .on('jobs')
    .columns(['kind', 'unique_key'])
    .unique()
    .where(sql.raw<boolean>(`status = 'queued' and unique_key is not null`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('jobs').execute();
}
