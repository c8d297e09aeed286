// Bookmarks on the site: a user's bookmarks page (AO3's /users/:login/bookmarks, public to all,
// private bookmarks to their owner), the work page's bookmark form, and deleting a bookmark.
// Each route: guests are sent to log in before changing anything → service (which checks who may
// do what) → redirect with a fixed notice, or the form again with its errors.
import { Type } from 'typebox';
import type { App } from '../../app-type.ts';
import { isAppError } from '../../../domain/errors.ts';
import { listUserBookmarks } from '../../../services/bookmarks/list-bookmarks.ts';
import { saveBookmark } from '../../../services/bookmarks/save-bookmark.ts';
import { deleteBookmark } from '../../../services/bookmarks/delete-bookmark.ts';
import { findReadableWork } from '../../../services/read-work.ts';
import { bookmarksUrl, presentBookmark } from '../../present/reader.ts';
import { workUrl } from '../../present/urls.ts';
import { formErrors, formStatus, loginRedirect, redirectTo, safeReturnPath } from '../forms.ts';
import { paginate } from '../pagination.ts';
import { addressWithoutNotice, backWithNotice, readerNotice } from '../reader-routing.ts';
import { chromeFor, sendPage } from '../render.ts';
import { bookmarksView } from '../views/bookmarks.ts';
import { bookmarkErrorView } from '../views/reader-panel.ts';
import { Id } from './params.ts';

const LoginParams = Type.Object({ login: Type.String({ minLength: 1, maxLength: 100 }) });
const ListQuery = Type.Object({
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
  tag: Type.Optional(Type.String({ maxLength: 200 })),
  reader: Type.Optional(Type.String({ maxLength: 40 })),
});
const ReturnTo = Type.Optional(Type.String({ maxLength: 500 }));
const BookmarkBody = Type.Object({
  // Twice the stored limit: the limit applies after sanitizing, which may shorten the text.
  notes: Type.Optional(Type.String({ maxLength: 10_000 })),
  tags: Type.Optional(Type.String({ maxLength: 2_000 })),
  private: Type.Optional(Type.String({ maxLength: 10 })),
  rec: Type.Optional(Type.String({ maxLength: 10 })),
  return_to: ReturnTo,
});

export async function registerBookmarkRoutes(app: App): Promise<void> {
  app.get('/users/:login/bookmarks', { schema: { params: LoginParams, querystring: ListQuery } }, async (request, reply) => {
    const tag = request.query.tag?.trim() || undefined;
    const list = await listUserBookmarks(request.ctx, request.params.login, { page: request.query.page ?? 1, tag });
    const login = list.user.login;
    const page = bookmarksView(chromeFor(request, { title: `${login} - Bookmarks`, notice: readerNotice(request) }), {
      login,
      own: list.own,
      bookmarks: list.items.map((item) => presentBookmark(login, item)),
      tag: tag ? { name: tag, clearUrl: bookmarksUrl(login) } : null,
      pagination: paginate(addressWithoutNotice(request), list.page, list.perPage, list.items.length, list.total, 'bookmarks'),
    });
    // The owner's view holds private bookmarks: no shared cache may keep it.
    if (list.own) reply.header('cache-control', 'private, no-store');
    return sendPage(reply, page);
  });

  app.post('/works/:id/bookmarks', { schema: { params: Type.Object({ id: Id }), body: BookmarkBody } }, async (request, reply) => {
    if (request.ctx.actor.kind !== 'user') return loginRedirect(request, reply);
    const body = request.body;
    const input = { notes: body.notes ?? '', tags: body.tags ?? '', private: body.private !== undefined, rec: body.rec !== undefined };
    try {
      await saveBookmark(request.ctx, request.params.id, input);
      return redirectTo(reply, backWithNotice(body.return_to, workUrl(request.params.id), 'bookmarked'));
    } catch (error) {
      if (!isAppError(error) || error.code !== 'invalid') throw error;
      const errors = formErrors(error);
      const card = await findReadableWork(request.ctx, request.params.id);
      const page = bookmarkErrorView(chromeFor(request, { title: `Bookmark ${card.work.title}`, path: safeReturnPath(body.return_to, workUrl(card.work.id)) }), {
        workId: card.work.id,
        workTitle: card.work.title,
        bookmark: null,
        subscriptionId: null,
        markedForLater: false,
        notice: null,
        errors,
        values: input,
      }, workUrl(card.work.id));
      return sendPage(reply, page, formStatus(error));
    }
  });

  app.post('/bookmarks/:id/delete', { schema: { params: Type.Object({ id: Id }), body: Type.Object({ return_to: ReturnTo }) } }, async (request, reply) => {
    if (request.ctx.actor.kind !== 'user') return loginRedirect(request, reply);
    await deleteBookmark(request.ctx, request.params.id);
    return redirectTo(reply, backWithNotice(request.body.return_to, bookmarksUrl(request.ctx.actor.login), 'bookmark-deleted'));
  });
}
