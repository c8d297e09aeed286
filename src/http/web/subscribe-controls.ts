// The reader's Subscribe / Unsubscribe control for a creator or series page (the work page has
// its own panel, reader-extras.ts), and the links from a profile to its bookmarks — plus, on
// one's own profile, to one's inbox, subscriptions and history. Called by routes/browse.ts.
import type { FastifyRequest } from 'fastify';
import { subscriptionState } from '../../services/subscriptions/subscription-state.ts';
import type { PageChrome } from '../present/view-models.ts';
import { bookmarksUrl, inboxUrl, markedForLaterUrl, readingsUrl, subscriptionsUrl } from '../present/reader.ts';
import { html, type SafeHtml } from './html.ts';
import { subscribeControl } from './views/subscribe-control.ts';

export async function creatorReaderControls(request: FastifyRequest, chrome: PageChrome, creator: { id: number; login: string }): Promise<SafeHtml> {
  const own = request.ctx.actor.kind === 'user' && request.ctx.actor.userId === creator.id;
  const links = own
    ? html`<ul class="actions reader-links"><li><a href="${bookmarksUrl(creator.login)}">Bookmarks</a></li><li><a href="${inboxUrl(creator.login)}">Inbox</a></li><li><a href="${subscriptionsUrl(creator.login)}">Subscriptions</a></li><li><a href="${readingsUrl(creator.login)}">History</a></li><li><a href="${markedForLaterUrl(creator.login)}">Marked for Later</a></li></ul>`
    : html`<ul class="actions reader-links"><li><a href="${bookmarksUrl(creator.login)}">Bookmarks<span class="visually-hidden"> by ${creator.login}</span></a></li></ul>`;
  if (own) return links;
  const state = await subscriptionState(request.ctx, 'creator', creator.id);
  const control = state ? subscribeControl(chrome, { kind: 'creator', targetId: creator.id, subscriptionId: state.subscriptionId, name: creator.login }) : html``;
  return html`${links}${control}`;
}

export async function seriesSubscribeControl(request: FastifyRequest, chrome: PageChrome, series: { id: number; title: string }): Promise<SafeHtml> {
  const state = await subscriptionState(request.ctx, 'series', series.id);
  return state ? subscribeControl(chrome, { kind: 'series', targetId: series.id, subscriptionId: state.subscriptionId, name: series.title }) : html``;
}
