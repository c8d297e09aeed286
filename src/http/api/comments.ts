// Comments through the JSON API v1, under the same services and policies as the pages: listing
// shows what the caller may see (held and hidden comments only to the work's creators and their
// authors); writing needs an account (an API token, or a session with its CSRF token). Guests
// comment through the site's form, where the guest name and email are asked for.
import { Type } from 'typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../app-type.ts';
import { Unauthenticated } from '../../domain/errors.ts';
import { MAX_COMMENT_LENGTH } from '../../domain/comment-rules.ts';
import { listComments } from '../../services/comments/list-comments.ts';
import { commentThread } from '../../services/comments/comment-thread.ts';
import { postComment } from '../../services/comments/post-comment.ts';
import { replyToComment } from '../../services/comments/reply-comment.ts';
import { editComment } from '../../services/comments/edit-comment.ts';
import { deleteComment } from '../../services/comments/delete-comment.ts';
import { approveComment } from '../../services/comments/approve-comment.ts';
import { setThreadFrozen } from '../../services/comments/freeze-comment.ts';
import { setCommentHidden } from '../../services/comments/hide-comment.ts';
import { commentsJson } from '../present/comments.ts';
import { Id } from '../web/routes/params.ts';
import { errorResponses, writeErrorResponses } from './schemas.ts';

const WRITE_LIMIT = { rateLimit: { max: 60, timeWindow: '1 minute' } };
const Timestamp = Type.String({ format: 'date-time' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const CommentJsonSchema = Type.Object(
  {
    id: Type.Integer(),
    url: Type.String({ description: 'Path of the comment’s page' }),
    workId: Type.Integer(),
    chapterId: Type.Integer(),
    parentId: Nullable(Type.Integer({ description: 'The comment replied to; null for a thread’s first comment' })),
    depth: Type.Integer({ minimum: 1, maximum: 5, description: 'Threads go five levels deep' }),
    placeholder: Nullable(Type.String({ enum: ['deleted', 'hidden'], description: 'Only a placeholder is shown (the comment is deleted, or hidden from you), kept for its replies' })),
    author: Nullable(
      Type.Object({
        name: Type.String({ description: 'Pseud, guest name, or "Anonymous Creator" on anonymous works' }),
        login: Nullable(Type.String()),
        guest: Type.Boolean(),
        url: Nullable(Type.String()),
      }),
    ),
    body: Nullable(Type.String({ description: 'Sanitized HTML; null for a placeholder' })),
    postedAt: Timestamp,
    editedAt: Nullable(Timestamp),
    awaitingApproval: Type.Boolean({ description: 'Held for the creator’s approval (only its author and the creators see it)' }),
    hidden: Type.Boolean({ description: 'Hidden by the creator (only its author and the creators see it)' }),
    frozen: Type.Boolean({ description: 'In a frozen thread: no replies, no edits' }),
    replyToId: Nullable(Type.Integer({ description: 'The comment answered, when a reply to the deepest level hangs beside it' })),
  },
  { $id: 'Comment' },
);

const CommentList = Type.Object({
  total: Type.Integer({ description: 'Comments everyone may read in these chapters' }),
  page: Type.Integer(),
  pages: Type.Integer(),
  comments: Type.Array(Type.Ref('Comment'), { description: 'A page of threads, flat, each comment before its replies' }),
});
const ListQuery = Type.Object({ page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })), chapter: Type.Optional(Id) });
const Write = Type.Object({ body: Type.String({ maxLength: MAX_COMMENT_LENGTH * 2, description: `HTML or plain text, at most ${MAX_COMMENT_LENGTH} characters` }) }, { additionalProperties: false });

function requireAccount(request: FastifyRequest): void {
  if (request.ctx.actor.kind !== 'user') throw new Unauthenticated('Commenting through the API needs an API token (Authorization: Bearer owl_…).');
}

async function oneComment(request: FastifyRequest, id: number) {
  const thread = await commentThread(request.ctx, id);
  return commentsJson([{ ...thread.entry, replies: [] }], thread.parentId)[0]!;
}

async function listing(request: FastifyRequest, reply: FastifyReply, workId: number, chapterIds: number[] | undefined, page: number | undefined) {
  const list = await listComments(request.ctx, workId, { ...(chapterIds ? { chapterIds } : {}), page: page ?? 1 });
  reply.header('cache-control', 'private, no-store');
  return { total: list.count, page: list.page, pages: list.pages, comments: commentsJson(list.threads) };
}

