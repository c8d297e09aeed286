// A work as a download sees it (formats/export/types.ts ExportWork), built from the read path so
// the policy applies exactly as on the work page: readWork refuses drafts and hidden works to
// those who may not read them and asks guests to log in for restricted works; it gives draft
// chapters only to creators; and the work's card carries no creators when the actor may not know
// them (anonymous works).
import { languageName } from '../domain/languages.ts';
import { can } from '../domain/policy.ts';
import { tagToParam } from '../domain/tag-name.ts';
import { TAG_DISPLAY_ORDER } from '../domain/tag-types.ts';
import type { ExportWork } from '../formats/export/types.ts';
import type { ServiceContext } from './context.ts';
import { findReadableWork, readWork, type WorkReading } from './read-work.ts';
import { allChapters } from '../db/repos/chapters.repo.ts';
import { NotFound } from '../domain/errors.ts';
import { workAccess, type WorkCard } from './work-cards.ts';

export interface ExportView {
  work: ExportWork;
  card: WorkCard;
  /**
   * Whether this is the view every reader who is not a creator gets: no draft chapters, no names
   * of anonymous creators. Only that view may be cached and served to others.
   */
  readerView: boolean;
}

export async function loadExportWork(ctx: ServiceContext, workId: number): Promise<ExportView> {
  const reading = ctx.actor.kind === 'system' ? await systemReading(ctx, workId) : await readWork(ctx, workId, { full: true });
  return { work: toExportWork(ctx, reading), card: reading.card, readerView: isReaderView(ctx, reading.card) };
}

/** The operator at the command line exports any work whole, draft chapters included. */
async function systemReading(ctx: ServiceContext, workId: number): Promise<WorkReading> {
  const card = await findReadableWork(ctx, workId);
  const shown = await allChapters(ctx.db, workId);
  if (shown.length === 0) throw new NotFound(`Work ${workId} has no chapters.`);
  return { card, chapters: shown, shown, mode: 'full' };
}

/**
 * Whether what the actor gets is the readers' view. Creators see their draft chapters and their
 * names on anonymous works; the system actor (the CLI) sees every creator.
 */
export function isReaderView(ctx: ServiceContext, card: WorkCard): boolean {
  if (ctx.actor.kind === 'system') return false;
  if (can(ctx.actor, { do: 'work:edit', work: workAccess(card.work, card.creators) })) return false;
  return !(card.work.anonymous && card.creators.length > 0);
}

function toExportWork(ctx: ServiceContext, reading: WorkReading): ExportWork {
  const { work, tags, creators, series } = reading.card;
  const base = ctx.site.baseUrl.replace(/\/$/, '');
  const url = `${base}/works/${work.id}`;
  const order = new Map(TAG_DISPLAY_ORDER.map((type, i) => [type, i]));
  const shownTags = tags.filter((t) => order.has(t.type)).sort((a, b) => order.get(a.type)! - order.get(b.type)!);
  const chapters = reading.shown.map((chapter, index) => ({
    number: index + 1,
    title: chapter.title,
    summaryHtml: chapter.summary,
    notesHtml: chapter.notes,
    endNotesHtml: chapter.endNotes,
    contentHtml: chapter.content,
    wordCount: chapter.wordCount,
    url: `${url}/chapters/${chapter.id}`,
  }));
  return {
    id: work.id,
    title: work.title,
    url,
    creators: creators.map((c) => ({
      name: c.pseud === c.login ? c.login : `${c.pseud} (${c.login})`,
      url: c.pseud === c.login ? `${base}/users/${encodeURIComponent(c.login)}` : `${base}/users/${encodeURIComponent(c.login)}/pseuds/${encodeURIComponent(c.pseud)}`,
    })),
    anonymous: work.anonymous,
    tags: shownTags.map((t) => ({ name: t.name, type: t.type, url: `${base}/tags/${tagToParam(t.name)}` })),
    language: work.language,
    languageName: languageName(work.language),
    summaryHtml: work.summary,
    notesHtml: work.notes,
    endNotesHtml: work.endNotes,
    series: series.map((s) => ({ title: s.title, position: s.position, url: `${base}/series/${s.seriesId}` })),
    chapters,
    // otwarchive Work#chaptered?, as on the work page (present/work-page.ts).
    chaptered: work.expectedChapters !== 1 || chapters.length > 1,
    // The posted counts, as the work page shows them; a draft work counts the chapters it has.
    wordCount: work.posted ? work.wordCount : chapters.reduce((sum, c) => sum + c.wordCount, 0),
    chapterCount: work.posted ? work.chapterCount : chapters.length,
    expectedChapters: work.expectedChapters,
    complete: work.complete,
    publishedAt: work.postedAt,
    updatedAt: work.revisedAt,
    modifiedAt: work.updatedAt,
    siteName: ctx.site.name,
    siteUrl: base,
  };
}

