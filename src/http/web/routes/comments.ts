// Comment pages and forms: post on a work or chapter, the thread page with its reply form, edit,
// delete, and the creators' freeze, hide and approve. Each is validate → service (which loads,
// authorizes and applies the spam defences) → redirect with a fixed notice, or the form again
// with its errors. Guests may post where the work allows them; everything else needs a session.
import { Type } from 'typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../../app-type.ts';
import { postComment } from '../../../services/comments/post-comment.ts';
import { replyToComment } from '../../../services/comments/reply-comment.ts';
import { commentForEditing, editComment } from '../../../services/comments/edit-comment.ts';
import { deleteComment } from '../../../services/comments/delete-comment.ts';
import { setThreadFrozen } from '../../../services/comments/freeze-comment.ts';
import { setCommentHidden } from '../../../services/comments/hide-comment.ts';
import { approveComment } from '../../../services/comments/approve-comment.ts';
import { commentThread } from '../../../services/comments/comment-thread.ts';
import { describeTarget } from '../../../services/comments/load.ts';
import { commentAnchor, commentUrl, presentComment } from '../../present/comments.ts';
import { chapterUrl, workUrl } from '../../present/urls.ts';
import { chromeFor, sendPage } from '../render.ts';
import { formErrors, formStatus, loginRedirect, redirectTo, safeReturnPath } from '../forms.ts';
import { noticeFrom, withNotice } from '../comments-section.ts';
import { commentThreadView, editCommentView, newCommentView } from '../views/comment-pages.ts';
import type { CommentFormView } from '../views/comments.ts';
import { Id } from './params.ts';

const IdParams = Type.Object({ id: Id });
const ChapterParams = Type.Object({ id: Id, chapterId: Id });
/** Longer than the limit, so an over-long comment gets the service's clear message, not a 400. */
const Body = Type.String({ maxLength: 100_000 });
const ReturnTo = Type.Optional(Type.String({ maxLength: 500 }));
const CommentBody = Type.Object({
  body: Body,
  name: Type.Optional(Type.String({ maxLength: 1000 })),
  email: Type.Optional(Type.String({ maxLength: 1000 })),
  pseud_id: Type.Optional(Type.String({ maxLength: 12 })),
  return_to: ReturnTo,
});
const ActionBody = Type.Object({ return_to: ReturnTo });

type CommentFields = { body: string; name?: string | undefined; email?: string | undefined; pseud_id?: string | undefined };

function commentInput(request: FastifyRequest, b: CommentFields) {
  const pseudId = b.pseud_id && /^\d{1,10}$/.test(b.pseud_id) ? Number(b.pseud_id) : undefined;
  return { body: b.body, guestName: b.name, guestEmail: b.email, pseudId, ip: request.ip };
}

function formFor(request: FastifyRequest, base: Omit<CommentFormView, 'problem' | 'loginUrl' | 'guest' | 'moderated' | 'pseuds'>): CommentFormView {
  return { ...base, problem: null, loginUrl: null, guest: request.ctx.actor.kind !== 'user', moderated: false, pseuds: [] };
}

const valuesOf = (b: CommentFields) => ({ body: b.body, guestName: b.name ?? '', guestEmail: b.email ?? '', pseudId: b.pseud_id ?? '' });

/** The comment form again, on a page of its own, with what went wrong. */
async function renderNewComment(request: FastifyRequest, reply: FastifyReply, workId: number, chapterId: number | undefined, b: CommentFields & { return_to?: string | undefined }, error: unknown): Promise<FastifyReply> {
  const errors = formErrors(error);
  const target = await describeTarget(request.ctx, workId, chapterId);
  const page = newCommentView(chromeFor(request, { title: `Comment on ${target.workTitle}` }), {
    workTitle: target.workTitle,
    workUrl: chapterId === undefined ? workUrl(workId) : chapterUrl(workId, chapterId),
    chapterLabel: target.chapterNumber !== null && target.chapterCount > 1 ? `Chapter ${target.chapterNumber}` : null,
    form: formFor(request, {
      action: chapterId === undefined ? `/works/${workId}/comments` : `/works/${workId}/chapters/${chapterId}/comments`,
      prefix: 'comment',
      legend: 'Post Comment',
      submitLabel: 'Comment',
      values: valuesOf(b),
      errors,
      ...(b.return_to ? { returnTo: safeReturnPath(b.return_to, workUrl(workId)) } : {}),
    }),
  });
  return sendPage(reply, page, formStatus(error));
}

