// What the work and chapter pages add below the work for issue 6: the view counts as a hit, and
// the kudos block. Called by routes/works.ts after the work has been read (so authorized).
import type { FastifyRequest } from 'fastify';
import { can } from '../../domain/policy.ts';
import { kudosOf } from '../../services/kudos/list-kudos.ts';
import type { WorkReading } from '../../services/read-work.ts';
import { recordHit } from '../../services/stats/record-hit.ts';
import { workAccess } from '../../services/work-cards.ts';
import { KUDOS_NOTICES, presentKudos } from '../present/kudos.ts';
import type { SafeHtml } from './html.ts';
import { kudosSection } from './views/kudos.ts';

/**
 * Counts the view. A hit is bookkeeping: if counting fails the reader still gets the page, and
 * the failure goes to the log.
 */
async function countHit(request: FastifyRequest, reading: WorkReading): Promise<void> {
  if (request.method !== 'GET') return;
  try {
    // The card's creators suffice: an anonymous work's creators always see themselves in it.
    await recordHit(request.ctx, { workId: reading.card.work.id, access: workAccess(reading.card.work, reading.card.creators), ip: request.ip });
  } catch (err) {
    request.log.warn({ err, workId: reading.card.work.id }, 'hit not counted');
  }
}

/** The page's own address without the kudos form's notice, for the form to come back to. */
function pageAddress(request: FastifyRequest): string {
  const url = new URL(request.url, 'http://owlery.invalid');
  url.searchParams.delete('kudos');
  return `${url.pathname}${url.search}`;
}

export async function workFeedback(request: FastifyRequest, reading: WorkReading): Promise<{ kudos: SafeHtml }> {
  await countHit(request, reading);
  const { card } = reading;
  const list = await kudosOf(request.ctx, card);
  const query = request.query as Record<string, unknown> | undefined;
  const notice = typeof query?.kudos === 'string' ? (KUDOS_NOTICES[query.kudos] ?? null) : null;
  const block = presentKudos(card.work.id, list, {
    returnTo: pageAddress(request),
    csrfToken: request.csrf,
    notice,
    canSeeStats: can(request.ctx.actor, { do: 'work:stats', work: workAccess(card.work, card.creators) }),
  });
  return { kudos: kudosSection(block) };
}
