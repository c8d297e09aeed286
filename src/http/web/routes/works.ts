// Reading pages: the works index, a work (one chapter or entire), and a chapter.
import { Type } from 'typebox';
import type { App } from '../../app-type.ts';
import { readWork } from '../../../services/read-work.ts';
import { presentWorkPage } from '../../present/work-page.ts';
import { chapterUrl } from '../../present/urls.ts';
import { workView } from '../views/work.ts';
import { chromeFor, sendPage } from '../render.ts';
import { sendWorkListing } from '../work-listing.ts';
import { Id, WorkParams } from './params.ts';
import type { FastifyRequest } from 'fastify';
import type { SafeHtml } from '../html.ts';
import type { WorkCard } from '../../../services/work-cards.ts';
import { canEditWork } from '../../../services/works/access.ts';
import { creatorActions } from '../views/posting-pages.ts';
import { workFeedback } from '../work-feedback.ts';
import { readerExtras } from '../reader-extras.ts';
import { commentsExtra } from '../comments-section.ts';

const WorkQuery = Type.Object({
  view_full_work: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])),
  /** The chapter picker's GET form (AO3's parameter name): works without JavaScript. */
  selected_id: Type.Optional(Id),
});

export async function registerWorkRoutes(app: App): Promise<void> {
  app.get('/works', async (request, reply) => {
    return sendWorkListing(request, reply, { title: 'Works', heading: 'Works', description: 'The newest works in the archive.', path: '/works' });
  });

  app.get('/works/search', async (request, reply) => {
    return sendWorkListing(request, reply, { title: 'Search Works', heading: 'Search Works', description: 'Search titles, summaries, tags, creators and the text of every chapter.', path: '/works/search', search: true });
  });

  app.get('/works/:id', { schema: { params: WorkParams, querystring: WorkQuery } }, async (request, reply) => {
    if (request.query.selected_id !== undefined) return reply.redirect(chapterUrl(request.params.id, request.query.selected_id), 303);
    const reading = await readWork(request.ctx, request.params.id, { full: request.query.view_full_work === 'true' });
    const page = presentWorkPage(reading);
    return sendPage(reply, workView(chromeFor(request, { title: workTitle(page.work.title, page.work.fandoms.map((f) => f.name)), description: descriptionOf(page.work.summaryHtml) }), page, { ...creatorTop(request, reading.card), ...(await workFeedback(request, reading)), ...(await readerExtras(request, reading)), ...(await commentsExtra(request, reading)) }));
  });

  app.get('/works/:id/chapters/:chapterId', { schema: { params: Type.Object({ id: Id, chapterId: Id }) } }, async (request, reply) => {
    const reading = await readWork(request.ctx, request.params.id, { chapterId: request.params.chapterId });
    const page = presentWorkPage(reading);
    const chapter = page.shown[0];
    const title = workTitle(page.work.title, page.work.fandoms.map((f) => f.name));
    return sendPage(reply, workView(chromeFor(request, { title: chapter && page.chapters.length > 1 ? `${title} - ${chapter.label}` : title }), page, { ...creatorTop(request, reading.card), ...(await workFeedback(request, reading)), ...(await readerExtras(request, reading)), ...(await commentsExtra(request, reading)) }));
  });
}

/** The creators' own actions (edit, add chapter…) above their work; nothing for anyone else. */
function creatorTop(request: FastifyRequest, card: WorkCard): { top?: SafeHtml } {
  return canEditWork(request.ctx, card.work, card.creators) ? { top: creatorActions(card.work.id) } : {};
}

/** AO3's page title: "Title - Fandom". */
function workTitle(title: string, fandoms: string[]): string {
  return fandoms.length > 0 ? `${title} - ${fandoms.join(', ')}` : title;
}

/** A plain-text description for search engines from the sanitized summary. */
function descriptionOf(summaryHtml: string): string {
  return summaryHtml.replace(/<[^>]*>/g, ' ').replace(/&[a-z#0-9]+;/gi, ' ').replace(/\s+/g, ' ').trim().slice(0, 200);
}
