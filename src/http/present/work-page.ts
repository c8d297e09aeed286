// WorkReading → WorkPage: the work page in chapter-by-chapter or entire-work mode.
import type { ChapterRecord, ChapterSummary } from '../../db/repos/chapters.repo.ts';
import type { WorkReading } from '../../services/read-work.ts';
import type { ChapterNavItem, ChapterView, WorkPage } from './view-models.ts';
import { presentBlurb } from './work-blurb.ts';
import { chapterUrl, fullWorkUrl } from './urls.ts';

/** "1. The Lantern", or "Chapter 1" for an untitled chapter (AO3's chapter index). */
export function chapterLabel(chapter: { number: number; title: string }): string {
  return chapter.title ? `${chapter.number}. ${chapter.title}` : `Chapter ${chapter.number}`;
}

/** A chapter's label by its stored position (the creator's chapter management, which sees them all). */
export function storedChapterLabel(chapter: Pick<ChapterSummary, 'position' | 'title'>): string {
  return chapterLabel({ number: chapter.position, title: chapter.title });
}

function navItem(workId: number, chapter: ChapterSummary, number: number): ChapterNavItem {
  return { id: chapter.id, number, label: chapterLabel({ number, title: chapter.title }), url: chapterUrl(workId, chapter.id) };
}

function chapterView(workId: number, chapter: ChapterRecord, number: number): ChapterView {
  return {
    id: chapter.id,
    number,
    title: chapter.title,
    label: chapterLabel({ number, title: chapter.title }),
    url: chapterUrl(workId, chapter.id),
    summaryHtml: chapter.summary,
    notesHtml: chapter.notes,
    endNotesHtml: chapter.endNotes,
    contentHtml: chapter.content,
    wordCount: chapter.wordCount,
  };
}

/**
 * Chapter numbers as the reader counts them: their place among the chapters this reader can see
 * (`reading.chapters`, in order). Readers see posted chapters numbered 1..n even when a draft sits
 * between them; creators, who also see drafts, get the stored positions.
 */
export function chapterNumbers(reading: Pick<WorkReading, 'chapters'>): Map<number, number> {
  return new Map(reading.chapters.map((c, index) => [c.id, index + 1]));
}

export function presentWorkPage(reading: WorkReading): WorkPage {
  const workId = reading.card.work.id;
  const numbers = chapterNumbers(reading);
  const numberOf = (chapter: { id: number; position: number }) => numbers.get(chapter.id) ?? chapter.position;
  const nav = reading.chapters.map((c) => navItem(workId, c, numberOf(c)));
  const index = reading.mode === 'chapter' && reading.shown.length === 1 ? nav.findIndex((c) => c.id === reading.shown[0]!.id) : -1;
  return {
    work: presentBlurb(reading.card),
    notesHtml: reading.card.work.notes,
    endNotesHtml: reading.card.work.endNotes,
    chapters: nav,
    shown: reading.shown.map((c) => chapterView(workId, c, numberOf(c))),
    mode: reading.mode,
    // otwarchive Work#chaptered?: expected_number_of_chapters != 1 (unknown, `?`, counts too).
    chaptered: reading.card.work.expectedChapters !== 1 || reading.chapters.length > 1,
    previous: index > 0 ? nav[index - 1]! : null,
    next: index >= 0 && index < nav.length - 1 ? nav[index + 1]! : null,
    fullWorkUrl: fullWorkUrl(workId),
    chapterByChapterUrl: nav[0]?.url ?? fullWorkUrl(workId),
  };
}
