// Writing the corpus through the store layer: Kysely multi-row inserts in large transactions on
// one pinned connection, with explicit ids (the target is empty, so the corpus numbers its own
// rows and needs no `RETURNING` round trip per batch; PostgreSQL's identity sequences are moved
// past them at the end). During the load the work change-log triggers are off
// (work-changes.repo.ts setChangeLogging), the bulk tables' secondary indexes wait until the end
// (and on PostgreSQL their foreign keys too), and on SQLite foreign-key checks and fsync are off.
import fs from 'node:fs';
import { sql, type CompiledQuery, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../src/db/schema.ts';
import type { DialectName, Store } from '../../src/db/connect.ts';
import type { Db } from '../../src/db/types.ts';
import { setChangeLogging } from '../../src/db/repos/work-changes.repo.ts';
import { addTagSearchRows } from '../../src/db/repos/tag-search.repo.ts';
import { tagKey } from '../../src/domain/tag-name.ts';
import { loginKey, pseudKey } from '../../src/domain/user-names.ts';
import { Zipf, chance, type Random } from './distributions.ts';
import { loginName, personName } from './names.ts';
import type { TagPlan } from './tags.ts';
import type { CreatorPool, ResolvedTags, WorkRows } from './works.ts';

/** SQLite allows 32,766 bound parameters per statement, PostgreSQL 65,535; stay below both. */
const MAX_PARAMS = 30_000;
/** Keep one statement's text parameters under this many characters (chapter bodies). */
const MAX_STATEMENT_CHARS = 8_000_000;

/**
 * Multi-row inserts, compiled by Kysely once per table and row count and then run again with new
 * parameters (Kysely builds and compiles a 15,000-row statement in about as long as SQLite takes
 * to run it). Row counts are the largest the parameter limit allows, then powers of two for the
 * rest, so a handful of statement shapes serve every batch.
 */
export class RowWriter {
  readonly #compiled = new Map<string, CompiledQuery>();
  /** SQLite binds booleans as 0/1 (what the SqliteBooleanPlugin does for built queries). */
  readonly #sqliteBooleans: boolean;

  constructor(dialect: DialectName) {
    this.#sqliteBooleans = dialect === 'sqlite';
  }

  async insert<T extends keyof Database & string>(db: Db, table: T, rows: ReadonlyArray<Record<string, unknown>>): Promise<void> {
    if (rows.length === 0) return;
    const columns = Object.keys(rows[0]!);
    const largest = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
    let start = 0;
    while (start < rows.length) {
      let end = Math.min(rows.length, start + largest);
      if (table === 'chapters') end = this.#cutBySize(rows, start, end);
      let n = end - start;
      if (n < largest) n = 2 ** Math.floor(Math.log2(n));
      await this.#run(db, table, columns, rows, start, n);
      start += n;
    }
  }

  /** Chapter bodies can be large: fewer rows per statement when they are. */
  #cutBySize(rows: ReadonlyArray<Record<string, unknown>>, start: number, end: number): number {
    let chars = 0;
    for (let i = start; i < end; i++) {
      chars += String(rows[i]!.content ?? '').length;
      if (chars > MAX_STATEMENT_CHARS && i > start) return i;
    }
    return end;
  }

  async #run(db: Db, table: keyof Database & string, columns: string[], rows: ReadonlyArray<Record<string, unknown>>, start: number, n: number): Promise<void> {
    const parameters: unknown[] = new Array(n * columns.length);
    let p = 0;
    for (let i = start; i < start + n; i++) {
      const row = rows[i]!;
      for (const column of columns) {
        const value = row[column];
        parameters[p++] = this.#sqliteBooleans && typeof value === 'boolean' ? (value ? 1 : 0) : value;
      }
    }
    const key = `${table}|${columns.join(',')}|${n}`;
    let compiled = this.#compiled.get(key);
    if (!compiled) {
      compiled = db.insertInto(table).values(rows.slice(start, start + n) as never).compile();
      // The reuse below relies on Kysely binding every value in row-then-column order.
      if (compiled.parameters.length !== parameters.length || compiled.parameters.some((v, i) => v !== parameters[i])) {
        throw new Error(`Unexpected parameter order in Kysely's insert into ${table}`);
      }
      this.#compiled.set(key, compiled);
    }
    await db.executeQuery({ ...compiled, parameters });
  }
}

export interface ArchiveContents {
  works: number;
  users: number;
  /** Tags other than the ones migrations seed (ratings, warnings, categories, media). */
  tags: number;
}

export async function archiveContents(db: Db): Promise<ArchiveContents> {
  const count = async (table: 'works' | 'users') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const tags = await db
    .selectFrom('tags')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('type', 'in', ['fandom', 'character', 'relationship', 'freeform'])
    .executeTakeFirstOrThrow();
  return { works: await count('works'), users: await count('users'), tags: Number(tags.n) };
}

