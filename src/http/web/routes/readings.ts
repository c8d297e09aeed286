// The reader's history and Marked for Later list (/users/:login/readings, AO3's path; owner
// only; ?show=to-read for the list), clearing it, and the work page's Mark for Later buttons.
import { Type } from 'typebox';
import type { App } from '../../app-type.ts';
import { myReadings } from '../../../services/history/list-readings.ts';
import { clearHistory, forgetReading } from '../../../services/history/clear-history.ts';
import { markForLater } from '../../../services/history/mark-for-later.ts';
import { readerId } from '../../../services/reader/owner.ts';
import { markedForLaterUrl, presentReading, readingsUrl } from '../../present/reader.ts';
import { workUrl } from '../../present/urls.ts';
import { loginRedirect, redirectTo } from '../forms.ts';
import { paginate } from '../pagination.ts';
import { addressWithoutNotice, backWithNotice, readerNotice } from '../reader-routing.ts';
import { chromeFor, sendPage } from '../render.ts';
import { readingsView } from '../views/readings.ts';
import { Id } from './params.ts';

const Login = Type.String({ minLength: 1, maxLength: 100 });
const ReturnTo = Type.Optional(Type.String({ maxLength: 500 }));
const ReturnBody = Type.Object({ return_to: ReturnTo });

export async function registerReadingRoutes(app: App): Promise<void> {
  app.get(
    '/users/:login/readings',
    {
      schema: {
        params: Type.Object({ login: Login }),
        querystring: Type.Object({
          page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
          show: Type.Optional(Type.Union([Type.Literal('history'), Type.Literal('to-read')])),
          reader: Type.Optional(Type.String({ maxLength: 40 })),
        }),
      },
    },
    async (request, reply) => {
      if (request.ctx.actor.kind !== 'user') return loginRedirect(request, reply);
      const list = request.query.show === 'to-read' ? 'later' : 'history';
      const found = await myReadings(request.ctx, { login: request.params.login, list, page: request.query.page ?? 1 });
      const login = request.ctx.actor.login;
      const page = readingsView(chromeFor(request, { title: list === 'later' ? 'Marked for Later' : 'History', notice: readerNotice(request) }), {
        list,
        action: readingsUrl(login),
        historyUrl: readingsUrl(login),
        laterUrl: markedForLaterUrl(login),
        items: found.items.map(presentReading),
        historyEnabled: found.historyEnabled,
        pagination: paginate(addressWithoutNotice(request), found.page, found.perPage, found.items.length, found.total, 'works'),
      });
      return sendPage(reply.header('cache-control', 'private, no-store'), page);
    },
  );

  app.post('/users/:login/readings/clear', { schema: { params: Type.Object({ login: Login }), body: ReturnBody } }, async (request, reply) => {
    if (request.ctx.actor.kind !== 'user') return loginRedirect(request, reply);
    readerId(request.ctx, 'clear your history', request.params.login);
    await clearHistory(request.ctx);
    return redirectTo(reply, backWithNotice(request.body.return_to, readingsUrl(request.ctx.actor.login), 'history-cleared'));
  });

  app.post('/users/:login/readings/:id/delete', { schema: { params: Type.Object({ login: Login, id: Id }), body: ReturnBody } }, async (request, reply) => {
    if (request.ctx.actor.kind !== 'user') return loginRedirect(request, reply);
    readerId(request.ctx, 'change your history', request.params.login);
    await forgetReading(request.ctx, request.params.id);
    return redirectTo(reply, backWithNotice(request.body.return_to, readingsUrl(request.ctx.actor.login), 'reading-deleted'));
  });

  for (const [path, marked] of [['/works/:id/mark-for-later', true], ['/works/:id/mark-as-read', false]] as const) {
    app.post(path, { schema: { params: Type.Object({ id: Id }), body: ReturnBody } }, async (request, reply) => {
      if (request.ctx.actor.kind !== 'user') return loginRedirect(request, reply);
      await markForLater(request.ctx, request.params.id, marked);
      return redirectTo(reply, backWithNotice(request.body.return_to, workUrl(request.params.id), marked ? 'marked-for-later' : 'marked-read'));
    });
  }
}
