// Atom feeds of the newest works in a tag (through its filter set, as the tag's listing), by a
// creator, and in a series. Each is the requester's view, like the page it sits beside: the
// services apply the policy, so a feed reader — usually a guest — gets only public works, and
// anonymous works name no creator. Links are absolute, from the configured public base URL.
import { Type } from 'typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../../app-type.ts';
import { findCreator, findSeries, findTag } from '../../../services/browse.ts';
import { listWorks } from '../../../services/list-works.ts';
import type { WorkCard } from '../../../services/work-cards.ts';
import { filterMutedForFeed } from '../../../services/personal-filters/load-mutes.ts';
import { tagFromParam } from '../../../domain/tag-name.ts';
import { atomFeed, ATOM_TYPE } from '../../../formats/feeds/atom.ts';
import type { FeedWork } from '../../../formats/feeds/types.ts';
import { absoluteUrl, presentFeedWork } from '../../present/feed-entry.ts';
import { seriesFeedUrl, seriesUrl, tagFeedUrl, tagWorksUrl, userFeedUrl, userWorksUrl } from '../../present/urls.ts';
import { Id } from './params.ts';

/** How many of the newest works a feed holds. */
export const FEED_SIZE = 20;

const TagParams = Type.Object({ tag: Type.String({ minLength: 1, maxLength: 500 }) });
const LoginParams = Type.Object({ login: Type.String({ minLength: 1, maxLength: 100 }) });

/**
 * Feeds depend on who asks (restricted works for logged-in readers): shared caches must never
 * hand one reader's feed to another.
 */
export function sendXml(reply: FastifyReply, type: string, body: string): FastifyReply {
  return reply.code(200).type(`${type}; charset=utf-8`).header('cache-control', 'private, max-age=300').header('vary', 'Cookie').send(body);
}

/** The newest `updated` among the entries, or now for an empty feed. */
export function newestUpdate(entries: readonly FeedWork[], now: Date): string {
  return entries.map((e) => e.updated).reduce<string | null>((a, b) => (a === null || Date.parse(b) > Date.parse(a) ? b : a), null) ?? now.toISOString();
}

interface AtomSpec {
  /** The feed's own path. */
  path: string;
  /** The HTML page the feed mirrors. */
  pagePath: string;
  title: string;
  cards: readonly WorkCard[];
}

async function sendAtom(request: FastifyRequest, reply: FastifyReply, spec: AtomSpec): Promise<FastifyReply> {
  const { baseUrl, name } = request.ctx.site;
  // A feed fetched with the reader's session (in the browser) leaves out what they muted; feed
  // readers fetch without one and get the whole feed (load-mutes.ts says why).
  const cards = await filterMutedForFeed(request.ctx, spec.cards);
  const entries = cards.map((card) => presentFeedWork(card, baseUrl));
  const self = absoluteUrl(baseUrl, spec.path);
  return sendXml(
    reply,
    ATOM_TYPE,
    atomFeed({
      id: self,
      title: `${spec.title} | ${name}`,
      updated: newestUpdate(entries, request.ctx.clock.now()),
      links: [
        { rel: 'self', href: self, type: ATOM_TYPE },
        { rel: 'alternate', href: absoluteUrl(baseUrl, spec.pagePath), type: 'text/html' },
      ],
      authors: [{ name, uri: absoluteUrl(baseUrl, '/') }],
      generator: { name: 'Owlery' },
      entries,
    }),
  );
}

export async function registerFeedRoutes(app: App): Promise<void> {
  app.get('/tags/:tag/feed.atom', { schema: { params: TagParams } }, async (request, reply) => {
    // A synonym's feed is its canonical tag's, as its listing is (DESIGN.md: feeds run on the filter set).
    const view = await findTag(request.ctx, tagFromParam(request.params.tag));
    const name = view.filterTag.name;
    const result = await listWorks(request.ctx, { filterTagId: view.filterTag.id, limit: FEED_SIZE });
    return sendAtom(request, reply, { path: tagFeedUrl(name), pagePath: tagWorksUrl(name), title: `Works in ${name}`, cards: result.cards });
  });

  app.get('/users/:login/feed.atom', { schema: { params: LoginParams } }, async (request, reply) => {
    const view = await findCreator(request.ctx, request.params.login);
    const result = await listWorks(request.ctx, { creatorUserId: view.user.id, includeAnonymous: view.includeAnonymous, limit: FEED_SIZE });
    return sendAtom(request, reply, { path: userFeedUrl(view.user.login), pagePath: userWorksUrl(view.user.login), title: `Works by ${view.user.login}`, cards: result.cards });
  });

  app.get('/series/:id/feed.atom', { schema: { params: Type.Object({ id: Id }) } }, async (request, reply) => {
    const view = await findSeries(request.ctx, request.params.id);
    // Newest first, like the other feeds; the series page lists them in series order.
    const updated = (c: WorkCard) => Date.parse(c.work.revisedAt ?? c.work.postedAt ?? c.work.updatedAt);
    const cards = [...view.works.cards].sort((a, b) => updated(b) - updated(a) || b.work.id - a.work.id).slice(0, FEED_SIZE);
    return sendAtom(request, reply, { path: seriesFeedUrl(view.series.id), pagePath: seriesUrl(view.series.id), title: `${view.series.title} (series)`, cards });
  });
}
