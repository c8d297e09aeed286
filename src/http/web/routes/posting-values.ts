// The posting form's values: read from a submitted form, filled from a stored work (Edit Work) or
// an uploaded file's metadata, and turned into the services' inputs. Values stay strings as typed,
// so a form that comes back with errors shows exactly what the writer entered.
import type { TagRecord } from '../../../db/repos/tags.repo.ts';
import type { ImportedDocument } from '../../../formats/import/index.ts';
import { findLanguage } from '../../../domain/languages.ts';
import type { EditingWork } from '../../../services/works/edit-work.ts';
import { paragraphsFromText } from '../../../services/works/rich-text.ts';
import type { ChapterInput, WorkDetailsInput, WorkInput } from '../../../services/work-input.ts';
import type { WorkFormValues } from '../views/posting-form.ts';
import { all, flag, optionalDate, optionalInt, text, type FormFields } from './posting-form.ts';

export function emptyWorkValues(defaultPseudId: number | null): WorkFormValues {
  return {
    title: '', summary: '', notes: '', endNotes: '', ratings: [], warnings: [], categories: [],
    fandoms: '', relationships: '', characters: '', freeforms: '', language: 'en',
    seriesId: '', seriesTitle: '', seriesPosition: '', leaveSeries: [], coCreators: '',
    pseudIds: defaultPseudId !== null ? [String(defaultPseudId)] : [],
    restricted: false, anonymous: false, commentPermission: 'everyone', moderatedComments: false,
    publishedAt: '', multiChapter: false, chapterTitle: '', expectedChapters: '', content: '',
  };
}

export function workValuesFrom(fields: FormFields): WorkFormValues {
  return {
    title: text(fields, 'title'),
    summary: text(fields, 'summary'),
    notes: text(fields, 'notes'),
    endNotes: text(fields, 'end_notes'),
    ratings: all(fields, 'rating'),
    warnings: all(fields, 'warnings'),
    categories: all(fields, 'categories'),
    fandoms: text(fields, 'fandoms'),
    relationships: text(fields, 'relationships'),
    characters: text(fields, 'characters'),
    freeforms: text(fields, 'freeforms'),
    language: text(fields, 'language'),
    seriesId: text(fields, 'series_id'),
    seriesTitle: text(fields, 'series_title'),
    seriesPosition: text(fields, 'series_position'),
    leaveSeries: all(fields, 'leave_series'),
    coCreators: text(fields, 'co_creators'),
    pseudIds: all(fields, 'pseud_ids'),
    restricted: flag(fields, 'restricted'),
    anonymous: flag(fields, 'anonymous'),
    commentPermission: text(fields, 'comment_permission'),
    moderatedComments: flag(fields, 'moderated_comments'),
    publishedAt: text(fields, 'published_at'),
    multiChapter: flag(fields, 'multi_chapter'),
    chapterTitle: text(fields, 'chapter_title'),
    expectedChapters: text(fields, 'expected_chapters'),
    content: text(fields, 'content'),
  };
}

function names(tags: readonly TagRecord[], type: TagRecord['type']): string[] {
  return tags.filter((t) => t.type === type).map((t) => t.name);
}

export function workValuesFromStored(editing: EditingWork): WorkFormValues {
  const { work, tags } = editing;
  return {
    title: work.title,
    summary: work.summary,
    notes: work.notes,
    endNotes: work.endNotes,
    ratings: names(tags, 'rating').slice(0, 1),
    warnings: names(tags, 'warning'),
    categories: names(tags, 'category'),
    fandoms: names(tags, 'fandom').join(', '),
    relationships: names(tags, 'relationship').join(', '),
    characters: names(tags, 'character').join(', '),
    freeforms: names(tags, 'freeform').join(', '),
    language: work.language,
    seriesId: '',
    seriesTitle: '',
    seriesPosition: '',
    leaveSeries: [],
    coCreators: '',
    pseudIds: editing.ownPseudIds.map(String),
    restricted: work.restricted,
    anonymous: work.anonymous,
    commentPermission: work.commentPermission,
    moderatedComments: work.moderatedComments,
    publishedAt: work.postedAt ? work.postedAt.slice(0, 10) : '',
    multiChapter: editing.chapterCount > 1,
    chapterTitle: editing.chapter?.title ?? '',
    expectedChapters: work.expectedChapters === null ? '' : String(work.expectedChapters),
    content: editing.chapter?.content ?? '',
  };
}

const list = (value: string) => (value.trim() === '' ? [] : [value]);

