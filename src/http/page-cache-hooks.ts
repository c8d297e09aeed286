// Serving guests from the page cache (page-cache.ts): which requests qualify, answering from the
// cache before the route runs, and keeping what a route rendered for a guest.
//
// Only a plain GET from a guest with no session and no API token qualifies, on the pages that
// look the same to every guest: work and chapter pages with no parameter that changes the page
// (the kudos and comment forms' notices) and the work listings (keyed by their whole address).
// A page answered from the cache still counts its hit, as the route would.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from './app-type.ts';
import { GuestPageCache, joinPage } from './page-cache.ts';
import { recordHit } from '../services/stats/record-hit.ts';

interface Slot {
  key: string;
  workId: number | null;
  /** Where the change log stood when the page started rendering. */
  position: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    pageCacheSlot: Slot | null;
  }
}

/** Route patterns whose guest pages may be kept, with the query parameters that may vary them. */
const WORK_PAGES: Record<string, ReadonlySet<string>> = {
  '/works/:id': new Set(['view_full_work']),
  '/works/:id/chapters/:chapterId': new Set(),
};
const LISTINGS: ReadonlySet<string> = new Set(['/works', '/works/search', '/tags/:tag/works', '/users/:login/works']);

function slotKey(request: FastifyRequest): { key: string; workId: number | null } | null {
  if (request.method !== 'GET' || request.session || request.viaApiToken || request.ctx.actor.kind !== 'guest') return null;
  const route = request.routeOptions.url ?? '';
  if (LISTINGS.has(route)) return { key: request.url, workId: null };
  const allowed = WORK_PAGES[route];
  if (!allowed) return null;
  const query = request.query as Record<string, unknown> | undefined;
  if (query && Object.keys(query).some((name) => !allowed.has(name))) return null;
  const workId = Number((request.params as { id?: string }).id);
  return Number.isSafeInteger(workId) && workId > 0 ? { key: request.url, workId } : null;
}

export function registerPageCache(app: App, maxBytes: number): void {
  if (maxBytes <= 0) return;
  const cache = new GuestPageCache(app.owlery.store.db, maxBytes);
  app.decorateRequest('pageCacheSlot', null);

  // preHandler, not onRequest: route-level onRequest hooks (the rate limiter's) run after every
  // app-level onRequest hook, and a cached answer must be rate-limited like any other.
  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    const slot = slotKey(request);
    if (!slot) return;
    try {
      await cache.refresh();
    } catch (err) {
      // Without knowing what changed, neither answer from the cache nor add to it.
      request.log.warn({ err }, 'page cache not refreshed');
      cache.clear();
      return;
    }
    const page = cache.get(slot.key);
    if (!page) {
      request.pageCacheSlot = { ...slot, position: cache.position };
      return;
    }
    if (page.workId !== null) await countHit(request, page.workId);
    return reply.code(200).type(page.contentType).header('x-owlery-cache', 'hit').send(joinPage(page.parts, request.csrf));
  });

  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const slot = request.pageCacheSlot;
    if (!slot || reply.statusCode !== 200) return payload;
    const body = typeof payload === 'string' ? Buffer.from(payload) : Buffer.isBuffer(payload) ? payload : null;
    if (body) cache.set(slot.key, body, request.csrf, String(reply.getHeader('content-type') ?? 'text/html; charset=utf-8'), slot.workId, slot.position);
    return body ?? payload;
  });
}

/**
 * The route counts a hit through workFeedback; a cached answer does it here. The work was
 * readable by guests when the page was kept and nothing has changed it since (the refresh just
 * now), so it is posted, not hidden, and a guest is never one of its creators.
 */
async function countHit(request: FastifyRequest, workId: number): Promise<void> {
  try {
    await recordHit(request.ctx, { workId, access: { posted: true, hiddenByAdmin: false, restricted: false, anonymous: false, creatorUserIds: [] }, ip: request.ip });
  } catch (err) {
    request.log.warn({ err, workId }, 'hit not counted');
  }
}
