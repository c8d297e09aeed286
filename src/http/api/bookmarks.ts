// Bookmarks as JSON: a user's bookmarks the caller may see (public ones; the owner's private
// ones to the owner), and creating, editing and deleting one's own — with a personal API token
// or a logged-in session (with its CSRF token), under the same services and policy as the pages.
import { Type } from 'typebox';
import type { App } from '../app-type.ts';
import { listUserBookmarks } from '../../services/bookmarks/list-bookmarks.ts';
import { saveBookmark } from '../../services/bookmarks/save-bookmark.ts';
import { editBookmark } from '../../services/bookmarks/edit-bookmark.ts';
import { deleteBookmark } from '../../services/bookmarks/delete-bookmark.ts';
import { showOwnBookmark } from '../../services/bookmarks/own-bookmark.ts';
import { bookmarkJson } from '../present/reader.ts';
import { Id } from '../web/routes/params.ts';
import { errorResponses, writeErrorResponses } from './schemas.ts';
import { BookmarkCreate, BookmarkListSchema, BookmarkPatch, BookmarkSchema } from './reader-schemas.ts';

const WRITE_LIMIT = { rateLimit: { max: 60, timeWindow: '1 minute' } };
const IdParams = Type.Object({ id: Id });

export async function registerBookmarkApi(app: App): Promise<void> {
  app.get(
    '/api/v1/users/:login/bookmarks',
    {
      schema: {
        tags: ['bookmarks'],
        summary: 'A user’s bookmarks',
        description: 'Newest first. Public bookmarks for everyone, private ones for their owner only; bookmarks of works the caller may not see (drafts, hidden works, restricted works for guests) are left out. `tag` keeps those carrying one of the bookmarker’s tags.',
        params: Type.Object({ login: Type.String({ minLength: 1, maxLength: 100 }) }),
        querystring: Type.Object({ page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })), tag: Type.Optional(Type.String({ maxLength: 200 })) }),
        response: { 200: BookmarkListSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const list = await listUserBookmarks(request.ctx, request.params.login, { page: request.query.page ?? 1, tag: request.query.tag });
      if (list.own) reply.header('cache-control', 'private, no-store');
      return { total: list.total, page: list.page, perPage: list.perPage, bookmarks: list.items.map(bookmarkJson) };
    },
  );

  app.post(
    '/api/v1/bookmarks',
    {
      config: WRITE_LIMIT,
      schema: {
        tags: ['bookmarks'],
        summary: 'Bookmark a work',
        description: 'One bookmark per reader and work: bookmarking a work again replaces your bookmark of it (200 instead of 201).',
        body: BookmarkCreate,
        response: { 200: BookmarkSchema, 201: BookmarkSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const { workId, ...fields } = request.body;
      const saved = await saveBookmark(request.ctx, workId, fields);
      return reply.code(saved.created ? 201 : 200).send(bookmarkJson(await showOwnBookmark(request.ctx, saved.id)));
    },
  );

  app.patch(
    '/api/v1/bookmarks/:id',
    {
      config: WRITE_LIMIT,
      schema: { tags: ['bookmarks'], summary: 'Edit your bookmark', description: 'Fields left out keep their values.', params: IdParams, body: BookmarkPatch, response: { 200: BookmarkSchema, ...writeErrorResponses } },
    },
    async (request) => {
      await editBookmark(request.ctx, request.params.id, request.body);
      return bookmarkJson(await showOwnBookmark(request.ctx, request.params.id));
    },
  );

  app.delete(
    '/api/v1/bookmarks/:id',
    { config: WRITE_LIMIT, schema: { tags: ['bookmarks'], summary: 'Delete your bookmark', params: IdParams, response: { 204: Type.Null(), ...writeErrorResponses } } },
    async (request, reply) => {
      await deleteBookmark(request.ctx, request.params.id);
      return reply.code(204).send(null);
    },
  );
}
