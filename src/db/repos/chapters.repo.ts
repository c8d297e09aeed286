// Chapters of a work.
import type { Db } from '../types.ts';
import { bool } from '../types.ts';

export interface ChapterSummary {
  id: number;
  workId: number;
  position: number;
  title: string;
  wordCount: number;
  posted: boolean;
  postedAt: string | null;
}

export interface ChapterRecord extends ChapterSummary {
  summary: string;
  notes: string;
  endNotes: string;
  content: string;
  updatedAt: string;
}

const SUMMARY_COLUMNS = ['id', 'work_id', 'position', 'title', 'word_count', 'posted', 'posted_at'] as const;

type SummaryRow = { id: number; work_id: number; position: number; title: string; word_count: number; posted: unknown; posted_at: string | null };

function toSummary(row: SummaryRow): ChapterSummary {
  return { id: row.id, workId: row.work_id, position: row.position, title: row.title, wordCount: row.word_count, posted: bool(row.posted), postedAt: row.posted_at };
}

/** Posted chapters in reading order, without their text (for navigation and API listings). */
export async function postedChapterSummaries(db: Db, workId: number): Promise<ChapterSummary[]> {
  const rows = await db.selectFrom('chapters').select(SUMMARY_COLUMNS).where('work_id', '=', workId).where('posted', '=', true).orderBy('position').execute();
  return rows.map(toSummary);
}

export async function postedChapters(db: Db, workId: number): Promise<ChapterRecord[]> {
  const rows = await db.selectFrom('chapters').selectAll().where('work_id', '=', workId).where('posted', '=', true).orderBy('position').execute();
  return rows.map((row) => ({ ...toSummary(row), summary: row.summary, notes: row.notes, endNotes: row.end_notes, content: row.content, updatedAt: row.updated_at }));
}

export async function findChapter(db: Db, workId: number, chapterId: number): Promise<ChapterRecord | null> {
  const row = await db.selectFrom('chapters').selectAll().where('work_id', '=', workId).where('id', '=', chapterId).executeTakeFirst();
  return row ? { ...toSummary(row), summary: row.summary, notes: row.notes, endNotes: row.end_notes, content: row.content, updatedAt: row.updated_at } : null;
}

function toRecord(row: SummaryRow & { summary: string; notes: string; end_notes: string; content: string; updated_at: string }): ChapterRecord {
  return { ...toSummary(row), summary: row.summary, notes: row.notes, endNotes: row.end_notes, content: row.content, updatedAt: row.updated_at };
}

/** Every chapter, drafts included, in order without text (the creator's chapter management). */
export async function allChapterSummaries(db: Db, workId: number): Promise<ChapterSummary[]> {
  const rows = await db.selectFrom('chapters').select(SUMMARY_COLUMNS).where('work_id', '=', workId).orderBy('position').orderBy('id').execute();
  return rows.map(toSummary);
}

/** Every chapter, drafts included, with text (previews). */
export async function allChapters(db: Db, workId: number): Promise<ChapterRecord[]> {
  const rows = await db.selectFrom('chapters').selectAll().where('work_id', '=', workId).orderBy('position').orderBy('id').execute();
  return rows.map(toRecord);
}

export interface ChapterWrite {
  title: string;
  summary: string;
  notes: string;
  endNotes: string;
  content: string;
  wordCount: number;
}

export async function insertChapter(db: Db, workId: number, position: number, chapter: ChapterWrite, posted: { posted: boolean; postedAt: string | null }, now: string): Promise<number> {
  const row = await db
    .insertInto('chapters')
    .values({
      work_id: workId,
      position,
      title: chapter.title,
      summary: chapter.summary,
      notes: chapter.notes,
      end_notes: chapter.endNotes,
      content: chapter.content,
      word_count: chapter.wordCount,
      posted: posted.posted,
      posted_at: posted.postedAt,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateChapter(db: Db, chapterId: number, chapter: ChapterWrite, now: string): Promise<void> {
  await db
    .updateTable('chapters')
    .set({ title: chapter.title, summary: chapter.summary, notes: chapter.notes, end_notes: chapter.endNotes, content: chapter.content, word_count: chapter.wordCount, updated_at: now })
    .where('id', '=', chapterId)
    .execute();
}

/** Marks chapters posted; a chapter keeps an earlier posting date it already has (backdating). */
export async function markChaptersPosted(db: Db, workId: number, chapterIds: readonly number[], postedAt: string, now: string): Promise<void> {
  if (chapterIds.length === 0) return;
  await db
    .updateTable('chapters')
    .set((eb) => ({ posted: true, posted_at: eb.fn.coalesce('posted_at', eb.val(postedAt)), updated_at: now }))
    .where('work_id', '=', workId)
    .where('id', 'in', [...chapterIds])
    .execute();
}

/** Sets the posting date of a work's first chapter (backdating a work moves it too). */
export async function setChapterPostedAt(db: Db, chapterId: number, postedAt: string | null): Promise<void> {
  await db.updateTable('chapters').set({ posted_at: postedAt }).where('id', '=', chapterId).execute();
}

export async function deleteChapterRow(db: Db, workId: number, chapterId: number): Promise<void> {
  await db.deleteFrom('chapters').where('work_id', '=', workId).where('id', '=', chapterId).execute();
}

/** Renumbers a work's chapters 1..n in the given order. */
export async function setChapterOrder(db: Db, workId: number, orderedIds: readonly number[], now: string): Promise<void> {
  for (const [index, id] of orderedIds.entries()) {
    await db.updateTable('chapters').set({ position: index + 1, updated_at: now }).where('work_id', '=', workId).where('id', '=', id).execute();
  }
}
