// The shapes views render. Presenters (src/http/present/*.ts) build them from repository rows;
// views (src/http/web/views/*.ts) turn them into HTML. Every *Html field holds sanitizer output;
// every other string is plain text that the view escapes.
import type { TagType } from '../../domain/tag-types.ts';

export interface TagLink {
  name: string;
  type: TagType;
  url: string;
}

export interface CreatorLink {
  pseud: string;
  login: string;
  /** `/users/:login/pseuds/:pseud` or `/users/:login` */
  url: string;
}

export interface SeriesLink {
  id: number;
  title: string;
  url: string;
  position: number;
}

export interface WorkStats {
  hits: number;
  kudos: number;
  comments: number;
  bookmarks: number;
}

export interface WorkBlurb {
  id: number;
  url: string;
  title: string;
  /** Empty when the work is anonymous; then `anonymous` is true and the view shows "Anonymous". */
  creators: CreatorLink[];
  anonymous: boolean;
  rating: TagLink | null;
  warnings: TagLink[];
  categories: TagLink[];
  fandoms: TagLink[];
  relationships: TagLink[];
  characters: TagLink[];
  freeforms: TagLink[];
  summaryHtml: string;
  language: { code: string; name: string };
  wordCount: number;
  chapterCount: number;
  expectedChapters: number | null;
  complete: boolean;
  restricted: boolean;
  series: SeriesLink[];
  stats: WorkStats;
  /** ISO-8601 */
  postedAt: string | null;
  /** ISO-8601 */
  updatedAt: string | null;
  /** On search results: the passage that matched (escaped text with <mark>), and where. */
  snippet?: { html: string; label: string; url: string };
}

export interface ChapterNavItem {
  id: number;
  /**
   * The chapter's number as this reader counts: 1..n over the chapters they can see, so a draft
   * between posted chapters leaves no gap for readers (its creators, who see it, count it).
   */
  number: number;
  /** "1. The Lantern" or "Chapter 1" when untitled. */
  label: string;
  url: string;
}

export interface ChapterView {
  id: number;
  /** As ChapterNavItem.number. */
  number: number;
  title: string;
  label: string;
  url: string;
  summaryHtml: string;
  notesHtml: string;
  endNotesHtml: string;
  contentHtml: string;
  wordCount: number;
}

export interface WorkPage {
  work: WorkBlurb;
  notesHtml: string;
  endNotesHtml: string;
  /** Every posted chapter, for the chapter index / select. */
  chapters: ChapterNavItem[];
  /** The chapter(s) on this page: one in chapter mode, all in full mode. */
  shown: ChapterView[];
  mode: 'chapter' | 'full';
  /**
   * Whether the work is, or is meant to be, in several chapters (AO3's `chaptered?`: the expected
   * count is not 1): its chapters then have headings and titles even while only one is posted.
   */
  chaptered: boolean;
  previous: ChapterNavItem | null;
  next: ChapterNavItem | null;
  /** `/works/:id?view_full_work=true` */
  fullWorkUrl: string;
  /** `/works/:id/chapters/:firstChapterId` — the chapter-by-chapter view. */
  chapterByChapterUrl: string;
}

export interface Pagination {
  /** URL of the newer page, or null on the first. */
  previousUrl: string | null;
  nextUrl: string | null;
  /** "1–20 of 57 works" */
  summary: string;
}

export interface WorkListPage {
  heading: string;
  /** AO3's "Filters" sidebar, on listings that can be filtered. */
  filters?: FilterSidebar;
  /** Works the reader muted (by work id): why, for the collapsed card. */
  muted?: ReadonlyMap<number, readonly string[]>;
  /** Shown above the results of a search: the query and how many matched. */
  searchSummary?: string;
  /** The search page's own search box (the sidebar has one too, for "search within results"). */
  searchBox?: { action: string; q: string };
  /** Optional intro text under the heading (plain text). */
  intro?: string;
  works: WorkBlurb[];
  pagination: Pagination;
  /** Atom feed link for the listing, when there is one. */
  feedUrl?: string;
}

export interface TagPage {
  name: string;
  type: TagType;
  typeLabel: string;
  canonical: boolean;
  /** Set when this tag is a synonym of another. */
  mergedInto: TagLink | null;
  synonyms: TagLink[];
  parents: TagLink[];
  children: TagLink[];
  metaTags: TagLink[];
  subTags: TagLink[];
  worksUrl: string;
  workCount: number;
  /** The newest few works, shown under the tag's facts. */
  recentWorks: WorkBlurb[];
}

export interface UserPage {
  login: string;
  url: string;
  pseuds: Array<{ name: string; url: string; isDefault: boolean }>;
  joinedAt: string;
  workCount: number;
  worksUrl: string;
  recentWorks: WorkBlurb[];
}

export interface SeriesPage {
  id: number;
  title: string;
  creators: CreatorLink[];
  anonymous: boolean;
  summaryHtml: string;
  notesHtml: string;
  complete: boolean;
  wordCount: number;
  works: WorkBlurb[];
  beganAt: string | null;
  updatedAt: string | null;
  /** Set for the series' creators: where to edit it. */
  editUrl?: string | null;
}

/** What every page's shell needs. */
export interface PageChrome {
  siteName: string;
  /** Page title without the site name; the layout appends it. */
  title: string;
  /** Canonical path of the page, for the nav's aria-current. */
  path: string;
  description?: string;
  /** Extra <link rel="alternate"> for feeds. */
  feedUrl?: string;
  /** Logged-in user's login, when there is one (accounts come with the accounts issue). */
  currentUser?: string | null;
  /** Flash-style notice shown above the content. */
  notice?: string | null;
  /** The CSRF token every form on the page must send as `_csrf`. */
  csrfToken?: string;
  /** Whether the current user is an admin (for the admin link in the header). */
  isAdmin?: boolean;
  /** Whether the current user may wrangle tags (for the wrangling link in the header). */
  canWrangle?: boolean;
}

export interface FacetOption {
  name: string;
  count: number;
  included: boolean;
  excluded: boolean;
}

export interface FacetGroup {
  type: TagType;
  /** "Fandoms", "Additional Tags" … */
  label: string;
  /** The query parameter that includes a tag of this type (`fandom`, `freeform` …). */
  includeParam: string;
  options: FacetOption[];
}

export interface FilterSidebar {
  /** Where the form submits (the listing's own path). */
  action: string;
  sort: string;
  order: string;
  sorts: Array<{ value: string; label: string }>;
  groups: FacetGroup[];
  /** Included / excluded tag names that are not among the facet options. */
  otherIncluded: Array<{ name: string; param: string }>;
  otherExcluded: string[];
  /** Free-text values of the "More options" fields, as typed. */
  values: Record<'q' | 'crossover' | 'complete' | 'single_chapter' | 'language' | 'words' | 'posted' | 'updated' | 'hits' | 'kudos' | 'comments' | 'bookmarks', string>;
  languages: Array<{ code: string; name: string }>;
  /** The listing without any filter (the "Clear filters" link). */
  clearUrl: string;
  /** For logged-in readers: where "Save this search" posts, and the canonical query to save. */
  save: { action: string; query: string; csrfToken: string } | null;
}
