// Listing parameters (DESIGN.md "Listing and search parameters") → WorkQuery, and back to the
// canonical query string. Pure: tag names stay names (services resolve them), dates are computed
// from the `now` the caller passes.
//
// Forms submit every field, so an empty value means "not given". Anything else that cannot be
// read throws Invalid naming the parameter, rather than quietly widening the search: a reader who
// typed "hits=>1OO" should learn it was not applied. Where AO3 spells a value differently (its
// sort columns, crossover "T"/"F", comma-separated tag fields) we accept its spelling too, so
// searches copied from AO3 keep working, but always write our own.
import { findLanguage } from './languages.ts';
import { formatDateRange, formatNumberRange, invalidParam, parseDateRange, parseNumberRange } from './query-ranges.ts';
import { parseSearchText } from './search-syntax-parse.ts';
import { cleanTagName, tagKey, tagNameProblem } from './tag-name.ts';
import type { TagType } from './tag-types.ts';
import { SORT_KEYS, type ListingParams, type NumberRange, type SortKey, type SortOrder, type TagRef, type WorkQuery } from './work-query.ts';

/** Most tags one query may require (all of `tag` and the typed includes together). */
export const MAX_INCLUDED_TAGS = 50;
/** Most tags one query may rule out. */
export const MAX_EXCLUDED_TAGS = 50;
/** Longest `q`, in characters. */
export const MAX_QUERY_TEXT = 500;

/** Includes by tag type, in the order they are read and written. */
export const TYPED_TAG_PARAMS = ['rating', 'warning', 'category', 'fandom', 'relationship', 'character', 'freeform'] as const satisfies readonly TagType[];
const COUNT_PARAMS = ['words', 'hits', 'kudos', 'comments', 'bookmarks'] as const;
const DATE_PARAMS = ['posted', 'updated'] as const;

// AO3's sort_column values (WorkSearchForm::SORT_OPTIONS, and _score for relevance).
const SORT_ALIASES: Readonly<Record<string, SortKey>> = {
  _score: 'best',
  relevance: 'best',
  authors_to_sort_on: 'creator',
  author: 'creator',
  title_to_sort_on: 'title',
  created_at: 'posted',
  revised_at: 'updated',
  word_count: 'words',
  kudos_count: 'kudos',
  comments_count: 'comments',
  bookmarks_count: 'bookmarks',
};

/** Title and creator read A→Z first; everything else (dates, counts, relevance) biggest first. */
export function defaultOrder(sort: SortKey): SortOrder {
  return sort === 'title' || sort === 'creator' ? 'asc' : 'desc';
}

/** Relevance when there is text to be relevant to, else the newest updates (AO3's listings). */
export function defaultSort(hasText: boolean): SortKey {
  return hasText ? 'best' : 'updated';
}

/** Every non-empty value of a parameter, trimmed. */
function given(params: ListingParams, name: string): string[] {
  const raw = params[name];
  const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  return list.map((value) => String(value).trim()).filter((value) => value !== '');
}

function single(params: ListingParams, name: string): string | undefined {
  const values = given(params, name);
  if (values.length > 1) invalidParam(name, `was given ${values.length} times; give it once`);
  return values[0];
}

function choice<T extends string>(name: string, value: string, options: Readonly<Record<string, T>>, expected: string): T {
  const found = options[value.toLowerCase()];
  if (found === undefined) invalidParam(name, `"${value}" is not one of ${expected}`);
  return found;
}

function tagRefs(params: ListingParams, name: string, type?: TagType): TagRef[] {
  const refs: TagRef[] = [];
  for (const value of given(params, name)) {
    // Tag names cannot hold commas, so AO3's comma-separated tag fields split safely.
    for (const piece of value.split(',')) {
      const clean = cleanTagName(piece);
      if (clean === '') continue;
      const problem = tagNameProblem(clean);
      if (problem) invalidParam(name, problem);
      refs.push(type ? { name: clean, type } : { name: clean });
    }
  }
  return refs;
}

