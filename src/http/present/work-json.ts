// WorkCard → the API's Work object (src/http/api/schemas.ts). Built from the same blurb the
// pages show, so the page and the API cannot disagree about a work.
import type { Static } from 'typebox';
import type { ChapterRecord } from '../../db/repos/chapters.repo.ts';
import type { FacetCount } from '../../search/types.ts';
import type { WorkCard } from '../../services/work-cards.ts';
import type { ChapterSchema, WorkSchema } from '../api/schemas.ts';
import { presentBlurb } from './work-blurb.ts';
import { chapterUrl } from './urls.ts';

export type WorkJson = Static<typeof WorkSchema>;
export type ChapterJson = Static<typeof ChapterSchema>;

export function presentWorkJson(card: WorkCard): WorkJson {
  const blurb = presentBlurb(card);
  const names = (tags: Array<{ name: string }>) => tags.map((t) => t.name);
  return {
    id: blurb.id,
    url: blurb.url,
    title: blurb.title,
    summary: blurb.summaryHtml,
    language: blurb.language.code,
    rating: blurb.rating?.name ?? null,
    warnings: names(blurb.warnings),
    categories: names(blurb.categories),
    fandoms: names(blurb.fandoms),
    relationships: names(blurb.relationships),
    characters: names(blurb.characters),
    freeforms: names(blurb.freeforms),
    creators: blurb.creators,
    anonymous: blurb.anonymous,
    series: blurb.series.map((s) => ({ id: s.id, title: s.title, position: s.position, url: s.url })),
    wordCount: blurb.wordCount,
    chapterCount: blurb.chapterCount,
    expectedChapters: blurb.expectedChapters,
    complete: blurb.complete,
    posted: card.work.posted,
    restricted: blurb.restricted,
    postedAt: blurb.postedAt,
    updatedAt: blurb.updatedAt,
    stats: blurb.stats,
  };
}

/** `position`: the chapter's number as the reader counts (work-page.ts chapterNumbers); stored position by default. */
export function presentChapterJson(workId: number, chapter: ChapterRecord, position = chapter.position): ChapterJson {
  return {
    id: chapter.id,
    position,
    title: chapter.title,
    url: chapterUrl(workId, chapter.id),
    summary: chapter.summary,
    notes: chapter.notes,
    endNotes: chapter.endNotes,
    content: chapter.content,
    wordCount: chapter.wordCount,
    posted: chapter.posted,
    postedAt: chapter.postedAt,
  };
}

/** Facet rows grouped by tag type: `{"fandom":[{"name":…,"count":…}],…}` (DESIGN.md). */
export function presentFacets(facets: readonly FacetCount[]): Record<string, Array<{ name: string; count: number }>> {
  const grouped: Record<string, Array<{ name: string; count: number }>> = {};
  for (const facet of facets) (grouped[facet.type] ??= []).push({ name: facet.name, count: facet.count });
  return grouped;
}
