// Subscriptions and the inbox as JSON, under /api/v1/me/…: the caller's own only, with a
// personal API token or a logged-in session (with its CSRF token on writes).
import { Type } from 'typebox';
import type { App } from '../app-type.ts';
import { subscribe } from '../../services/subscriptions/subscribe.ts';
import { unsubscribe } from '../../services/subscriptions/unsubscribe.ts';
import { mySubscriptions } from '../../services/subscriptions/list-subscriptions.ts';
import { myInbox } from '../../services/subscriptions/list-inbox.ts';
import { markNotificationsAsRead } from '../../services/subscriptions/mark-read.ts';
import { deleteNotification } from '../../services/subscriptions/delete-notification.ts';
import { Invalid } from '../../domain/errors.ts';
import { presentNotification, subscriptionJson } from '../present/reader.ts';
import { Id } from '../web/routes/params.ts';
import { errorResponses, writeErrorResponses } from './schemas.ts';
import { InboxSchema, SubscriptionKindSchema, SubscriptionSchema } from './reader-schemas.ts';

const WRITE_LIMIT = { rateLimit: { max: 60, timeWindow: '1 minute' } };
const IdParams = Type.Object({ id: Id });
const readErrors = { ...errorResponses, 403: Type.Ref('Error') };

export async function registerSubscriptionApi(app: App): Promise<void> {
  app.get(
    '/api/v1/me/subscriptions',
    { schema: { tags: ['subscriptions'], summary: 'Your subscriptions', description: 'Newest first. Something you may no longer see has a null title and url.', response: { 200: Type.Object({ subscriptions: Type.Array(SubscriptionSchema) }), ...readErrors } } },
    async (request, reply) => {
      reply.header('cache-control', 'private, no-store');
      return { subscriptions: (await mySubscriptions(request.ctx)).map(subscriptionJson) };
    },
  );

  app.post(
    '/api/v1/me/subscriptions',
    {
      config: WRITE_LIMIT,
      schema: {
        tags: ['subscriptions'],
        summary: 'Subscribe',
        description: 'To a work (its new chapters), a creator by user id (their new works, never anonymous ones) or a series (new works in it). Subscribing again changes nothing (200 instead of 201).',
        body: Type.Object({ kind: SubscriptionKindSchema, id: Id }, { additionalProperties: false }),
        response: { 200: SubscriptionSchema, 201: SubscriptionSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const result = await subscribe(request.ctx, request.body);
      const item = (await mySubscriptions(request.ctx)).find((s) => s.subscription.id === result.id)!;
      return reply.code(result.added ? 201 : 200).send(subscriptionJson(item));
    },
  );

  app.delete(
    '/api/v1/me/subscriptions/:id',
    { config: WRITE_LIMIT, schema: { tags: ['subscriptions'], summary: 'Unsubscribe', params: IdParams, response: { 204: Type.Null(), ...writeErrorResponses } } },
    async (request, reply) => {
      await unsubscribe(request.ctx, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/me/inbox',
    {
      schema: {
        tags: ['subscriptions'],
        summary: 'Your inbox',
        description: 'Notifications of new chapters and works from your subscriptions, newest first; `unread=true` for unread ones only.',
        querystring: Type.Object({ unread: Type.Optional(Type.Boolean()), page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })) }),
        response: { 200: InboxSchema, ...readErrors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'private, no-store');
      const inbox = await myInbox(request.ctx, { unreadOnly: request.query.unread ?? false, page: request.query.page ?? 1 });
      return { total: inbox.total, unread: inbox.unread, page: inbox.page, perPage: inbox.perPage, notifications: inbox.items.map(presentNotification) };
    },
  );

  app.post(
    '/api/v1/me/inbox/read',
    {
      config: WRITE_LIMIT,
      schema: {
        tags: ['subscriptions'],
        summary: 'Mark notifications read',
        description: 'Those with the given ids, or every unread one with `all: true`. Ids that are not yours are ignored.',
        body: Type.Object({ ids: Type.Optional(Type.Array(Id, { maxItems: 500 })), all: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
        response: { 200: Type.Object({ marked: Type.Integer({ description: 'How many were unread and are now read' }) }), ...writeErrorResponses },
      },
    },
    async (request) => {
      const { ids, all } = request.body;
      if (!all && !ids) throw new Invalid('Give `ids`, or `all: true`.', { ids: 'Give ids, or all: true.' });
      return markNotificationsAsRead(request.ctx, all ? 'all' : ids!);
    },
  );

  app.delete(
    '/api/v1/me/inbox/:id',
    { config: WRITE_LIMIT, schema: { tags: ['subscriptions'], summary: 'Delete a notification', params: IdParams, response: { 204: Type.Null(), ...writeErrorResponses } } },
    async (request, reply) => {
      await deleteNotification(request.ctx, request.params.id);
      return reply.code(204).send(null);
    },
  );
}