/** Drops repeats (same type, same name up to case and Unicode form), keeping the first. */
function distinct(refs: TagRef[]): TagRef[] {
  const seen = new Set<string>();
  return refs.filter((ref) => {
    const key = `${ref.type ?? ''}\u0000${tagKey(ref.name)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function parseSort(value: string | undefined, hasText: boolean): SortKey {
  if (value === undefined) return defaultSort(hasText);
  const lower = value.toLowerCase();
  const sort = (SORT_KEYS as readonly string[]).includes(lower) ? (lower as SortKey) : SORT_ALIASES[lower];
  if (sort === undefined) return invalidParam('sort', `"${value}" is not one of ${SORT_KEYS.join(', ')}`);
  // Relevance means nothing without text (say the reader cleared the search box): fall back to
  // the listing's own order instead of refusing the page.
  return sort === 'best' && !hasText ? defaultSort(false) : sort;
}

/** Reads the listing parameters; throws Invalid naming the first parameter it cannot read. */
export function parseWorkQuery(params: ListingParams, now: Date): WorkQuery {
  const text = single(params, 'q');
  if (text !== undefined && Array.from(text).length > MAX_QUERY_TEXT) invalidParam('q', `is longer than ${MAX_QUERY_TEXT} characters`);

  const include = distinct([...tagRefs(params, 'tag'), ...TYPED_TAG_PARAMS.flatMap((type) => tagRefs(params, type, type))]);
  const exclude = distinct(tagRefs(params, 'exclude'));
  if (include.length > MAX_INCLUDED_TAGS) invalidParam('tag', `asks for ${include.length} tags; at most ${MAX_INCLUDED_TAGS} can be required`);
  if (exclude.length > MAX_EXCLUDED_TAGS) invalidParam('exclude', `names ${exclude.length} tags; at most ${MAX_EXCLUDED_TAGS} can be excluded`);

  const query: WorkQuery = { include, exclude, sort: 'updated', order: 'desc' };
  if (text !== undefined) {
    query.text = text;
    query.search = parseSearchText(text);
  }

  const crossover = single(params, 'crossover');
  if (crossover !== undefined) {
    // "include" is no restriction at all, the same as leaving it out.
    const value = choice('crossover', crossover, { include: 'include', exclude: 'exclude', only: 'only', t: 'only', true: 'only', f: 'exclude', false: 'exclude' }, 'include, exclude, only');
    if (value !== 'include') query.crossover = value;
  }
  const complete = single(params, 'complete');
  if (complete !== undefined) query.complete = choice('complete', complete, { true: 'T', t: 'T', false: 'F', f: 'F' }, 'true, false') === 'T';
  const singleChapter = single(params, 'single_chapter');
  if (singleChapter !== undefined) {
    // AO3's checkbox sends 1; false means "any number of chapters", not "several only".
    const value = choice('single_chapter', singleChapter, { true: 'T', t: 'T', 1: 'T', false: 'F', f: 'F', 0: 'F' }, 'true, false');
    if (value === 'T') query.singleChapter = true;
  }
  const language = single(params, 'language');
  if (language !== undefined) {
    const found = findLanguage(language);
    if (!found) invalidParam('language', `"${language}" is not a language this archive lists; use a code such as "en" or "ja"`);
    query.language = found.code;
  }

  for (const name of COUNT_PARAMS) {
    const value = single(params, name);
    if (value !== undefined) query[name] = parseNumberRange(name, value);
  }
  for (const name of DATE_PARAMS) {
    const value = single(params, name);
    if (value === undefined) continue;
    const { range, text: canonical } = parseDateRange(name, value, now);
    query[name] = range;
    query[name === 'posted' ? 'postedText' : 'updatedText'] = canonical;
  }

  query.sort = parseSort(single(params, 'sort'), text !== undefined);
  const order = single(params, 'order');
  query.order = order === undefined ? defaultOrder(query.sort) : choice('order', order, { asc: 'asc', desc: 'desc' }, 'asc, desc');
  return query;
}

/**
 * The canonical query string of a query: every choice that differs from the default, in a fixed
 * order, so equal queries have equal URLs and a bookmarked URL reproduces the listing.
 * `parseWorkQuery` of these pairs gives back a query equal to one it produced.
 */
export function workQueryToParams(query: WorkQuery): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  if (query.text !== undefined && query.text.trim() !== '') out.push(['q', query.text]);
  for (const ref of query.include) if (ref.type === undefined || !isTypedParam(ref.type)) out.push(['tag', ref.name]);
  for (const type of TYPED_TAG_PARAMS) for (const ref of query.include) if (ref.type === type) out.push([type, ref.name]);
  for (const ref of query.exclude) out.push(['exclude', ref.name]);
  if (query.crossover !== undefined && query.crossover !== 'include') out.push(['crossover', query.crossover]);
  if (query.complete !== undefined) out.push(['complete', String(query.complete)]);
  if (query.singleChapter) out.push(['single_chapter', 'true']);
  if (query.language !== undefined) out.push(['language', query.language]);
  for (const name of COUNT_PARAMS) {
    const range: NumberRange | undefined = query[name];
    const text = range && formatNumberRange(range);
    if (text !== undefined) out.push([name, text]);
  }
  for (const name of DATE_PARAMS) {
    const range = query[name];
    const text = query[name === 'posted' ? 'postedText' : 'updatedText'] ?? (range && formatDateRange(range));
    if (text !== undefined && text !== '..') out.push([name, text]);
  }
  const hasText = query.text !== undefined && query.text.trim() !== '';
  if (query.sort !== defaultSort(hasText)) out.push(['sort', query.sort]);
  if (query.order !== defaultOrder(query.sort)) out.push(['order', query.order]);
  return out;
}

function isTypedParam(type: TagType): boolean {
  return (TYPED_TAG_PARAMS as readonly TagType[]).includes(type);
}
