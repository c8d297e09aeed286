// Validates and normalizes what a writer (or an importer) submits for a work, before anything is
// written. Problems are collected per field so a form can show them all at once; HTML is
// sanitized here, on write (DESIGN.md), and word counts follow from the sanitized text.
//
// Importers are lenient (a file without tags gets AO3's defaults); the posting form is strict
// (`requireTags`): AO3 refuses a work without exactly one rating, an archive warning and a fandom.
import { Invalid } from '../domain/errors.ts';
import { CATEGORIES, DEFAULT_RATING, DEFAULT_WARNING, RATINGS, WARNINGS } from '../domain/fixed-tags.ts';
import { findLanguage } from '../domain/languages.ts';
import { cleanTagName, tagNameProblem } from '../domain/tag-name.ts';
import { loginProblem, parseByline, pseudProblem } from '../domain/user-names.ts';
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

/** Who may comment (AO3's "Who can comment on this work"). */
export const COMMENT_PERMISSIONS = ['everyone', 'users', 'none'] as const;
export type CommentPermission = (typeof COMMENT_PERMISSIONS)[number];

/** Everything about a work except its chapters: what "Edit Work" changes. */
export interface WorkDetailsInput {
  title: string;
  summaryHtml?: string | undefined;
  notesHtml?: string | undefined;
  endNotesHtml?: string | undefined;
  /** Code or name; defaults to English. */
  language?: string | undefined;
  /** One rating; a list (a form that sent several) is refused unless it holds exactly one. */
  rating?: string | readonly string[] | undefined;
  warnings?: readonly string[] | undefined;
  categories?: readonly string[] | undefined;
  fandoms?: readonly string[] | undefined;
  relationships?: readonly string[] | undefined;
  characters?: readonly string[] | undefined;
  freeforms?: readonly string[] | undefined;
  expectedChapters?: number | null | undefined;
  restricted?: boolean | undefined;
  anonymous?: boolean | undefined;
  commentPermission?: string | undefined;
  moderatedComments?: boolean | undefined;
  /** Other people's pseuds to invite, as "pseud" or "pseud (login)"; commas separate several. */
  coCreators?: readonly string[] | undefined;
  /** An existing series (by id, the caller checks it is the writer's) or a series title. */
  series?: { title?: string | undefined; id?: number | null | undefined; position?: number | null | undefined } | null | undefined;
  /** Backdating: the date the work was first posted. */
  postedAt?: Date | undefined;
  draft?: boolean | undefined;
}

export interface WorkInput extends WorkDetailsInput {
  chapters: readonly ChapterInput[];
}

export interface ValidateOptions {
  /** The posting form's rules: exactly one rating, at least one warning and one fandom. */
  requireTags?: boolean;
}

export interface ValidChapter {
  title: string;
  content: string;
  summary: string;
  notes: string;
  endNotes: string;
  wordCount: number;
}

export interface ValidWorkDetails {
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
  expectedChapters: number | null;
  restricted: boolean;
  anonymous: boolean;
  commentPermission: CommentPermission;
  moderatedComments: boolean;
  coCreators: string[];
  series: { id: number | null; title: string; position: number | null } | null;
  postedAt: Date | null;
  draft: boolean;
}

export interface ValidWork extends ValidWorkDetails {
  chapters: ValidChapter[];
}

type Problems = Record<string, string>;

/** AO3 puts works without a fandom in its canonical "Unspecified Fandom". */
export const UNSPECIFIED_FANDOM = 'Unspecified Fandom';

/** At most this many co-creators may be invited at once. */
export const MAX_CO_CREATORS = 20;

function matchFixed(value: string, allowed: readonly string[]): string | null {
  const wanted = value.trim().toLowerCase();
  return allowed.find((name) => name.toLowerCase() === wanted) ?? null;
}