export function isEmptyArchive(contents: ArchiveContents): boolean {
  return contents.works === 0 && contents.users === 0 && contents.tags === 0;
}

/**
 * Empties the whole archive so that migrations can build it again: on PostgreSQL the schema is
 * dropped and created again; on SQLite every table, index and trigger is dropped (the command
 * line deletes the database file instead, which is faster for a large file).
 */
export async function wipeArchive(store: Store): Promise<void> {
  if (store.caps.dialect === 'postgres') {
    await sql`drop schema public cascade`.execute(store.db);
    await sql`create schema public`.execute(store.db);
    return;
  }
  const sqlite = store.sqlite!;
  sqlite.pragma('foreign_keys = OFF');
  // Virtual tables (FTS5) first: dropping one drops its shadow tables.
  const objects = sqlite
    .prepare(`select type, name from sqlite_master where name not like 'sqlite_%' and type in ('table', 'trigger', 'view')
      order by case when sql like 'create virtual table%' then 0 else 1 end`)
    .all() as Array<{ type: string; name: string }>;
  for (const { type, name } of objects) sqlite.exec(`drop ${type} if exists "${name.replace(/"/g, '""')}"`);
  sqlite.pragma('foreign_keys = ON');
}

/** Load-time settings, and turning them back. */
export async function beginLoad(store: Store, db: Kysely<Database>, cacheMiB: number): Promise<void> {
  await setChangeLogging(db, store.caps.dialect, false);
  if (store.sqlite) {
    // A benchmark corpus can be rebuilt: no fsync, no foreign-key lookups per row (the generator
    // only writes ids it has created), a large page cache for the work_tags/work_filters indexes.
    store.sqlite.pragma('foreign_keys = OFF');
    store.sqlite.pragma('synchronous = OFF');
    store.sqlite.pragma(`cache_size = ${-cacheMiB * 1024}`);
  } else {
    await sql`set synchronous_commit = off`.execute(db);
    // For rebuilding the deferred indexes: sorting in memory rather than in temporary files.
    await sql.raw(`set maintenance_work_mem = '${Math.min(cacheMiB, 2048)}MB'`).execute(db);
  }
}

export async function endLoad(store: Store, db: Kysely<Database>): Promise<void> {
  await setChangeLogging(db, store.caps.dialect, true);
  // Consumers of the change log (the discovery and full-text indexes) rebuild from scratch when
  // the log is empty; make sure it is.
  await db.deleteFrom('work_changes').execute();
  if (store.sqlite) {
    store.sqlite.pragma('foreign_keys = ON');
    store.sqlite.pragma('synchronous = NORMAL');
    store.sqlite.pragma('cache_size = -2000');
    store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  } else {
    await sql`set synchronous_commit = on`.execute(db);
    for (const table of ['users', 'pseuds', 'tags', 'works', 'chapters'] as const) {
      await sql`select setval(pg_get_serial_sequence(${table}, 'id'), greatest(1, (select coalesce(max(id), 0) from ${sql.table(table)})))`.execute(db);
    }
  }
}

/** The tables the work phase fills: their secondary indexes and foreign keys wait until it is done. */
const BULK_TABLES = ['works', 'chapters', 'work_creatorships', 'work_tags', 'work_filters'] as const;

/** Statements that put back what `deferIndexes` took away. */
export interface Deferred {
  statements: string[];
}

/**
 * Drops the secondary indexes (and on PostgreSQL the foreign keys) of the bulk tables and returns
 * the statements that recreate them, read from the database's own catalog — so indexes other
 * migrations add are deferred too, and come back exactly as they were. Building an index once
 * over sorted data is much cheaper than keeping it up to date through millions of inserts, and
 * PostgreSQL checks a foreign key in one join when it is added instead of one lookup per row
 * (what pg_restore does). SQLite's foreign keys are off during the load instead (beginLoad).
 */
