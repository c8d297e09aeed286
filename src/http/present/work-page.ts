// WorkReading → WorkPage: the work page in chapter-by-chapter or entire-work mode.
import type { ChapterRecord, ChapterSummary } from '../../db/repos/chapters.repo.ts';
import type { WorkReading } from '../../services/read-work.ts';
import type { ChapterNavItem, ChapterView, WorkPage } from './view-models.ts';
import { presentBlurb } from './work-blurb.ts';
import { chapterUrl, fullWorkUrl } from './urls.ts';

/** "1. The Lantern", or "Chapter 1" for an untitled chapter (AO3's chapter index). */
export function chapterLabel(chapter: Pick<ChapterSummary, 'position' | 'title'>): string {
  return chapter.title ? `${chapter.position}. ${chapter.title}` : `Chapter ${chapter.position}`;
}

function navItem(workId: number, chapter: ChapterSummary): ChapterNavItem {
  return { id: chapter.id, position: chapter.position, label: chapterLabel(chapter), url: chapterUrl(workId, chapter.id) };
}

function chapterView(workId: number, chapter: ChapterRecord): ChapterView {
  return {
    id: chapter.id,
    position: chapter.position,
    title: chapter.title,
    label: chapterLabel(chapter),
    url: chapterUrl(workId, chapter.id),
    summaryHtml: chapter.summary,
    notesHtml: chapter.notes,
    endNotesHtml: chapter.endNotes,
    contentHtml: chapter.content,
    wordCount: chapter.wordCount,
  };
}

export function presentWorkPage(reading: WorkReading): WorkPage {
  const workId = reading.card.work.id;
  const nav = reading.chapters.map((c) => navItem(workId, c));
  const index = reading.mode === 'chapter' && reading.shown.length === 1 ? nav.findIndex((c) => c.id === reading.shown[0]!.id) : -1;
  return {
    work: presentBlurb(reading.card),
    notesHtml: reading.card.work.notes,
    endNotesHtml: reading.card.work.endNotes,
    chapters: nav,
    shown: reading.shown.map((c) => chapterView(workId, c)),
    mode: reading.mode,
    previous: index > 0 ? nav[index - 1]! : null,
    next: index >= 0 && index < nav.length - 1 ? nav[index + 1]! : null,
    fullWorkUrl: fullWorkUrl(workId),
    chapterByChapterUrl: nav[0]?.url ?? fullWorkUrl(workId),
  };
}
