// The OPDS 1.2 catalog for e-reader apps (KOReader, Moon+ Reader, Thorium, Calibre…), rooted at
// /opds (DESIGN.md "Pages"). Navigation feeds lead to acquisition feeds of works — newest, by
// fandom, by rating, and title search through an OpenSearch description — whose entries link to
// the EPUB and HTML downloads. What a catalog lists is what the requester may see, exactly as in
// the listings (an app is usually a guest). Links are absolute, from the configured base URL.
import { Type } from 'typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../../app-type.ts';
import { listWorks } from '../../../services/list-works.ts';
import { browseTags, findTagOfType, searchTitles, MAX_TITLE_QUERY } from '../../../services/catalog.ts';
import type { WorkCard } from '../../../services/work-cards.ts';
import { tagFromParam, tagToParam } from '../../../domain/tag-name.ts';
import { RATINGS } from '../../../domain/fixed-tags.ts';
import type { FeedLink } from '../../../formats/feeds/types.ts';
import {
  ACQUISITION_TYPE,
  NAVIGATION_TYPE,
  OPENSEARCH_TYPE,
  SORT_NEW_REL,
  acquisitionFeed,
  navigationFeed,
  openSearchDescription,
  type NavigationEntry,
} from '../../../formats/feeds/opds.ts';
import { absoluteUrl, presentFeedWork } from '../../present/feed-entry.ts';
import { OPDS_ROOT } from '../../present/urls.ts';
import { newestUpdate, sendXml } from './feeds.ts';
import { PageQuery } from './params.ts';

/** Works per acquisition feed page. */
export const OPDS_PAGE_SIZE = 20;
/** Tags per page of the "By fandom" navigation feed. */
export const OPDS_TAGS_PAGE_SIZE = 50;

const PATHS = {
  root: OPDS_ROOT,
  newest: `${OPDS_ROOT}/new`,
  fandoms: `${OPDS_ROOT}/fandoms`,
  ratings: `${OPDS_ROOT}/ratings`,
  search: `${OPDS_ROOT}/search`,
  searchDescription: `${OPDS_ROOT}/search.xml`,
};
const fandomPath = (name: string) => `${PATHS.fandoms}/${tagToParam(name)}`;
const ratingPath = (name: string) => `${PATHS.ratings}/${tagToParam(name)}`;

const TagParams = Type.Object({ tag: Type.String({ minLength: 1, maxLength: 500 }) });
const SearchQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: MAX_TITLE_QUERY })),
  page: PageQuery.properties.page,
});

/** A path with its query string; `page` 1 is left out so page one has one URL. */
function withQuery(path: string, params: Record<string, string | number | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === '' || (key === 'page' && value === 1)) continue;
    query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

interface Place {
  /** The feed's path (without paging). */
  path: string;
  kind: 'navigation' | 'acquisition';
  /** The navigation feed one level up; none for the root. */
  up?: string;
  /** Paging: the current page and the whole count; other query parameters to keep. */
  page?: number;
  perPage?: number;
  total?: number;
  query?: Record<string, string>;
}

/** self, start, up, search, and RFC 5005 paging links (OPDS 1.2 §2.1, §2.4, §3). */
function feedLinks(base: string, place: Place): FeedLink[] {
  const abs = (path: string) => absoluteUrl(base, path);
  const type = place.kind === 'navigation' ? NAVIGATION_TYPE : ACQUISITION_TYPE;
  const page = place.page ?? 1;
  const at = (n: number) => abs(withQuery(place.path, { ...place.query, page: n }));
  const links: FeedLink[] = [
    { rel: 'self', href: at(page), type },
    { rel: 'start', href: abs(PATHS.root), type: NAVIGATION_TYPE },
  ];
  if (place.up) links.push({ rel: 'up', href: abs(place.up), type: NAVIGATION_TYPE });
  links.push({ rel: 'search', href: abs(PATHS.searchDescription), type: OPENSEARCH_TYPE, title: 'Search works by title' });
  if (place.perPage !== undefined && place.total !== undefined) {
    const last = Math.max(1, Math.ceil(place.total / place.perPage));
    links.push({ rel: 'first', href: at(1), type });
    if (page > 1) links.push({ rel: 'previous', href: at(Math.min(page - 1, last)), type });
    if (page < last) links.push({ rel: 'next', href: at(page + 1), type });
    links.push({ rel: 'last', href: at(last), type });
  }
  return links;
}

