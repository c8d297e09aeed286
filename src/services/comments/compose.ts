// Writing a new comment, shared by "comment on a work or chapter" and "reply to a comment": the
// text and guest details are checked, the text sanitized, the author settled, the spam defences
// applied, and the row written with the work's count in one transaction. The callers decide
// where the comment goes and whether the actor may put it there.
import { insertComment } from '../../db/repos/comments.repo.ts';
import { findUserById, pseudsOfUser } from '../../db/repos/users.repo.ts';
import { lockWork } from '../../db/repos/works.repo.ts';
import type { Db } from '../../db/types.ts';
import { MAX_COMMENT_LENGTH, MAX_GUEST_NAME, isNewAccount, plausibleEmail, type CommentStatus } from '../../domain/comment-rules.ts';
import { Forbidden, Invalid } from '../../domain/errors.ts';
import { sanitizeComment, COMMENT_SANITIZER_VERSION } from '../../formats/sanitize-comment.ts';
import type { ServiceContext } from '../context.ts';
import { paragraphsFromText } from '../works/rich-text.ts';
import { throwProblems, type Problems } from '../works/problems.ts';
import { refreshCommentsCount } from './count.ts';
import type { CommentWork } from './load.ts';
import { commentNoticesFor, deliverCommentNotices } from './notify.ts';
import { linkDecision, refuseDuplicate, spendCommentAllowance } from './spam.ts';

export interface NewCommentInput {
  /** As typed: HTML, or plain text where a blank line starts a paragraph. */
  body: string;
  /** Guests only: the name shown with the comment, and an email address that is never shown. */
  guestName?: string | undefined;
  guestEmail?: string | undefined;
  /** One of the commenter's pseuds; their default pseud when absent. */
  pseudId?: number | undefined;
  /** The network address, for the per-address limit (hashed before it is stored). */
  ip: string;
}

export interface Placement {
  chapterId: number;
  parentId: number | null;
  threadId: number | null;
  depth: number;
  replyToId: number | null;
  /** The author of the comment answered, for their notice. */
  answeredUserId: number | null;
  /** Checked again inside the transaction (the parent may have changed meanwhile). */
  recheck?: (trx: Db) => Promise<void>;
}

export interface PostedComment {
  id: number;
  workId: number;
  chapterId: number;
  status: CommentStatus;
}

/** The text as the person typed it, checked; the sanitized HTML. */
export function commentBody(raw: string, problems: Problems): string {
  const text = raw.replace(/\r\n?/g, '\n').trim();
  if (text === '') {
    problems.body = 'Please write something in your comment.';
    return '';
  }
  if (text.length > MAX_COMMENT_LENGTH) {
    problems.body = `Your comment is too long: ${text.length.toLocaleString('en-US')} characters, and the limit is ${MAX_COMMENT_LENGTH.toLocaleString('en-US')}.`;
    return '';
  }
  const clean = sanitizeComment(paragraphsFromText(text));
  if (clean === '') problems.body = 'Please write something in your comment: nothing readable was left once unsupported HTML was removed.';
  return clean;
}

interface Author {
  userId: number | null;
  pseudId: number | null;
  name: string;
  guestName: string | null;
  guestEmail: string | null;
  authorKey: string;
  /** A guest or a new account (the stricter limits and the link hold apply). */
  untrusted: boolean;
  newAccountId: number | null;
}

async function authorOf(ctx: ServiceContext, cw: CommentWork, input: NewCommentInput, problems: Problems): Promise<Author | null> {
  if (ctx.actor.kind !== 'user') {
    const name = (input.guestName ?? '').replace(/\s+/g, ' ').trim();
    const email = (input.guestEmail ?? '').trim();
    if (name === '') problems.guestName = 'Please enter your name.';
    else if (name.length > MAX_GUEST_NAME) problems.guestName = `Your name can be at most ${MAX_GUEST_NAME} characters long.`;
    if (email === '') problems.guestEmail = 'Please enter your email address (it is never shown).';
    else if (!plausibleEmail(email)) problems.guestEmail = 'Please enter an email address like name@example.org.';
    return { userId: null, pseudId: null, name, guestName: name, guestEmail: email, authorKey: `g:${email.toLowerCase()}`, untrusted: true, newAccountId: null };
  }
  const userId = ctx.actor.userId;
  const [user, pseuds] = await Promise.all([findUserById(ctx.db, userId), pseudsOfUser(ctx.db, userId)]);
  if (!user) throw new Forbidden('Your account cannot comment right now.');
  const pseud = input.pseudId === undefined ? (pseuds.find((p) => p.isDefault) ?? pseuds[0]) : pseuds.find((p) => p.id === input.pseudId);
  if (!pseud) {
    problems.pseudId = 'Choose one of your own pseuds.';
    return null;
  }
  // A creator answering on their own work is never "new": the limit is for strangers' spam.
  const fresh = !cw.viewer.isCreator && isNewAccount(user.createdAt, ctx.clock.now());
  return { userId, pseudId: pseud.id, name: pseud.name, guestName: null, guestEmail: null, authorKey: `u:${userId}`, untrusted: fresh, newAccountId: fresh ? userId : null };
}

export async function writeNewComment(ctx: ServiceContext, cw: CommentWork, placement: Placement, input: NewCommentInput): Promise<PostedComment> {
  const problems: Problems = {};
  const body = commentBody(input.body, problems);
  const author = await authorOf(ctx, cw, input, problems);
  throwProblems(problems);
  if (!author) throw new Invalid('Choose one of your own pseuds.');

  const { hold } = linkDecision(body, author.untrusted);
  const status: CommentStatus = hold || (cw.work.moderatedComments && !cw.viewer.isCreator) ? 'held' : 'published';
  const now = ctx.clock.now();
  // Sanitizing is deterministic, so the same text typed twice stores the same HTML.
  await refuseDuplicate(ctx.db, cw.work.id, author.authorKey, body, now);
  await spendCommentAllowance(ctx.db, { ip: input.ip, newAccountId: author.newAccountId }, now);

  const id = await ctx.db.transaction().execute(async (trx) => {
    await lockWork(trx, ctx.caps, cw.work.id);
    await placement.recheck?.(trx);
    const commentId = await insertComment(
      trx,
      {
        workId: cw.work.id,
        chapterId: placement.chapterId,
        parentId: placement.parentId,
        threadId: placement.threadId,
        depth: placement.depth,
        replyToId: placement.replyToId,
        userId: author.userId,
        pseudId: author.pseudId,
        guestName: author.guestName,
        guestEmail: author.guestEmail,
        authorKey: author.authorKey,
        body,
        sanitizerVersion: COMMENT_SANITIZER_VERSION,
        status,
      },
      now.toISOString(),
    );
    await refreshCommentsCount(trx, cw.work.id, now);
    return commentId;
  });

  const notices = commentNoticesFor({
    event: 'posted',
    work: { id: cw.work.id, title: cw.work.title, anonymous: cw.work.anonymous, creatorUserIds: cw.access.creatorUserIds },
    comment: { id, chapterId: placement.chapterId, userId: author.userId, status, hidden: false, bodyHtml: body },
    authorName: author.name,
    isGuest: author.userId === null,
    answeredUserId: placement.answeredUserId,
  });
  // The comment stands whatever happens to its notices.
  await deliverCommentNotices(ctx, notices).catch(() => {});
  return { id, workId: cw.work.id, chapterId: placement.chapterId, status };
}
