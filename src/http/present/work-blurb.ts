// WorkCard → WorkBlurb, the view model of a work's blurb and preface.
import type { TagRecord } from '../../db/repos/tags.repo.ts';
import { languageName } from '../../domain/languages.ts';
import type { TagType } from '../../domain/tag-types.ts';
import type { WorkCard } from '../../services/work-cards.ts';
import type { TagLink, WorkBlurb } from './view-models.ts';
import { pseudUrl, seriesUrl, tagUrl, workUrl } from './urls.ts';

export function tagLink(tag: Pick<TagRecord, 'name' | 'type'>): TagLink {
  return { name: tag.name, type: tag.type, url: tagUrl(tag.name) };
}

export function tagsOfType(tags: readonly TagRecord[], type: TagType): TagLink[] {
  return tags.filter((t) => t.type === type).map(tagLink);
}

export function presentBlurb(card: WorkCard): WorkBlurb {
  const { work, tags } = card;
  const rating = tags.find((t) => t.type === 'rating');
  return {
    id: work.id,
    url: workUrl(work.id),
    title: work.title,
    creators: card.creators.map((c) => ({ pseud: c.pseud, login: c.login, url: pseudUrl(c.login, c.pseud) })),
    anonymous: card.anonymous,
    rating: rating ? tagLink(rating) : null,
    warnings: tagsOfType(tags, 'warning'),
    categories: tagsOfType(tags, 'category'),
    fandoms: tagsOfType(tags, 'fandom'),
    relationships: tagsOfType(tags, 'relationship'),
    characters: tagsOfType(tags, 'character'),
    freeforms: tagsOfType(tags, 'freeform'),
    summaryHtml: work.summary,
    language: { code: work.language, name: languageName(work.language) },
    wordCount: work.wordCount,
    chapterCount: work.chapterCount,
    expectedChapters: work.expectedChapters,
    complete: work.complete,
    restricted: work.restricted,
    series: card.series.map((s) => ({ id: s.seriesId, title: s.title, url: seriesUrl(s.seriesId), position: s.position })),
    stats: { hits: work.hits, kudos: work.kudosCount, comments: work.commentsCount, bookmarks: work.bookmarksCount },
    postedAt: work.postedAt,
    updatedAt: work.revisedAt,
  };
}