function site(request: FastifyRequest) {
  return { base: request.ctx.site.baseUrl, name: request.ctx.site.name, now: request.ctx.clock.now() };
}

function sendNavigation(request: FastifyRequest, reply: FastifyReply, place: Place, title: string, entries: NavigationEntry[]): FastifyReply {
  const { base, name, now } = site(request);
  const body = navigationFeed({
    id: absoluteUrl(base, place.path),
    title: `${title} | ${name}`,
    updated: now.toISOString(),
    links: feedLinks(base, place),
    authors: [{ name, uri: absoluteUrl(base, '/') }],
    entries,
  });
  return sendXml(reply, NAVIGATION_TYPE, body);
}

interface AcquisitionSpec extends Place {
  title: string;
  cards: readonly WorkCard[];
  page: number;
  total: number;
}

function sendAcquisition(request: FastifyRequest, reply: FastifyReply, spec: AcquisitionSpec): FastifyReply {
  const { base, name, now } = site(request);
  const entries = spec.cards.map((card) => presentFeedWork(card, base));
  const body = acquisitionFeed({
    id: absoluteUrl(base, withQuery(spec.path, spec.query ?? {})),
    title: `${spec.title} | ${name}`,
    updated: newestUpdate(entries, now),
    links: feedLinks(base, { ...spec, kind: 'acquisition', perPage: OPDS_PAGE_SIZE }),
    authors: [{ name, uri: absoluteUrl(base, '/') }],
    totals: { totalResults: spec.total, itemsPerPage: OPDS_PAGE_SIZE, startIndex: (spec.page - 1) * OPDS_PAGE_SIZE + 1 },
    entries,
  });
  return sendXml(reply, ACQUISITION_TYPE, body);
}

function navEntry(base: string, now: Date, spec: { title: string; path: string; content: string; kind: 'navigation' | 'acquisition'; rel?: string; count?: number }): NavigationEntry {
  const href = absoluteUrl(base, spec.path);
  return {
    id: href,
    title: spec.title,
    updated: now.toISOString(),
    content: spec.content,
    link: {
      rel: spec.rel ?? 'subsection',
      href,
      type: spec.kind === 'navigation' ? NAVIGATION_TYPE : ACQUISITION_TYPE,
      title: spec.title,
      ...(spec.count !== undefined ? { count: spec.count } : {}),
    },
  };
}