function cleanTagList(field: string, values: readonly string[] | undefined, problems: Problems): string[] {
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

function limitedHtml(field: string, label: string, html: string | undefined, max: number, problems: Problems): string {
  const clean = sanitizeHtml(html ?? '');
  if (clean.length > max) problems[field] = `${label} must be at most ${max.toLocaleString('en-US')} characters (it has ${clean.length.toLocaleString('en-US')}).`;
  return clean;
}

function oneLine(text: string | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

function validRating(input: WorkDetailsInput['rating'], strict: boolean, problems: Problems): string | null {
  const given = (typeof input === 'string' ? [input] : [...(input ?? [])]).filter((r) => r.trim() !== '');
  if (given.length > 1) {
    problems.rating = 'Choose exactly one rating.';
    return null;
  }
  if (given.length === 0 && strict) {
    problems.rating = 'Choose a rating.';
    return null;
  }
  const raw = given[0] ?? DEFAULT_RATING;
  const rating = matchFixed(raw, RATINGS);
  if (!rating) problems.rating = `Unknown rating "${raw}". Choose one of: ${RATINGS.join(', ')}.`;
  return rating;
}

function fixedList(field: string, label: string, values: readonly string[], allowed: readonly string[], problems: Problems): string[] {
  const out: string[] = [];
  for (const raw of values) {
    const match = matchFixed(raw, allowed);
    if (!match) problems[field] = `Unknown ${label} "${raw}". Choose from: ${allowed.join(', ')}.`;
    else if (!out.includes(match)) out.push(match);
  }
  return out;
}

/** Co-creator names, each "pseud" or "pseud (login)", checked for shape (existence is the service's job). */
function coCreatorList(values: readonly string[] | undefined, problems: Problems): string[] {
  const names = new Map<string, string>();
  for (const raw of values ?? []) {
    for (const part of raw.split(',')) {
      const name = oneLine(part);
      if (name === '') continue;
      const { pseud, login } = parseByline(name);
      const problem = pseudProblem(pseud) ?? (login !== null ? loginProblem(login) : null);
      if (problem) problems.coCreators ??= `Co-creator "${name}": ${problem}`;
      else names.set(name.toLowerCase(), name);
    }
  }
  if (names.size > MAX_CO_CREATORS) problems.coCreators = `Invite at most ${MAX_CO_CREATORS} co-creators at a time.`;
  return [...names.values()];
}

function collectDetails(input: WorkDetailsInput, options: ValidateOptions, problems: Problems): ValidWorkDetails {
  const strict = options.requireTags ?? false;
  const title = oneLine(input.title);
  if (title === '') problems.title = 'A work needs a title.';
  else if (title.length > LIMITS.titleMax) problems.title = `Titles are at most ${LIMITS.titleMax} characters (this one has ${title.length}).`;

  const summary = limitedHtml('summary', 'The summary', input.summaryHtml, LIMITS.summaryMax, problems);
  const notes = limitedHtml('notes', 'Notes', input.notesHtml, LIMITS.notesMax, problems);
  const endNotes = limitedHtml('endNotes', 'End notes', input.endNotesHtml, LIMITS.notesMax, problems);

  const language = findLanguage(input.language ?? 'en');
  if (!language) problems.language = `Unknown language "${input.language}". Use a code such as en, fr or ja.`;

  const rating = validRating(input.rating, strict, problems);
  const givenWarnings = input.warnings ?? [];
  if (givenWarnings.length === 0 && strict) problems.warnings = `Choose at least one archive warning ("${DEFAULT_WARNING}" is one).`;
  const warnings = fixedList('warnings', 'archive warning', givenWarnings.length > 0 || strict ? givenWarnings : [DEFAULT_WARNING], WARNINGS, problems);
  const categories = fixedList('categories', 'category', input.categories ?? [], CATEGORIES, problems);

  const fandoms = cleanTagList('fandoms', input.fandoms, problems);
  const relationships = cleanTagList('relationships', input.relationships, problems);
  const characters = cleanTagList('characters', input.characters, problems);
  const freeforms = cleanTagList('freeforms', input.freeforms, problems);
  if (fandoms.length === 0) {
    if (strict) problems.fandoms ??= 'Add at least one fandom ("Original Work" for original fiction).';
    else fandoms.push(UNSPECIFIED_FANDOM);
  }
  const tagCount = 1 + warnings.length + categories.length + fandoms.length + relationships.length + characters.length + freeforms.length;
  if (tagCount > LIMITS.tagsPerWorkMax) problems.tags = `A work may have at most ${LIMITS.tagsPerWorkMax} tags (it has ${tagCount}).`;

  let expectedChapters = input.expectedChapters ?? null;
  if (expectedChapters !== null && (!Number.isInteger(expectedChapters) || expectedChapters < 1 || expectedChapters > LIMITS.chaptersMax)) {
    problems.expectedChapters = `The expected number of chapters must be a whole number from 1 to ${LIMITS.chaptersMax}, or left blank when unknown.`;
    expectedChapters = null;
  }

  const commentPermission = (input.commentPermission ?? 'everyone') as CommentPermission;
  if (!COMMENT_PERMISSIONS.includes(commentPermission)) problems.commentPermission = 'Choose who may comment: everyone, registered users only, or no one.';

  let series: ValidWorkDetails['series'] = null;
  if (input.series && (input.series.id != null || oneLine(input.series.title) !== '')) {
    const seriesTitle = oneLine(input.series.title);
    const id = input.series.id ?? null;
    const position = input.series.position ?? null;
    if (id !== null && seriesTitle !== '') problems.series = 'Choose one of your series or name a new one, not both.';
    else if (id === null && seriesTitle.length > LIMITS.titleMax) problems.series = `Series titles are 1 to ${LIMITS.titleMax} characters.`;
    if (position !== null && (!Number.isInteger(position) || position < 1 || position > 10_000)) problems.seriesPosition = 'A position in a series is a whole number of at least 1.';
    series = { id, title: seriesTitle, position };
  }

  if (input.postedAt && Number.isNaN(input.postedAt.getTime())) problems.postedAt = 'The publication date is not a valid date.';

  return {
    title,
    summary,
    notes,
    endNotes,
    language: language?.code ?? 'en',
    rating: rating ?? DEFAULT_RATING,
    warnings,
    categories,
    fandoms,
    relationships,
    characters,
    freeforms,
    expectedChapters,
    restricted: input.restricted ?? false,
    anonymous: input.anonymous ?? false,
    commentPermission,
    moderatedComments: input.moderatedComments ?? false,
    coCreators: coCreatorList(input.coCreators, problems),
    series,
    postedAt: input.postedAt ?? null,
    draft: input.draft ?? false,
  };
}

function fail(problems: Problems): void {
  if (Object.keys(problems).length > 0) throw new Invalid(Object.values(problems).join(' '), problems);
}

/** The work's own fields without its chapters (Edit Work). */
export function validateWorkDetails(input: WorkDetailsInput, options: ValidateOptions = {}): ValidWorkDetails {
  const problems: Problems = {};
  const details = collectDetails(input, options, problems);
  fail(problems);
  return details;
}

export function validateWork(input: WorkInput, options: ValidateOptions = {}): ValidWork {
  const problems: Problems = {};
  const details = collectDetails(input, options, problems);
  const chapters = validateChapters(input.chapters, problems);
  if (details.expectedChapters !== null && details.expectedChapters < chapters.length && !problems.expectedChapters) {
    problems.expectedChapters = `The work has ${chapters.length} chapters, more than the ${details.expectedChapters} expected.`;
  }
  fail(problems);
  return { ...details, chapters };
}

/** One chapter on its own (adding or editing a chapter); problems are keyed without a prefix. */
export function validateChapter(input: ChapterInput): ValidChapter {
  const problems: Problems = {};
  const chapter = chapterOf(input, '', 'The chapter', problems);
  fail(problems);
  return chapter;
}

function chapterOf(chapter: ChapterInput, prefix: string, label: string, problems: Problems): ValidChapter {
  const title = oneLine(chapter.title);
  if (title.length > LIMITS.chapterTitleMax) problems[`${prefix}title`] = `${label}'s title is longer than ${LIMITS.chapterTitleMax} characters.`;
  const content = sanitizeHtml(chapter.html);
  const wordCount = countWords(content);
  if (content.length > LIMITS.chapterContentMax) {
    problems[`${prefix}content`] = `${label} is longer than ${LIMITS.chapterContentMax.toLocaleString('en-US')} characters; split it into more chapters.`;
  } else if (wordCount === 0) problems[`${prefix}content`] = `${label} has no text.`;
  return {
    title,
    content,
    summary: limitedHtml(`${prefix}summary`, `${label}'s summary`, chapter.summaryHtml, LIMITS.summaryMax, problems),
    notes: limitedHtml(`${prefix}notes`, `${label}'s notes`, chapter.notesHtml, LIMITS.notesMax, problems),
    endNotes: limitedHtml(`${prefix}endNotes`, `${label}'s end notes`, chapter.endNotesHtml, LIMITS.notesMax, problems),
    wordCount,
  };
}

function validateChapters(inputs: readonly ChapterInput[], problems: Problems): ValidChapter[] {
  if (inputs.length === 0) {
    problems.chapters = 'A work needs at least one chapter.';
    return [];
  }
  if (inputs.length > LIMITS.chaptersMax) problems.chapters = `A work may have at most ${LIMITS.chaptersMax} chapters.`;
  return inputs.map((chapter, index) => chapterOf(chapter, `chapters.${index + 1}.`, `Chapter ${index + 1}`, problems));
}