export async function deferIndexes(store: Store, db: Kysely<Database>): Promise<Deferred> {
  const statements: string[] = [];
  if (store.sqlite) {
    const indexes = store.sqlite
      .prepare(`select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in (${BULK_TABLES.map(() => '?').join(', ')})`)
      .all(...BULK_TABLES) as Array<{ name: string; sql: string }>;
    for (const index of indexes) {
      await sql`drop index ${sql.id(index.name)}`.execute(db);
      statements.push(index.sql);
    }
    return { statements };
  }
  const tables = sql.join(BULK_TABLES.map((t) => sql.lit(t)));
  const { rows: fks } = await sql<{ table: string; name: string; definition: string }>`
    select c.conrelid::regclass::text as table, c.conname as name, pg_get_constraintdef(c.oid) as definition
    from pg_constraint c where c.contype = 'f' and c.conrelid::regclass::text in (${tables})`.execute(db);
  const { rows: indexes } = await sql<{ name: string; definition: string }>`
    select i.indexname as name, i.indexdef as definition from pg_indexes i
    where i.schemaname = current_schema() and i.tablename in (${tables})
      and not exists (select 1 from pg_constraint c where c.conname = i.indexname and c.connamespace = (select oid from pg_namespace where nspname = current_schema()))`.execute(db);
  for (const fk of fks) {
    await sql`alter table ${sql.table(fk.table)} drop constraint ${sql.id(fk.name)}`.execute(db);
  }
  for (const index of indexes) await sql`drop index ${sql.id(index.name)}`.execute(db);
  statements.push(...indexes.map((i) => i.definition));
  statements.push(...fks.map((fk) => `alter table ${quoteId(fk.table)} add constraint ${quoteId(fk.name)} ${fk.definition}`));
  return { statements };
}

const quoteId = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function restoreIndexes(db: Kysely<Database>, deferred: Deferred, progress: (done: number, total: number) => void): Promise<void> {
  for (const [i, statement] of deferred.statements.entries()) {
    await sql.raw(statement).execute(db);
    progress(i + 1, deferred.statements.length);
  }
}

async function maxId(db: Db, table: 'tags' | 'users' | 'pseuds' | 'works' | 'chapters'): Promise<number> {
  const row = await db.selectFrom(table).select((eb) => eb.fn.max('id').as('max')).executeTakeFirst();
  return Number(row?.max ?? 0);
}

export async function firstFreeIds(db: Db): Promise<{ work: number; chapter: number }> {
  return { work: (await maxId(db, 'works')) + 1, chapter: (await maxId(db, 'chapters')) + 1 };
}

/**
 * Writes the planned tags (with explicit ids, synonyms after their canonical tag so merger_id
 * always points back), their autocomplete rows (tag-search.repo addTagSearchRows, the code
 * insertTagsBulk runs), parents (the 005 triggers copy search rows under fandoms) and meta
 * tags; returns what the work generator needs to tag works and compute filter sets.
 */
export async function writeTags(db: Kysely<Database>, writer: RowWriter, plan: TagPlan, now: string, progress: (done: number) => void): Promise<ResolvedTags> {
  const existing = await db.selectFrom('tags').select(['id', 'name', 'type']).execute();
  const byName = new Map(existing.map((t) => [t.name, t.id]));
  const fixed = new Map(existing.filter((t) => t.type === 'rating' || t.type === 'warning' || t.type === 'category').map((t) => [t.name, t.id]));
  const first = (await maxId(db, 'tags')) + 1;
  const ids = Int32Array.from(plan.specs, (_, i) => first + i);

  const BATCH = 5000;
  for (let i = 0; i < plan.specs.length; i += BATCH) {
    await db.transaction().execute(async (trx) => {
      const batch = plan.specs.slice(i, i + BATCH);
      const rows = batch.map((spec, j) => ({
        id: ids[i + j]!,
        name: spec.name,
        name_key: tagKey(spec.name),
        type: spec.type,
        canonical: spec.canonical,
        merger_id: spec.merger >= 0 ? ids[spec.merger]! : null,
        relationship_kind: spec.relationshipKind,
        created_at: now,
        updated_at: now,
      }));
      await writer.insert(trx, 'tags', rows);
      await addTagSearchRows(trx, rows.map((r) => ({ id: r.id, name: r.name, type: r.type, canonical: r.canonical })));
    });
    progress(Math.min(plan.specs.length, i + BATCH));
  }

  const resolve = (ref: number | string): number => {
    if (typeof ref === 'number') return ids[ref]!;
    const id = byName.get(ref);
    if (id === undefined) throw new Error(`The archive has no tag "${ref}" (is it migrated?)`);
    return id;
  };
  const parentRows = [...new Map(plan.parents.map(([p, c]) => [`${resolve(p)}:${ids[c]}`, { parent_id: resolve(p), child_id: ids[c]! }])).values()];
  const metaRows = [...new Map(plan.metas.map(([m, s]) => [`${m}:${s}`, { meta_id: ids[m]!, sub_id: ids[s]! }])).values()];
  await db.transaction().execute(async (trx) => {
    await writer.insert(trx, 'tag_parents', parentRows);
    await writer.insert(trx, 'meta_taggings', metaRows);
  });
  return resolveFilters(plan, ids, fixed);
}

