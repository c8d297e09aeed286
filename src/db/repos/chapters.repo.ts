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
