// Tag name search for the autocomplete: a prefix match at the start of any word of the folded
// name (domain/tag-search.ts), canonical tags first, at most `limit`. It runs on `tag_words`
// (migration 005-tag-search.ts), whose primary key (fandom_id, type, tier, words, tag_id) makes
// every question a handful of index range scans that each stop after a few rows, whatever the
// number of tags: one scan per asked type and tier, merged here. See docs/BENCHMARKS.md.
//
// Only tags a reader could already find are offered — canonical tags, and other tags on at least
// one work visible in the given scope — so a tag used only on a draft or a hidden work never leaks
// through the autocomplete (DESIGN.md, "leak nowhere").
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../types.ts';
import { bool } from '../types.ts';
import { TAG_TYPES, type TagType } from '../../domain/tag-types.ts';
import type { WorkScope } from '../../domain/policy.ts';
import { tagKey } from '../../domain/tag-name.ts';
import { CANONICAL_TIERS, OTHER_TIERS, prefixUpperBound, searchKeys, searchTier } from '../../domain/tag-search.ts';

/** One search key of a tag (see migration 005-tag-search.ts). */
export interface TagWordsTable {
  /** 0 for every tag's own rows; a fandom's id for the copies under that fandom. */
  fandom_id: number;
  type: TagType;
  /** domain/tag-search.ts searchTier: 0–1 canonical, 2–3 other; even when the name starts with `words`. */
  tier: number;
  /** The folded name from one of its words on. */
  words: string;
  tag_id: number;
}

function searchDb(db: Db) {
  return db.withTables<{ tag_words: TagWordsTable }>();
}

export interface TagSuggestion {
  name: string;
  type: TagType;
  canonical: boolean;
}

export interface TagSearch {
  /** null: every type. */
  type: TagType | null;
  /** Folded with domain/tag-search.ts searchPrefix; not empty. */
  prefix: string;
  scope: WorkScope;
  /** Only children of this (canonical) fandom tag; null: all tags. */
  fandomId: number | null;
  limit: number;
}

/**
 * Rows read per scan in the canonical tiers: twice the limit, because one tag can match with two
 * of its words in the same tier ("Mary Anne Annesley" for "ann") and is then listed once.
 */
const OVERFETCH = 2;
/**
 * Non-canonical candidates read per scan before the visibility check, as a multiple of the limit.
 * Bounding it bounds the work when many matching tags are used only on hidden works; in that rare
 * case a visible tag further down the alphabet can be left out of the suggestions.
 */
const OTHER_OVERFETCH = 3;

interface Candidate {
  tag_id: number;
  name: string;
  type: TagType;
  canonical: unknown;
}

interface Scans {
  search: TagSearch;
  tiers: readonly number[];
  perScan: number;
  /** Keep only tags on a work visible in the search's scope (checked after each scan's limit). */
  visibleOnly: boolean;
}

/**
 * `lateral`: the database runs LATERAL joins (PostgreSQL), so the scans are one small plan —
 * each (type, tier) pair drives a limited index scan. Elsewhere (SQLite) they are a UNION ALL of
 * limited subqueries, which SQLite plans cheaply. PostgreSQL plans a 16-branch UNION (every type,
 * two tiers) in about a millisecond, the LATERAL form in a tenth of that.
 */
export async function searchTags(db: Db, search: TagSearch, options: { lateral: boolean }): Promise<TagSuggestion[]> {
  const found: TagSuggestion[] = [];
  const seen = new Set<number>();
  const take = (rows: Candidate[]): void => {
    for (const row of rows) {
      if (found.length >= search.limit || seen.has(row.tag_id)) continue;
      seen.add(row.tag_id);
      found.push({ name: row.name, type: row.type, canonical: bool(row.canonical) });
    }
  };
  const run = options.lateral ? lateralScans : unionScans;
  // Canonical tags are always suggested: no visibility check, and usually they fill the list.
  take(await run(db, { search, tiers: CANONICAL_TIERS, perScan: search.limit * OVERFETCH, visibleOnly: false }));
  if (found.length < search.limit) take(await run(db, { search, tiers: OTHER_TIERS, perScan: search.limit * OTHER_OVERFETCH, visibleOnly: true }));
  return found;
}

const ORDER = sql`order by c.tier, c.words, c.tag_id`;

// Nested rather than a join: without statistics SQLite would otherwise drive the check from
// works (its posted index) and scan every posted work for each candidate tag.
function visible(tagId: RawBuilder<unknown>, scope: WorkScope): RawBuilder<unknown> {
  return sql`exists (select 1 from work_tags wt where wt.tag_id = ${tagId} and exists (select 1 from works w
    where w.id = wt.work_id and w.posted = ${sql.lit(true)} and w.hidden_by_admin = ${sql.lit(false)}
    ${scope.includeRestricted ? sql`` : sql`and w.restricted = ${sql.lit(false)}`}))`;
}

