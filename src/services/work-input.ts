// Validates and normalizes what a writer (or an importer) submits for a work, before anything is
// written. Problems are collected per field so a form can show them all at once; HTML is
// sanitized here, on write (DESIGN.md), and word counts follow from the sanitized text.
import { Invalid } from '../domain/errors.ts';
import { CATEGORIES, DEFAULT_RATING, DEFAULT_WARNING, RATINGS, WARNINGS } from '../domain/fixed-tags.ts';
import { findLanguage } from '../domain/languages.ts';
import { cleanTagName, tagNameProblem } from '../domain/tag-name.ts';
import { LIMITS } from '../domain/work-rules.ts';
import { countWords } from '../domain/word-count.ts';
import { sanitizeHtml } from '../formats/sanitize.ts';

export interface ChapterInput {
  title?: string | undefined;
  /** Body HTML; sanitized here. */
  html: string;
  summaryHtml?: string | undefined;
  notesHtml?: string | undefined;
  endNotesHtml?: string | undefined;
}

export interface WorkInput {
  title: string;
  summaryHtml?: string | undefined;
  notesHtml?: string | undefined;
  endNotesHtml?: string | undefined;
  /** Code or name; defaults to English. */
  language?: string | undefined;
  rating?: string | undefined;
  warnings?: readonly string[] | undefined;
  categories?: readonly string[] | undefined;
  fandoms?: readonly string[] | undefined;
  relationships?: readonly string[] | undefined;
  characters?: readonly string[] | undefined;
  freeforms?: readonly string[] | undefined;
  chapters: readonly ChapterInput[];
  expectedChapters?: number | null | undefined;
  restricted?: boolean | undefined;
  anonymous?: boolean | undefined;
  series?: { title: string; position?: number | null | undefined } | null | undefined;
  /** Backdating: the date the work was first posted. */
  postedAt?: Date | undefined;
  draft?: boolean | undefined;
}

export interface ValidChapter {
  title: string;
  content: string;
  summary: string;
  notes: string;
  endNotes: string;
  wordCount: number;
}

export interface ValidWork {
  title: string;
  summary: string;
  notes: string;
  endNotes: string;
  language: string;
  rating: string;
  warnings: string[];
  categories: string[];
  fandoms: string[];
  relationships: string[];
  characters: string[];
  freeforms: string[];
  chapters: ValidChapter[];
  expectedChapters: number | null;
  restricted: boolean;
  anonymous: boolean;
  series: { title: string; position: number | null } | null;
  postedAt: Date | null;
  draft: boolean;
}

/** AO3 puts works without a fandom in its canonical "Unspecified Fandom". */
export const UNSPECIFIED_FANDOM = 'Unspecified Fandom';

function matchFixed(value: string, allowed: readonly string[]): string | null {
  const wanted = value.trim().toLowerCase();
  return allowed.find((name) => name.toLowerCase() === wanted) ?? null;
}

function cleanTagList(field: string, values: readonly string[] | undefined, problems: Record<string, string>): string[] {
  const seen = new Map<string, string>();
  for (const raw of values ?? []) {
    // A form field or CLI flag may hold several comma-separated tags, as on AO3.
    for (const part of raw.split(',')) {
      const name = cleanTagName(part);
      if (name === '') continue;
      const problem = tagNameProblem(name);
      if (problem) problems[field] ??= problem;
      else if (!seen.has(name.toLowerCase())) seen.set(name.toLowerCase(), name);
    }
  }
  return [...seen.values()];
}

function limitedHtml(field: string, label: string, html: string | undefined, max: number, problems: Record<string, string>): string {
  const clean = sanitizeHtml(html ?? '');
  if (clean.length > max) problems[field] = `${label} must be at most ${max.toLocaleString('en-US')} characters (it has ${clean.length.toLocaleString('en-US')}).`;
  return clean;
}

