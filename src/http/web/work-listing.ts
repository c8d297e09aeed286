// The shared shape of every paged work listing page (/works, a tag's works, a creator's works).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { listWorks, type ListWorksQuery } from '../../services/list-works.ts';
import { presentBlurb } from '../present/work-blurb.ts';
import { workListView } from './views/work-list.ts';
import { chromeFor, sendPage } from './render.ts';
import { paginate } from './pagination.ts';

export const PAGE_SIZE = 20;

export interface ListingSpec {
  title: string;
  heading: string;
  description?: string;
  page: number;
  query: Omit<ListWorksQuery, 'limit' | 'page' | 'withTotal'>;
  /** Known total (from a look-up the route already made); counted here otherwise. */
  total?: number;
  /** The listing's Atom feed, linked visibly and as <link rel="alternate">. */
  feedUrl?: string;
}

export async function sendWorkListing(request: FastifyRequest, reply: FastifyReply, spec: ListingSpec): Promise<FastifyReply> {
  const result = await listWorks(request.ctx, { ...spec.query, limit: PAGE_SIZE, page: spec.page, withTotal: spec.total === undefined });
  const total = spec.total ?? result.total ?? 0;
  const chrome = chromeFor(request, { title: spec.title, ...(spec.description ? { description: spec.description } : {}) });
  return sendPage(
    reply,
    workListView(chrome, {
      heading: spec.heading,
      works: result.cards.map(presentBlurb),
      pagination: paginate(request.url, spec.page, PAGE_SIZE, result.cards.length, total),
      ...(spec.feedUrl ? { feedUrl: spec.feedUrl } : {}),
    }),
  );
}