export function detailsInputFrom(v: WorkFormValues): WorkDetailsInput {
  return {
    title: v.title,
    summaryHtml: paragraphsFromText(v.summary),
    notesHtml: paragraphsFromText(v.notes),
    endNotesHtml: paragraphsFromText(v.endNotes),
    language: v.language || 'en',
    rating: v.ratings.length === 0 ? undefined : v.ratings,
    warnings: v.warnings,
    categories: v.categories,
    fandoms: list(v.fandoms),
    relationships: list(v.relationships),
    characters: list(v.characters),
    freeforms: list(v.freeforms),
    expectedChapters: optionalInt(v.expectedChapters),
    restricted: v.restricted,
    anonymous: v.anonymous,
    commentPermission: v.commentPermission || 'everyone',
    moderatedComments: v.moderatedComments,
    coCreators: list(v.coCreators),
    series: { id: optionalInt(v.seriesId), title: v.seriesTitle, position: optionalInt(v.seriesPosition) },
    postedAt: optionalDate(v.publishedAt),
  };
}

/**
 * A new work's input. The text is the form's, or the uploaded file's chapters; a work not marked
 * multi-chapter expects exactly the chapters it has (AO3 shows it as 1/1, complete).
 */
export function newWorkInputFrom(v: WorkFormValues, doc: ImportedDocument | null): WorkInput {
  const chapters: ChapterInput[] = doc
    ? doc.chapters.map((c, i) => ({ title: i === 0 && v.chapterTitle ? v.chapterTitle : c.title, html: c.html, summaryHtml: c.summaryHtml, notesHtml: c.notesHtml, endNotesHtml: c.endNotesHtml }))
    : [{ title: v.chapterTitle, html: paragraphsFromText(v.content) }];
  const details = detailsInputFrom(v);
  return { ...details, expectedChapters: v.multiChapter ? details.expectedChapters : chapters.length, chapters };
}

/** Fills what the writer left blank from an uploaded file: its title, text and metadata. */
export function prefillFromImport(v: WorkFormValues, doc: ImportedDocument, filename: string): WorkFormValues {
  const meta = doc.metadata ?? null;
  const next = { ...v };
  const blank = (s: string) => s.trim() === '';
  if (blank(next.title)) next.title = doc.title ?? filename.replace(/\.[^.]+$/, '').replace(/[_-]+/g, ' ').trim();
  if (blank(next.chapterTitle)) next.chapterTitle = doc.chapters[0]?.title ?? '';
  // An AO3 download says how many chapters the work will have ("2/5", or "2/?"); any other file
  // holds the whole work.
  const expected = meta?.source === 'ao3' ? meta.expectedChapters : doc.chapters.length;
  if (blank(next.expectedChapters) && (doc.chapters.length > 1 || expected !== doc.chapters.length)) {
    next.multiChapter = true;
    next.expectedChapters = expected === null ? '' : String(expected);
  }
  // The text box holds the imported text, so a form sent back with errors does not lose it.
  next.content = doc.chapters.map((c, i) => (i > 0 && c.title ? `<h2>${c.title.replace(/[<&]/g, (ch) => (ch === '<' ? '&lt;' : '&amp;'))}</h2>\n${c.html}` : c.html)).join('\n');
  if (!meta) return next;
  if (blank(next.summary)) next.summary = meta.summaryHtml;
  if (blank(next.notes)) next.notes = meta.notesHtml;
  if (blank(next.endNotes)) next.endNotes = meta.endNotesHtml;
  if (next.ratings.length === 0 && meta.rating) next.ratings = [meta.rating];
  if (next.warnings.length === 0) next.warnings = meta.warnings;
  if (next.categories.length === 0) next.categories = meta.categories;
  if (blank(next.fandoms)) next.fandoms = meta.fandoms.join(', ');
  if (blank(next.relationships)) next.relationships = meta.relationships.join(', ');
  if (blank(next.characters)) next.characters = meta.characters.join(', ');
  if (blank(next.freeforms)) next.freeforms = meta.freeforms.join(', ');
  const language = meta.language ? findLanguage(meta.language) : null;
  if (language && (blank(next.language) || next.language === 'en')) next.language = language.code;
  const series = meta.series[0];
  if (series && blank(next.seriesId) && blank(next.seriesTitle)) {
    next.seriesTitle = series.title;
    if (blank(next.seriesPosition) && series.position !== null) next.seriesPosition = String(series.position);
  }
  if (blank(next.publishedAt) && meta.publishedAt) next.publishedAt = meta.publishedAt;
  return next;
}
