// Subscriptions on the site: the Subscribe and Unsubscribe buttons of work, creator and series
// pages, and the reader's own list (/users/:login/subscriptions, AO3's path; owner only).
import { Type } from 'typebox';
import type { App } from '../../app-type.ts';
import { subscribe, SUBSCRIPTION_KINDS } from '../../../services/subscriptions/subscribe.ts';
import { unsubscribe } from '../../../services/subscriptions/unsubscribe.ts';
import { mySubscriptions } from '../../../services/subscriptions/list-subscriptions.ts';
import { inboxUrl, presentSubscription, subscriptionsUrl } from '../../present/reader.ts';
import { loginRedirect, redirectTo } from '../forms.ts';
import { backWithNotice, readerNotice } from '../reader-routing.ts';
import { chromeFor, sendPage } from '../render.ts';
import { subscriptionsView } from '../views/subscriptions.ts';
import { Id } from './params.ts';

const LoginParams = Type.Object({ login: Type.String({ minLength: 1, maxLength: 100 }) });
const ReturnTo = Type.Optional(Type.String({ maxLength: 500 }));

export async function registerSubscriptionRoutes(app: App): Promise<void> {
  app.get('/users/:login/subscriptions', { schema: { params: LoginParams } }, async (request, reply) => {
    if (request.ctx.actor.kind !== 'user') return loginRedirect(request, reply);
    const list = await mySubscriptions(request.ctx, request.params.login);
    const login = request.ctx.actor.login;
    const page = subscriptionsView(chromeFor(request, { title: 'Subscriptions', notice: readerNotice(request) }), {
      inboxUrl: inboxUrl(login),
      subscriptions: list.map(presentSubscription),
    });
    return sendPage(reply.header('cache-control', 'private, no-store'), page);
  });

  app.post(
    '/subscriptions',
    { schema: { body: Type.Object({ kind: Type.Union(SUBSCRIPTION_KINDS.map((k) => Type.Literal(k))), id: Id, return_to: ReturnTo }) } },
    async (request, reply) => {
      if (request.ctx.actor.kind !== 'user') return loginRedirect(request, reply);
      await subscribe(request.ctx, { kind: request.body.kind, id: request.body.id });
      return redirectTo(reply, backWithNotice(request.body.return_to, subscriptionsUrl(request.ctx.actor.login), 'subscribed'));
    },
  );

  app.post('/subscriptions/:id/delete', { schema: { params: Type.Object({ id: Id }), body: Type.Object({ return_to: ReturnTo }) } }, async (request, reply) => {
    if (request.ctx.actor.kind !== 'user') return loginRedirect(request, reply);
    await unsubscribe(request.ctx, request.params.id);
    return redirectTo(reply, backWithNotice(request.body.return_to, subscriptionsUrl(request.ctx.actor.login), 'unsubscribed'));
  });
}