/** Each tag's filter set (canonical form plus meta ancestors), mirroring services/filter-set.ts. */
function resolveFilters(plan: TagPlan, ids: Int32Array, fixed: Map<string, number>): ResolvedTags {
  const metasOf = new Map<number, number[]>();
  for (const [meta, sub] of plan.metas) metasOf.set(ids[sub]!, [...(metasOf.get(ids[sub]!) ?? []), ids[meta]!]);
  const closure = (id: number, seen = new Set<number>()): Set<number> => {
    const all = new Set([id]);
    for (const meta of metasOf.get(id) ?? []) {
      if (seen.has(meta)) continue;
      for (const a of closure(meta, new Set([...seen, meta]))) all.add(a);
    }
    return all;
  };
  const filterOf = new Map<number, number[]>();
  const mergerOf = new Map<number, number>();
  const fandomAncestors = new Map<number, Set<number>>();
  plan.specs.forEach((spec, i) => {
    const id = ids[i]!;
    const canonical = spec.merger >= 0 ? ids[spec.merger]! : id;
    if (spec.merger >= 0) mergerOf.set(id, canonical);
    const ancestors = closure(canonical);
    if (canonical !== id || ancestors.size > 1) filterOf.set(id, [...ancestors]);
    if (spec.type === 'fandom' && ancestors.size > 1) fandomAncestors.set(canonical, ancestors);
  });
  return { plan, ids, fixed, filterOf, fandomAncestors, mergerOf };
}

/**
 * About one account per three works, each with its default pseud (named like the login) and one
 * in twelve with a second pen name; accounts that cannot log in (no email, no password), like
 * the ones imports create. Creators are drawn with a Zipf law, so a few accounts write hundreds
 * of works and most write one or none (readers).
 */
export async function writeUsers(db: Kysely<Database>, writer: RowWriter, random: Random, count: number, opened: number): Promise<CreatorPool> {
  const firstUser = (await maxId(db, 'users')) + 1;
  let nextPseud = (await maxId(db, 'pseuds')) + 1;
  const defaultPseuds = new Int32Array(count);
  const otherPseuds = new Int32Array(count);
  const taken = new Set<string>();
  const BATCH = 5000;
  for (let start = 0; start < count; start += BATCH) {
    const users: Array<Record<string, unknown>> = [];
    const pseuds: Array<Record<string, unknown>> = [];
    for (let k = start; k < Math.min(count, start + BATCH); k++) {
      let login = loginName(random);
      while (login.length > 40 || login.length < 3 || taken.has(loginKey(login))) login = `${login.slice(0, 30)}${k.toString(36)}`;
      taken.add(loginKey(login));
      const userId = firstUser + k;
      const now = new Date(opened + random() * 365 * 86_400_000).toISOString();
      users.push({ id: userId, login, login_key: loginKey(login), email: null, password_hash: null, email_key: null, created_at: now, suspended_at: null });
      defaultPseuds[k] = nextPseud;
      pseuds.push({ id: nextPseud++, user_id: userId, name: login, name_key: pseudKey(login), is_default: true, description: null, created_at: now });
      if (chance(random, 1 / 12)) {
        const name = personName(random).slice(0, 40);
        otherPseuds[k] = nextPseud;
        pseuds.push({ id: nextPseud++, user_id: userId, name, name_key: pseudKey(name), is_default: false, description: null, created_at: now });
      }
    }
    await db.transaction().execute(async (trx) => {
      await writer.insert(trx, 'users', users);
      await writer.insert(trx, 'pseuds', pseuds);
    });
  }
  return { defaultPseuds, otherPseuds, zipf: new Zipf(count, 1, 50) };
}

/** One batch of generated works, in one transaction. */
export async function writeWorks(trx: Transaction<Database>, writer: RowWriter, batch: readonly WorkRows[]): Promise<void> {
  await writer.insert(trx, 'works', batch.map((w) => w.work as unknown as Record<string, unknown>));
  await writer.insert(trx, 'chapters', batch.flatMap((w) => w.chapters as unknown as Array<Record<string, unknown>>));
  await writer.insert(
    trx,
    'work_creatorships',
    batch.flatMap((w) => w.pseudIds.map((pseud_id, position) => ({ work_id: w.work.id, pseud_id, position, approved: true }))),
  );
  await writer.insert(trx, 'work_tags', batch.flatMap((w) => w.tagIds.map((tag_id) => ({ work_id: w.work.id, tag_id }))));
  await writer.insert(trx, 'work_filters', batch.flatMap((w) => w.filterIds.map((tag_id) => ({ work_id: w.work.id, tag_id }))));
}

/** Bytes the database takes on disk (SQLite: the file and its WAL; PostgreSQL: pg_database_size). */
export async function databaseBytes(store: Store): Promise<number> {
  if (store.sqlite) {
    const file = store.sqlite.name;
    return [file, `${file}-wal`].reduce((sum, f) => sum + (fs.existsSync(f) ? fs.statSync(f).size : 0), 0);
  }
  const { rows } = await sql<{ size: number }>`select pg_database_size(current_database()) as size`.execute(store.db);
  return Number(rows[0]!.size);
}
