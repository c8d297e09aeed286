// A whole series as a download sees it (formats/export/types.ts ExportSeriesBook). Which works it
// holds is the series page's rule (browse.ts findSeries, a listing with the actor's scope): posted
// works only — never drafts, never works an admin hid — and restricted ones only for logged-in
// readers; a series with no such work is "not found". Each work is then built exactly as its own
// download is (export-work.ts, through the read path), so anonymous works carry no creators and
// only creators get their draft chapters. The series' creators are those of the included works
// whom the actor may know, so an anonymous work's creator is never named.
import { NotFound } from '../domain/errors.ts';
import type { ExportCreator, ExportSeriesBook } from '../formats/export/types.ts';
import { latest } from '../formats/export/book.ts';
import { findSeries } from './browse.ts';
import type { ServiceContext } from './context.ts';
import { loadExportWork } from './export-work.ts';
import type { SeriesRecord } from '../db/repos/series.repo.ts';
import type { WorkCard } from './work-cards.ts';

export interface VisibleSeries {
  series: SeriesRecord;
  /** The works the actor may see, in series order; at least one. */
  cards: WorkCard[];
}

/** The series and its works as the series page shows them to the actor. */
export async function visibleSeries(ctx: ServiceContext, seriesId: number): Promise<VisibleSeries> {
  const view = await findSeries(ctx, seriesId);
  if (view.works.cards.length === 0) throw new NotFound(`There is no series ${seriesId}.`);
  return { series: view.series, cards: view.works.cards };
}

export interface ExportSeriesView {
  book: ExportSeriesBook;
  visible: VisibleSeries;
  /** Whether every work in it is in the readers' view (export-work.ts): only then may it be cached. */
  readerView: boolean;
}

export async function loadExportSeries(ctx: ServiceContext, seriesId: number, known?: VisibleSeries): Promise<ExportSeriesView> {
  const visible = known ?? (await visibleSeries(ctx, seriesId));
  const views = [];
  for (const card of visible.cards) views.push(await loadExportWork(ctx, card.work.id));
  const works = views.map((v) => v.work);
  const base = ctx.site.baseUrl.replace(/\/$/, '');
  const creators: ExportCreator[] = [];
  for (const creator of works.flatMap((w) => w.creators)) {
    if (!creators.some((c) => c.name === creator.name && c.url === creator.url)) creators.push(creator);
  }
  const published = works.map((w) => w.publishedAt).filter((d): d is string => d !== null && !Number.isNaN(Date.parse(d)));
  const { series } = visible;
  return {
    book: {
      id: series.id,
      title: series.title,
      url: `${base}/series/${series.id}`,
      creators,
      summaryHtml: series.summary,
      notesHtml: series.notes,
      complete: series.complete,
      works,
      publishedAt: published.sort((a, b) => Date.parse(a) - Date.parse(b))[0] ?? null,
      modifiedAt: latest([series.updatedAt, ...works.map((w) => w.modifiedAt)]) ?? series.updatedAt,
      siteName: ctx.site.name,
      siteUrl: base,
    },
    visible,
    readerView: views.every((v) => v.readerView),
  };
}
