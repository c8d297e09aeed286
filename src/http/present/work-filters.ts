// The "Filters" sidebar of a work listing (AO3's filters box): the sort, the facet counts of the
// current result set as include/exclude choices per tag type, and the other options, all written
// back from the parsed query so that the form shows what the URL says.
import { ALL_LANGUAGES } from '../../domain/languages.ts';
import { TAG_DISPLAY_ORDER, TAG_TYPE_LABELS, type TagType } from '../../domain/tag-types.ts';
import { workQueryToParams } from '../../domain/work-query-parse.ts';
import type { WorkQuery } from '../../domain/work-query.ts';
import type { FacetCount } from '../../search/types.ts';
import type { FacetGroup, FilterSidebar } from './view-models.ts';

const SORT_LABELS: Record<string, string> = {
  best: 'Best match',
  creator: 'Creator',
  title: 'Title',
  posted: 'Date posted',
  updated: 'Date updated',
  words: 'Word count',
  hits: 'Hits',
  kudos: 'Kudos',
  comments: 'Comments',
  bookmarks: 'Bookmarks',
};

const VALUE_PARAMS = ['q', 'crossover', 'complete', 'single_chapter', 'language', 'words', 'posted', 'updated', 'hits', 'kudos', 'comments', 'bookmarks'] as const;

/** The canonical query string of a WorkQuery ("" when it has no choices). */
export function queryString(query: WorkQuery): string {
  return new URLSearchParams(workQueryToParams(query)).toString();
}

export function presentFilterSidebar(
  query: WorkQuery,
  facets: readonly FacetCount[],
  options: { action: string; save: FilterSidebar['save'] },
): FilterSidebar {
  const params = workQueryToParams(query);
  const single = new Map<string, string>();
  for (const [key, value] of params) single.set(key, value);
  const included = new Map(query.include.map((t) => [t.name.toLowerCase(), t]));
  const excluded = new Set(query.exclude.map((t) => t.name.toLowerCase()));
  const shown = new Set<string>();
  const groups: FacetGroup[] = [];
  for (const type of TAG_DISPLAY_ORDER) {
    const options = facets
      .filter((f) => f.type === type)
      .map((f) => {
        shown.add(f.name.toLowerCase());
        return { name: f.name, count: f.count, included: included.has(f.name.toLowerCase()), excluded: excluded.has(f.name.toLowerCase()) };
      });
    if (options.length > 0) groups.push({ type, label: TAG_TYPE_LABELS[type].many, includeParam: type, options });
  }
  return {
    action: options.action,
    sort: query.sort,
    order: query.order,
    sorts: Object.entries(SORT_LABELS)
      .filter(([value]) => value !== 'best' || query.search !== undefined)
      .map(([value, label]) => ({ value, label })),
    groups,
    otherIncluded: query.include.filter((t) => !shown.has(t.name.toLowerCase())).map((t) => ({ name: t.name, param: includeParam(t.type) })),
    otherExcluded: query.exclude.filter((t) => !shown.has(t.name.toLowerCase())).map((t) => t.name),
    values: Object.fromEntries(VALUE_PARAMS.map((key) => [key, single.get(key) ?? ''])) as FilterSidebar['values'],
    languages: ALL_LANGUAGES.map((l) => ({ code: l.code, name: l.name })),
    clearUrl: options.action,
    save: options.save,
  };
}

function includeParam(type: TagType | undefined): string {
  return type ?? 'tag';
}
