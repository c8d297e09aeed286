// The reader's inbox (/users/:login/inbox; owner only): notifications from subscriptions, marked
// read one by one or all at once, and deleted.
import { Type } from 'typebox';
import type { App } from '../../app-type.ts';
import { Invalid } from '../../../domain/errors.ts';
import { myInbox } from '../../../services/subscriptions/list-inbox.ts';
import { markNotificationsAsRead } from '../../../services/subscriptions/mark-read.ts';
import { deleteNotification } from '../../../services/subscriptions/delete-notification.ts';
import { readerId } from '../../../services/reader/owner.ts';
import { inboxUrl, presentNotification, subscriptionsUrl } from '../../present/reader.ts';
import { loginRedirect, redirectTo } from '../forms.ts';
import { paginate } from '../pagination.ts';
import { addressWithoutNotice, backWithNotice, readerNotice } from '../reader-routing.ts';
import { chromeFor, sendPage } from '../render.ts';
import { inboxView } from '../views/inbox.ts';
import { Id } from './params.ts';

const Login = Type.String({ minLength: 1, maxLength: 100 });
const ReturnTo = Type.Optional(Type.String({ maxLength: 500 }));

export async function registerInboxRoutes(app: App): Promise<void> {
  app.get(
    '/users/:login/inbox',
    {
      schema: {
        params: Type.Object({ login: Login }),
        querystring: Type.Object({
          page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
          show: Type.Optional(Type.Union([Type.Literal('all'), Type.Literal('unread')])),
          reader: Type.Optional(Type.String({ maxLength: 40 })),
        }),
      },
    },
    async (request, reply) => {
      if (request.ctx.actor.kind !== 'user') return loginRedirect(request, reply);
      const unreadOnly = request.query.show === 'unread';
      const inbox = await myInbox(request.ctx, { login: request.params.login, unreadOnly, page: request.query.page ?? 1 });
      const login = request.ctx.actor.login;
      const page = inboxView(chromeFor(request, { title: 'Inbox', notice: readerNotice(request) }), {
        action: inboxUrl(login),
        items: inbox.items.map(presentNotification),
        unread: inbox.unread,
        unreadOnly,
        allUrl: inboxUrl(login),
        unreadUrl: `${inboxUrl(login)}?show=unread`,
        subscriptionsUrl: subscriptionsUrl(login),
        pagination: paginate(addressWithoutNotice(request), inbox.page, inbox.perPage, inbox.items.length, inbox.total, 'notifications'),
      });
      return sendPage(reply.header('cache-control', 'private, no-store'), page);
    },
  );

  app.post(
    '/users/:login/inbox/read',
    { schema: { params: Type.Object({ login: Login }), body: Type.Object({ id: Type.Optional(Id), all: Type.Optional(Type.String({ maxLength: 10 })), return_to: ReturnTo }) } },
    async (request, reply) => {
      if (request.ctx.actor.kind !== 'user') return loginRedirect(request, reply);
      readerId(request.ctx, 'manage your inbox', request.params.login);
      const { id, all } = request.body;
      if (id === undefined && all === undefined) throw new Invalid('Choose a notification, or all of them.');
      await markNotificationsAsRead(request.ctx, all !== undefined ? 'all' : [id!]);
      return redirectTo(reply, backWithNotice(request.body.return_to, inboxUrl(request.ctx.actor.login), 'notifications-read'));
    },
  );

  app.post(
    '/users/:login/inbox/:id/delete',
    { schema: { params: Type.Object({ login: Login, id: Id }), body: Type.Object({ return_to: ReturnTo }) } },
    async (request, reply) => {
      if (request.ctx.actor.kind !== 'user') return loginRedirect(request, reply);
      readerId(request.ctx, 'manage your inbox', request.params.login);
      await deleteNotification(request.ctx, request.params.id);
      return redirectTo(reply, backWithNotice(request.body.return_to, inboxUrl(request.ctx.actor.login), 'notification-deleted'));
    },
  );
}