export async function registerCommentApi(app: App): Promise<void> {
  app.addSchema(CommentJsonSchema);
  const listed = { 200: CommentList, ...errorResponses };
  app.get(
    '/api/v1/works/:id/comments',
    { schema: { tags: ['comments'], summary: 'Comments on a work (or, with `chapter`, one chapter)', params: Type.Object({ id: Id }), querystring: ListQuery, response: listed } },
    async (request, reply) => listing(request, reply, request.params.id, request.query.chapter === undefined ? undefined : [request.query.chapter], request.query.page),
  );

  app.get(
    '/api/v1/works/:id/chapters/:chapterId/comments',
    { schema: { tags: ['comments'], summary: 'Comments on a chapter', params: Type.Object({ id: Id, chapterId: Id }), querystring: Type.Object({ page: ListQuery.properties.page }), response: listed } },
    async (request, reply) => listing(request, reply, request.params.id, [request.params.chapterId], request.query.page),
  );

  app.get('/api/v1/comments/:id', { schema: { tags: ['comments'], summary: 'One comment', params: Type.Object({ id: Id }), response: { 200: Type.Ref('Comment'), ...errorResponses } } }, async (request, reply) => {
    reply.header('cache-control', 'private, no-store');
    return oneComment(request, request.params.id);
  });

  app.post(
    '/api/v1/works/:id/comments',
    {
      config: WRITE_LIMIT,
      schema: {
        tags: ['comments'],
        summary: 'Comment on a work',
        description: 'On the given chapter, or the last posted chapter. Moderated works hold it for approval (awaitingApproval). Same limits as the site: rate limits, duplicates, links.',
        params: Type.Object({ id: Id }),
        body: Type.Object({ body: Write.properties.body, chapterId: Type.Optional(Id) }, { additionalProperties: false }),
        response: { 201: Type.Ref('Comment'), ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      requireAccount(request);
      const posted = await postComment(request.ctx, { workId: request.params.id, chapterId: request.body.chapterId, body: request.body.body, ip: request.ip });
      return reply.code(201).header('location', `/api/v1/comments/${posted.id}`).send(await oneComment(request, posted.id));
    },
  );

  app.post(
    '/api/v1/comments/:id/replies',
    { config: WRITE_LIMIT, schema: { tags: ['comments'], summary: 'Reply to a comment', params: Type.Object({ id: Id }), body: Write, response: { 201: Type.Ref('Comment'), ...writeErrorResponses } } },
    async (request, reply) => {
      requireAccount(request);
      const posted = await replyToComment(request.ctx, request.params.id, { body: request.body.body, ip: request.ip });
      return reply.code(201).header('location', `/api/v1/comments/${posted.id}`).send(await oneComment(request, posted.id));
    },
  );

  app.patch(
    '/api/v1/comments/:id',
    { config: WRITE_LIMIT, schema: { tags: ['comments'], summary: 'Edit your comment', params: Type.Object({ id: Id }), body: Write, response: { 200: Type.Ref('Comment'), ...writeErrorResponses } } },
    async (request) => {
      requireAccount(request);
      await editComment(request.ctx, request.params.id, { body: request.body.body });
      return oneComment(request, request.params.id);
    },
  );

  app.delete(
    '/api/v1/comments/:id',
    { config: WRITE_LIMIT, schema: { tags: ['comments'], summary: 'Delete a comment (yours, or any on your work)', params: Type.Object({ id: Id }), response: { 204: Type.Null(), ...writeErrorResponses } } },
    async (request, reply) => {
      requireAccount(request);
      await deleteComment(request.ctx, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/comments/:id/moderation',
    {
      config: WRITE_LIMIT,
      schema: {
        tags: ['comments'],
        summary: 'Moderate a comment on your work',
        description: 'approve a held comment; freeze or unfreeze its thread; hide it from everyone but you and its author, or show it again.',
        params: Type.Object({ id: Id }),
        body: Type.Object({ action: Type.Union(['approve', 'freeze', 'unfreeze', 'hide', 'unhide'].map((a) => Type.Literal(a))) }, { additionalProperties: false }),
        response: { 200: Type.Ref('Comment'), ...writeErrorResponses },
      },
    },
    async (request) => {
      requireAccount(request);
      const id = request.params.id;
      const action = request.body.action as string;
      if (action === 'approve') await approveComment(request.ctx, id);
      else if (action === 'freeze' || action === 'unfreeze') await setThreadFrozen(request.ctx, id, action === 'freeze');
      else await setCommentHidden(request.ctx, id, action === 'hide');
      return oneComment(request, id);
    },
  );
}
