// What a reader asks of a work listing or search, parsed from the listing parameters of
// DESIGN.md ("Listing and search parameters"), before any tag name is resolved. Pure: the
// parser (parseWorkQuery, work-query-parse.ts) turns query-string values into this shape or
// throws Invalid naming the parameter; services resolve tag names to ids (resolve-work-query).
import type { TagType } from './tag-types.ts';
import type { SearchExpr } from './search-syntax.ts';

export const SORT_KEYS = ['best', 'creator', 'title', 'posted', 'updated', 'words', 'hits', 'kudos', 'comments', 'bookmarks'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortOrder = 'asc' | 'desc';

/** Inclusive bounds; either may be missing. */
export interface NumberRange {
  min?: number;
  max?: number;
}

/** Inclusive instants (ISO-8601); either may be missing. */
export interface DateRange {
  from?: string;
  to?: string;
}

/** A tag named by the reader: `tag`/`exclude` give no type, `fandom=` etc. give one. */
export interface TagRef {
  name: string;
  type?: TagType;
}

export interface WorkQuery {
  /** The raw full-text query (`q`), trimmed; absent when empty. */
  text?: string;
  /** Parsed `q`; present exactly when `text` is. */
  search?: SearchExpr;
  /** Every one of these must be in the work's filter set. */
  include: TagRef[];
  /** None of these may be. */
  exclude: TagRef[];
  /** `include` (default: no restriction), `exclude` (no crossovers), `only` (only crossovers). */
  crossover?: 'include' | 'exclude' | 'only';
  complete?: boolean;
  singleChapter?: boolean;
  /** A language code from domain/languages.ts. */
  language?: string;
  words?: NumberRange;
  hits?: NumberRange;
  kudos?: NumberRange;
  comments?: NumberRange;
  bookmarks?: NumberRange;
  posted?: DateRange;
  updated?: DateRange;
  /**
   * The canonical text `posted` was given as ("<2 weeks ago", "2024-01-01..2024-06-30"). URLs
   * carry this rather than the computed instants, so a bookmarked relative range stays relative.
   */
  postedText?: string;
  /** The same for `updated`. */
  updatedText?: string;
  sort: SortKey;
  order: SortOrder;
}

/** The parameters exactly as they arrive (repeatable ones as arrays). */
export type ListingParams = Record<string, string | string[] | undefined>;