export function validateWork(input: WorkInput): ValidWork {
  const problems: Record<string, string> = {};

  const title = input.title.replace(/\s+/g, ' ').trim();
  if (title === '') problems.title = 'A work needs a title.';
  else if (title.length > LIMITS.titleMax) problems.title = `Titles are at most ${LIMITS.titleMax} characters.`;

  const summary = limitedHtml('summary', 'The summary', input.summaryHtml, LIMITS.summaryMax, problems);
  const notes = limitedHtml('notes', 'Notes', input.notesHtml, LIMITS.notesMax, problems);
  const endNotes = limitedHtml('endNotes', 'End notes', input.endNotesHtml, LIMITS.notesMax, problems);

  const language = findLanguage(input.language ?? 'en');
  if (!language) problems.language = `Unknown language "${input.language}". Use a code such as en, fr or ja.`;

  const rating = matchFixed(input.rating ?? DEFAULT_RATING, RATINGS);
  if (!rating) problems.rating = `Unknown rating "${input.rating}". Choose one of: ${RATINGS.join(', ')}.`;

  const warnings: string[] = [];
  for (const raw of input.warnings?.length ? input.warnings : [DEFAULT_WARNING]) {
    const warning = matchFixed(raw, WARNINGS);
    if (!warning) problems.warnings = `Unknown archive warning "${raw}". Choose from: ${WARNINGS.join(', ')}.`;
    else if (!warnings.includes(warning)) warnings.push(warning);
  }

  const categories: string[] = [];
  for (const raw of input.categories ?? []) {
    const category = matchFixed(raw, CATEGORIES);
    if (!category) problems.categories = `Unknown category "${raw}". Choose from: ${CATEGORIES.join(', ')}.`;
    else if (!categories.includes(category)) categories.push(category);
  }

  const fandoms = cleanTagList('fandoms', input.fandoms, problems);
  const relationships = cleanTagList('relationships', input.relationships, problems);
  const characters = cleanTagList('characters', input.characters, problems);
  const freeforms = cleanTagList('freeforms', input.freeforms, problems);
  if (fandoms.length === 0) fandoms.push(UNSPECIFIED_FANDOM);
  const tagCount = 1 + warnings.length + categories.length + fandoms.length + relationships.length + characters.length + freeforms.length;
  if (tagCount > LIMITS.tagsPerWorkMax) problems.tags = `A work may have at most ${LIMITS.tagsPerWorkMax} tags (it has ${tagCount}).`;

  const chapters = validateChapters(input.chapters, problems);

  let expectedChapters = input.expectedChapters ?? null;
  if (expectedChapters !== null) {
    if (!Number.isInteger(expectedChapters) || expectedChapters < 1) {
      problems.expectedChapters = 'The expected number of chapters must be a whole number of at least 1, or unknown.';
      expectedChapters = null;
    } else if (expectedChapters < chapters.length) {
      problems.expectedChapters = `The work has ${chapters.length} chapters, more than the ${expectedChapters} expected.`;
    }
  }

  let series: ValidWork['series'] = null;
  if (input.series) {
    const seriesTitle = input.series.title.replace(/\s+/g, ' ').trim();
    const position = input.series.position ?? null;
    if (seriesTitle === '' || seriesTitle.length > LIMITS.titleMax) problems.series = `Series titles are 1 to ${LIMITS.titleMax} characters.`;
    if (position !== null && (!Number.isInteger(position) || position < 1)) problems.series = 'A position in a series is a whole number of at least 1.';
    series = { title: seriesTitle, position };
  }

  if (input.postedAt && Number.isNaN(input.postedAt.getTime())) problems.postedAt = 'The posting date is not a valid date.';

  if (Object.keys(problems).length > 0) {
    throw new Invalid(Object.values(problems).join(' '), problems);
  }
  return {
    title,
    summary,
    notes,
    endNotes,
    language: language!.code,
    rating: rating!,
    warnings,
    categories,
    fandoms,
    relationships,
    characters,
    freeforms,
    chapters,
    expectedChapters,
    restricted: input.restricted ?? false,
    anonymous: input.anonymous ?? false,
    series,
    postedAt: input.postedAt ?? null,
    draft: input.draft ?? false,
  };
}

function validateChapters(inputs: readonly ChapterInput[], problems: Record<string, string>): ValidChapter[] {
  if (inputs.length === 0) {
    problems.chapters = 'A work needs at least one chapter.';
    return [];
  }
  if (inputs.length > LIMITS.chaptersMax) problems.chapters = `A work may have at most ${LIMITS.chaptersMax} chapters.`;
  return inputs.map((chapter, index) => {
    const n = index + 1;
    const title = (chapter.title ?? '').replace(/\s+/g, ' ').trim();
    if (title.length > LIMITS.chapterTitleMax) problems[`chapters.${n}.title`] = `Chapter ${n}'s title is longer than ${LIMITS.chapterTitleMax} characters.`;
    const content = sanitizeHtml(chapter.html);
    if (content.length > LIMITS.chapterContentMax) {
      problems[`chapters.${n}.content`] = `Chapter ${n} is longer than ${LIMITS.chapterContentMax.toLocaleString('en-US')} characters; split it into more chapters.`;
    }
    const wordCount = countWords(content);
    if (wordCount === 0) problems[`chapters.${n}.content`] = `Chapter ${n} has no text.`;
    return {
      title,
      content,
      summary: limitedHtml(`chapters.${n}.summary`, `Chapter ${n}'s summary`, chapter.summaryHtml, LIMITS.summaryMax, problems),
      notes: limitedHtml(`chapters.${n}.notes`, `Chapter ${n}'s notes`, chapter.notesHtml, LIMITS.notesMax, problems),
      endNotes: limitedHtml(`chapters.${n}.endNotes`, `Chapter ${n}'s end notes`, chapter.endNotesHtml, LIMITS.notesMax, problems),
      wordCount,
    };
  });
}