async function renderThread(request: FastifyRequest, reply: FastifyReply, commentId: number, extra: { values?: CommentFields; errors?: Record<string, string>; status?: number } = {}): Promise<FastifyReply> {
  const thread = await commentThread(request.ctx, commentId);
  const chapters = new Map(thread.chapterCount > 1 ? [[thread.chapterId, thread.chapterNumber]] : []);
  const chapterLabel = thread.chapterCount > 1 ? `Chapter ${thread.chapterNumber}` : null;
  const here = commentUrl(commentId);
  const page = commentThreadView(chromeFor(request, { title: `Comment on ${thread.workTitle}` }), {
    workTitle: thread.workTitle,
    workUrl: chapterUrl(thread.workId, thread.chapterId),
    chapterLabel,
    comment: presentComment(thread.entry, chapters),
    parentUrl: thread.parentId === null ? null : commentUrl(thread.parentId),
    notice: noticeFrom(request.query),
    returnTo: here,
    form: {
      action: `${here}/replies`,
      prefix: 'reply',
      legend: 'Reply to this comment',
      submitLabel: 'Reply',
      problem: thread.form.problem,
      loginUrl: null,
      guest: thread.form.guest,
      moderated: thread.form.moderated,
      pseuds: thread.form.pseuds,
      values: extra.values ? valuesOf(extra.values) : {},
      errors: extra.errors ?? {},
    },
  });
  return sendPage(reply.header('cache-control', 'private, no-store'), page, extra.status ?? 200);
}

async function renderEdit(request: FastifyRequest, reply: FastifyReply, commentId: number, extra: { body?: string; errors?: Record<string, string>; status?: number } = {}): Promise<FastifyReply> {
  const { comment } = await commentForEditing(request.ctx, commentId);
  const target = await describeTarget(request.ctx, comment.workId, comment.chapterId);
  const page = editCommentView(chromeFor(request, { title: `Edit comment on ${target.workTitle}` }), {
    workTitle: target.workTitle,
    workUrl: chapterUrl(comment.workId, comment.chapterId),
    chapterLabel: target.chapterNumber !== null && target.chapterCount > 1 ? `Chapter ${target.chapterNumber}` : null,
    threadUrl: commentUrl(commentId),
    form: formFor(request, {
      action: `${commentUrl(commentId)}/edit`,
      prefix: 'edit',
      legend: 'Edit your comment',
      submitLabel: 'Update',
      values: { body: extra.body ?? comment.body },
      errors: extra.errors ?? {},
    }),
  });
  return sendPage(reply.header('cache-control', 'private, no-store'), page, extra.status ?? 200);
}

/** After an action: back where the button was pressed (a local path only), with its notice. */
function back(reply: FastifyReply, returnTo: string | undefined, fallback: string, code: string, anchor: string): FastifyReply {
  return redirectTo(reply, withNotice(safeReturnPath(returnTo, fallback), code, anchor));
}