async function unionScans(db: Db, { search, tiers, perScan, visibleOnly }: Scans): Promise<Candidate[]> {
  const types = search.type ? [search.type] : TAG_TYPES;
  const upper = prefixUpperBound(search.prefix);
  const scans = types.flatMap((type) =>
    tiers.map(
      (tier) => sql`select * from (select tag_id, tier, words from tag_words
        where fandom_id = ${search.fandomId ?? 0} and type = ${type} and tier = ${tier} and words >= ${search.prefix} and words < ${upper}
        order by words, tag_id limit ${perScan}) s`,
    ),
  );
  const { rows } = await sql<Candidate>`select c.tag_id, t.name, t.type, t.canonical
    from (${sql.join(scans, sql` union all `)}) c join tags t on t.id = c.tag_id
    ${visibleOnly ? sql`where ${visible(sql`c.tag_id`, search.scope)}` : sql``}
    ${ORDER}`.execute(db);
  return rows;
}

async function lateralScans(db: Db, { search, tiers, perScan, visibleOnly }: Scans): Promise<Candidate[]> {
  const types = search.type ? [search.type] : [...TAG_TYPES];
  const pairs = types.flatMap((type) => tiers.map((tier) => ({ type, tier })));
  const { rows } = await sql<Candidate>`select c.tag_id, t.name, t.type, t.canonical
    from unnest(${pairs.map((p) => p.type)}::text[], ${pairs.map((p) => p.tier)}::int[]) as k(type, tier)
    cross join lateral (select w.tag_id, w.tier, w.words from tag_words w
      where w.fandom_id = ${search.fandomId ?? 0} and w.type = k.type and w.tier = k.tier
        and w.words >= ${search.prefix} and w.words < ${prefixUpperBound(search.prefix)}
      order by w.words, w.tag_id limit ${perScan}) c
    join tags t on t.id = c.tag_id
    ${visibleOnly ? sql`where ${visible(sql`c.tag_id`, search.scope)}` : sql``}
    ${ORDER}`.execute(db);
  return rows;
}

// ── Keeping tag_words up to date ─────────────────────────────────────────────────────────────
// The triggers of migration 005 follow canonical/type changes, fandom parents and deletions.
// Names are folded in JavaScript, so new and renamed tags are indexed from here.

interface IndexableTag {
  id: number;
  name: string;
  type: TagType;
  canonical: boolean;
}

const INSERT_BATCH = 1000;

/** Search rows for tags that have just been created (they have no parents yet). Runs in the caller's transaction. */
export async function addTagSearchRows(db: Db, tags: readonly IndexableTag[]): Promise<void> {
  const rows = tags.flatMap((tag) =>
    searchKeys(tag.name).map((k) => ({ fandom_id: 0, type: tag.type, tier: searchTier(tag.canonical, k.first), words: k.key, tag_id: tag.id })),
  );
  const sdb = searchDb(db);
  for (let i = 0; i < rows.length; i += INSERT_BATCH) {
    await sdb.insertInto('tag_words').values(rows.slice(i, i + INSERT_BATCH)).execute();
  }
}

/**
 * Rewrites the search rows of existing tags from their current names, parents and flags: call it
 * after renaming a tag (in the same transaction), or after changing the folding rules.
 */
export async function reindexTagSearch(db: Db, tagIds: readonly number[]): Promise<void> {
  const sdb = searchDb(db);
  for (let i = 0; i < tagIds.length; i += 500) {
    const ids = tagIds.slice(i, i + 500);
    const tags = await sdb.selectFrom('tags').select(['id', 'name', 'type', 'canonical']).where('id', 'in', ids).execute();
    await sdb.deleteFrom('tag_words').where('tag_id', 'in', ids).execute();
    await addTagSearchRows(db, tags.map((t) => ({ ...t, canonical: bool(t.canonical) })));
    await sdb
      .insertInto('tag_words')
      .columns(['fandom_id', 'type', 'tier', 'words', 'tag_id'])
      .expression(
        sdb
          .selectFrom('tag_parents as p')
          .innerJoin('tags as f', (j) => j.onRef('f.id', '=', 'p.parent_id').on('f.type', '=', 'fandom'))
          .innerJoin('tag_words as w', (j) => j.onRef('w.tag_id', '=', 'p.child_id').on('w.fandom_id', '=', 0))
          .select(['p.parent_id', 'w.type', 'w.tier', 'w.words', 'w.tag_id'])
          .where('p.child_id', 'in', ids),
      )
      .execute();
  }
}

/**
 * Creates many tags at once with their search rows, for bulk loads (tag-set imports, the
 * autocomplete benchmark). Names must be new; returns the ids by normalized name (tagKey).
 */
export async function insertTagsBulk(
  db: Db,
  tags: ReadonlyArray<{ name: string; type: TagType; canonical: boolean }>,
  now: string,
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (let i = 0; i < tags.length; i += 500) {
    const batch = tags.slice(i, i + 500);
    const rows = await db
      .insertInto('tags')
      .values(batch.map((t) => ({ name: t.name, name_key: tagKey(t.name), type: t.type, canonical: t.canonical, created_at: now, updated_at: now })))
      .returning(['id', 'name', 'name_key', 'type', 'canonical'])
      .execute();
    for (const row of rows) ids.set(row.name_key, row.id);
    await addTagSearchRows(db, rows.map((r) => ({ id: r.id, name: r.name, type: r.type, canonical: bool(r.canonical) })));
  }
  return ids;
}