const worksCount = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'work' : 'works'}`;

export async function registerOpdsRoutes(app: App): Promise<void> {
  app.get(PATHS.root, async (request, reply) => {
    const { base, now } = site(request);
    return sendNavigation(request, reply, { path: PATHS.root, kind: 'navigation' }, 'Catalog', [
      navEntry(base, now, { title: 'Newest works', path: PATHS.newest, kind: 'acquisition', rel: SORT_NEW_REL, content: 'Every work, most recently updated first.' }),
      navEntry(base, now, { title: 'By fandom', path: PATHS.fandoms, kind: 'navigation', content: 'Works grouped by fandom.' }),
      navEntry(base, now, { title: 'By rating', path: PATHS.ratings, kind: 'navigation', content: 'Works grouped by rating.' }),
    ]);
  });

  app.get(PATHS.newest, { schema: { querystring: PageQuery } }, async (request, reply) => {
    const page = request.query.page ?? 1;
    const result = await listWorks(request.ctx, { limit: OPDS_PAGE_SIZE, page, withTotal: true });
    return sendAcquisition(request, reply, { path: PATHS.newest, kind: 'acquisition', up: PATHS.root, title: 'Newest works', cards: result.cards, page, total: result.total ?? 0 });
  });

  app.get(PATHS.fandoms, { schema: { querystring: PageQuery } }, async (request, reply) => {
    const { base, now } = site(request);
    const page = request.query.page ?? 1;
    const { tags, total } = await browseTags(request.ctx, 'fandom', { limit: OPDS_TAGS_PAGE_SIZE, page });
    const entries = tags.map((t) => navEntry(base, now, { title: t.name, path: fandomPath(t.name), kind: 'acquisition', content: worksCount(t.count), count: t.count }));
    return sendNavigation(request, reply, { path: PATHS.fandoms, kind: 'navigation', up: PATHS.root, page, perPage: OPDS_TAGS_PAGE_SIZE, total }, 'Fandoms', entries);
  });

  app.get(`${PATHS.fandoms}/:tag`, { schema: { params: TagParams, querystring: PageQuery } }, async (request, reply) => {
    const view = await findTagOfType(request.ctx, tagFromParam(request.params.tag), 'fandom');
    const page = request.query.page ?? 1;
    const result = await listWorks(request.ctx, { filterTagId: view.filterTag.id, limit: OPDS_PAGE_SIZE, page });
    const name = view.filterTag.name;
    return sendAcquisition(request, reply, { path: fandomPath(name), kind: 'acquisition', up: PATHS.fandoms, title: name, cards: result.cards, page, total: view.workCount });
  });

  app.get(PATHS.ratings, async (request, reply) => {
    const { base, now } = site(request);
    const { tags } = await browseTags(request.ctx, 'rating', { limit: RATINGS.length * 2, page: 1 });
    // The fixed ratings from General Audiences to Explicit, then Not Rated (RATINGS lists it first).
    const order = (name: string) => {
      const index = (RATINGS as readonly string[]).indexOf(name);
      return index <= 0 ? RATINGS.length - index : index;
    };
    const entries = [...tags]
      .sort((a, b) => order(a.name) - order(b.name))
      .map((t) => navEntry(base, now, { title: t.name, path: ratingPath(t.name), kind: 'acquisition', content: worksCount(t.count), count: t.count }));
    return sendNavigation(request, reply, { path: PATHS.ratings, kind: 'navigation', up: PATHS.root }, 'Ratings', entries);
  });

  app.get(`${PATHS.ratings}/:tag`, { schema: { params: TagParams, querystring: PageQuery } }, async (request, reply) => {
    const view = await findTagOfType(request.ctx, tagFromParam(request.params.tag), 'rating');
    const page = request.query.page ?? 1;
    const result = await listWorks(request.ctx, { filterTagId: view.filterTag.id, limit: OPDS_PAGE_SIZE, page });
    const name = view.filterTag.name;
    return sendAcquisition(request, reply, { path: ratingPath(name), kind: 'acquisition', up: PATHS.ratings, title: name, cards: result.cards, page, total: view.workCount });
  });

  app.get(PATHS.searchDescription, async (request, reply) => {
    const { base, name } = site(request);
    const body = openSearchDescription({
      shortName: name,
      description: `Search the works on ${name} by title.`,
      template: `${absoluteUrl(base, PATHS.search)}?q={searchTerms}`,
      self: absoluteUrl(base, PATHS.searchDescription),
    });
    return sendXml(reply, OPENSEARCH_TYPE, body);
  });

  app.get(PATHS.search, { schema: { querystring: SearchQuery } }, async (request, reply) => {
    const q = request.query.q ?? '';
    const page = request.query.page ?? 1;
    const result = await searchTitles(request.ctx, q, { limit: OPDS_PAGE_SIZE, page });
    return sendAcquisition(request, reply, {
      path: PATHS.search,
      kind: 'acquisition',
      up: PATHS.root,
      query: { q },
      title: q.trim() ? `Search: ${q.trim()}` : 'Search',
      cards: result.cards,
      page,
      total: result.total,
    });
  });
}