export async function registerCommentRoutes(app: App): Promise<void> {
  const newComment = async (request: FastifyRequest, reply: FastifyReply, workId: number, chapterId: number | undefined, b: CommentFields & { return_to?: string | undefined }) => {
    try {
      const posted = await postComment(request.ctx, { workId, chapterId, ...commentInput(request, b) });
      // Without a page to return to, the chapter the comment went on (the last one, from the entire work).
      const fallback = chapterUrl(workId, posted.chapterId);
      const dest = new URL(safeReturnPath(b.return_to, fallback), 'http://owlery.invalid');
      dest.searchParams.set('show_comment', String(posted.id));
      return back(reply, `${dest.pathname}${dest.search}`, fallback, posted.status === 'held' ? 'held' : 'posted', posted.status === 'held' ? 'comments' : commentAnchor(posted.id));
    } catch (error) {
      return renderNewComment(request, reply, workId, chapterId, b, error);
    }
  };

  app.post('/works/:id/comments', { schema: { params: IdParams, body: CommentBody } }, async (request, reply) => newComment(request, reply, request.params.id, undefined, request.body));

  app.post('/works/:id/chapters/:chapterId/comments', { schema: { params: ChapterParams, body: CommentBody } }, async (request, reply) =>
    newComment(request, reply, request.params.id, request.params.chapterId, request.body),
  );

  app.get('/comments/:id', { schema: { params: IdParams } }, async (request, reply) => renderThread(request, reply, request.params.id));

  app.post('/comments/:id/replies', { schema: { params: IdParams, body: CommentBody } }, async (request, reply) => {
    try {
      const posted = await replyToComment(request.ctx, request.params.id, commentInput(request, request.body));
      const anchor = posted.status === 'held' ? 'thread_heading' : commentAnchor(posted.id);
      return back(reply, undefined, commentUrl(request.params.id), posted.status === 'held' ? 'held' : 'posted', anchor);
    } catch (error) {
      const errors = formErrors(error);
      return renderThread(request, reply, request.params.id, { values: request.body, errors, status: formStatus(error) });
    }
  });

  app.get('/comments/:id/edit', { schema: { params: IdParams } }, async (request, reply) => {
    if (request.ctx.actor.kind !== 'user') return loginRedirect(request, reply);
    return renderEdit(request, reply, request.params.id);
  });

  app.post('/comments/:id/edit', { schema: { params: IdParams, body: Type.Object({ body: Body }) } }, async (request, reply) => {
    if (request.ctx.actor.kind !== 'user') return loginRedirect(request, reply);
    try {
      await editComment(request.ctx, request.params.id, { body: request.body.body });
      return back(reply, undefined, commentUrl(request.params.id), 'edited', commentAnchor(request.params.id));
    } catch (error) {
      return renderEdit(request, reply, request.params.id, { body: request.body.body, errors: formErrors(error), status: formStatus(error) });
    }
  });

  app.post('/comments/:id/delete', { schema: { params: IdParams, body: ActionBody } }, async (request, reply) => {
    if (request.ctx.actor.kind !== 'user') return loginRedirect(request, reply);
    const id = request.params.id;
    const where = await deleteComment(request.ctx, id);
    // The comment's own page may be gone now: go to its parent's, or to the chapter.
    const fallback = where.parentId !== null ? commentUrl(where.parentId) : chapterUrl(where.workId, where.chapterId);
    const returnTo = request.body.return_to?.startsWith(commentUrl(id)) ? fallback : request.body.return_to;
    return back(reply, returnTo, fallback, 'deleted', 'comments');
  });

  app.post('/comments/:id/freeze', { schema: { params: IdParams, body: Type.Object({ frozen: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])), return_to: ReturnTo }) } }, async (request, reply) => {
    if (request.ctx.actor.kind !== 'user') return loginRedirect(request, reply);
    const frozen = request.body.frozen !== 'false';
    await setThreadFrozen(request.ctx, request.params.id, frozen);
    return back(reply, request.body.return_to, commentUrl(request.params.id), frozen ? 'frozen' : 'unfrozen', commentAnchor(request.params.id));
  });

  app.post('/comments/:id/hide', { schema: { params: IdParams, body: Type.Object({ hidden: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])), return_to: ReturnTo }) } }, async (request, reply) => {
    if (request.ctx.actor.kind !== 'user') return loginRedirect(request, reply);
    const hidden = request.body.hidden !== 'false';
    await setCommentHidden(request.ctx, request.params.id, hidden);
    return back(reply, request.body.return_to, commentUrl(request.params.id), hidden ? 'hidden' : 'unhidden', commentAnchor(request.params.id));
  });

  app.post('/comments/:id/approve', { schema: { params: IdParams, body: ActionBody } }, async (request, reply) => {
    if (request.ctx.actor.kind !== 'user') return loginRedirect(request, reply);
    await approveComment(request.ctx, request.params.id);
    return back(reply, request.body.return_to, commentUrl(request.params.id), 'approved', commentAnchor(request.params.id));
  });
}
