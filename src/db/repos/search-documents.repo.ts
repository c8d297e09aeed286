// What the full-text index (src/search/fulltext/) reads: the searchable fields of a set of works,
// and the posted chapters it takes snippets from.
//
// Only posted, unhidden works are loaded for indexing, with their posted chapters only, so a
// draft's text never reaches the index. Anonymous works come back without creators, so no field
// of the index can reveal who wrote them.
//
// Works are looked up by id alone and `posted`/`hidden_by_admin` tested here, not in the WHERE
// clause: given `id in (…) and posted = …`, SQLite's planner (no statistics) picks the
// works_listing index on `posted` and walks every posted work — 100 ms at a million works, for a
// page of twenty.
import { sql } from 'kysely';
import type { Db } from '../types.ts';
import { bool } from '../types.ts';

const isVisible = (w: { posted: unknown; hidden_by_admin: unknown }): boolean => bool(w.posted) && !bool(w.hidden_by_admin);

export interface SearchSourceChapter {
  title: string;
  /** Sanitized HTML. */
  summary: string;
  notes: string;
  endNotes: string;
  content: string;
}

export interface SearchSource {
  workId: number;
  title: string;
  /** Sanitized HTML. */
  summary: string;
  notes: string;
  endNotes: string;
  /** Names of the work's own tags and of its filter set (canonical forms, meta tags). */
  tags: string[];
  /** Pseud names and account logins of approved creators; empty for anonymous works. */
  creators: string[];
  /** Posted chapters in reading order. */
  chapters: SearchSourceChapter[];
}

/** The searchable content of those of `workIds` that are posted and not hidden. */
export async function loadSearchSources(db: Db, workIds: readonly number[]): Promise<SearchSource[]> {
  if (workIds.length === 0) return [];
  const ids = [...workIds];
  const works = (
    await db.selectFrom('works').select(['id', 'title', 'summary', 'notes', 'end_notes', 'anonymous', 'posted', 'hidden_by_admin']).where('id', 'in', ids).orderBy('id').execute()
  ).filter(isVisible);
  if (works.length === 0) return [];
  const visible = works.map((w) => w.id);

  const [ownTags, filterTags, creators, chapters] = await Promise.all([
    db.selectFrom('work_tags as wt').innerJoin('tags as t', 't.id', 'wt.tag_id').select(['wt.work_id', 't.name']).where('wt.work_id', 'in', visible).execute(),
    db.selectFrom('work_filters as wf').innerJoin('tags as t', 't.id', 'wf.tag_id').select(['wf.work_id', 't.name']).where('wf.work_id', 'in', visible).execute(),
    db
      .selectFrom('work_creatorships as wc')
      .innerJoin('pseuds as p', 'p.id', 'wc.pseud_id')
      .innerJoin('users as u', 'u.id', 'p.user_id')
      .select(['wc.work_id', 'p.name', 'u.login'])
      .where('wc.work_id', 'in', visible)
      .where('wc.approved', '=', true)
      .orderBy('wc.work_id')
      .orderBy('wc.position')
      .execute(),
    db
      .selectFrom('chapters')
      .select(['work_id', 'title', 'summary', 'notes', 'end_notes', 'content'])
      .where('work_id', 'in', visible)
      .where('posted', '=', true)
      .orderBy('work_id')
      .orderBy('position')
      .orderBy('id')
      .execute(),
  ]);

  const sources = new Map<number, SearchSource>();
  for (const w of works) {
    sources.set(w.id, { workId: w.id, title: w.title, summary: w.summary, notes: w.notes, endNotes: w.end_notes, tags: [], creators: [], chapters: [] });
  }
  const anonymous = new Set(works.filter((w) => bool(w.anonymous)).map((w) => w.id));
  for (const row of [...ownTags, ...filterTags]) {
    const tags = sources.get(row.work_id)!.tags;
    if (!tags.includes(row.name)) tags.push(row.name);
  }
  for (const row of creators) {
    if (anonymous.has(row.work_id)) continue;
    const names = sources.get(row.work_id)!.creators;
    for (const name of row.name === row.login ? [row.name] : [row.name, row.login]) if (!names.includes(name)) names.push(name);
  }
  for (const row of chapters) {
    sources.get(row.work_id)!.chapters.push({ title: row.title, summary: row.summary, notes: row.notes, endNotes: row.end_notes, content: row.content });
  }
  return [...sources.values()];
}

/** Up to `limit` work ids above `after`, in order: the full-index scan walks every work this way. */
export async function workIdsAfter(db: Db, after: number, limit: number): Promise<number[]> {
  const rows = await db.selectFrom('works').select('id').where('id', '>', after).orderBy('id').limit(limit).execute();
  return rows.map((r) => r.id);
}

export async function countWorks(db: Db): Promise<number> {
  const row = await db.selectFrom('works').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface SnippetChapterInfo {
  workId: number;
  chapterId: number;
  /** 1-based among the work's posted chapters, as readers number them. */
  position: number;
  /** Bytes of the content HTML, to bound how much text snippets read. */
  length: number;
}

export interface SnippetWork {
  workId: number;
  /** Sanitized HTML. */
  summary: string;
  chapters: SnippetChapterInfo[];
}

/** Summaries and posted-chapter outlines (without text) of those of `workIds` that are posted and unhidden. */
export async function loadSnippetOutlines(db: Db, workIds: readonly number[]): Promise<SnippetWork[]> {
  if (workIds.length === 0) return [];
  const works = (await db.selectFrom('works').select(['id', 'summary', 'posted', 'hidden_by_admin']).where('id', 'in', [...workIds]).execute()).filter(isVisible);
  if (works.length === 0) return [];
  const chapters = await db
    .selectFrom('chapters')
    // octet_length, unlike length, is read from the value's header on both databases (SQLite ≥ 3.43
    // and PostgreSQL's TOAST pointer) without loading the text itself.
    .select(['id', 'work_id', sql<number>`octet_length(content)`.as('length')])
    .where('work_id', 'in', works.map((w) => w.id))
    .where('posted', '=', true)
    .orderBy('work_id')
    .orderBy('position')
    .orderBy('id')
    .execute();
  const byWork = new Map<number, SnippetWork>(works.map((w) => [w.id, { workId: w.id, summary: w.summary, chapters: [] }]));
  for (const c of chapters) {
    const work = byWork.get(c.work_id)!;
    work.chapters.push({ workId: c.work_id, chapterId: c.id, position: work.chapters.length + 1, length: Number(c.length) });
  }
  return [...byWork.values()];
}

/** The HTML of these chapters, by id (posted chapters only). */
export async function loadChapterContents(db: Db, chapterIds: readonly number[]): Promise<Map<number, string>> {
  if (chapterIds.length === 0) return new Map();
  const rows = await db.selectFrom('chapters').select(['id', 'content']).where('id', 'in', [...chapterIds]).where('posted', '=', true).execute();
  return new Map(rows.map((r) => [r.id, r.content]));
}
