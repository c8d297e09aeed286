// Turning a set of comments into the threads one viewer sees: visibility decided by
// domain/comment-rules.ts, text loaded only for what is shown, authors as this viewer may know
// them (a creator of an anonymous work is "Anonymous Creator" to everyone else), and the actions
// the viewer may take on each comment.
import { blockersAmong } from '../../db/repos/blocks.repo.ts';
import { commentsByIds, type CommentRecord, type CommentSkeleton } from '../../db/repos/comments.repo.ts';
import { commentVisibility, type CommentStatus } from '../../domain/comment-rules.ts';
import type { ServiceContext } from '../context.ts';
import type { CommentWork } from './load.ts';
import { replyProblem } from './reply-comment.ts';

export type CommentAuthor =
  | { kind: 'user'; pseud: string; login: string }
  | { kind: 'guest'; name: string }
  | { kind: 'anonymous-creator' }
  | { kind: 'deleted-account' };

export interface CommentActions {
  reply: boolean;
  edit: boolean;
  delete: boolean;
  /** The work's creators: freeze or unfreeze, hide or unhide, approve. */
  moderate: boolean;
  approve: boolean;
}

export interface CommentEntry {
  id: number;
  workId: number;
  chapterId: number;
  depth: number;
  /** 'placeholder': deleted, or held/hidden from this viewer, but kept for the replies below it. */
  shown: 'full' | 'placeholder';
  placeholder: 'deleted' | 'hidden' | null;
  author: CommentAuthor | null;
  bodyHtml: string;
  createdAt: string;
  editedAt: string | null;
  status: CommentStatus;
  hidden: boolean;
  frozen: boolean;
  /** The viewer wrote it. */
  mine: boolean;
  /** The comment answered, when the reply hangs beside it (deepest level) and the viewer sees it. */
  replyTo: { id: number; author: CommentAuthor } | null;
  actions: CommentActions;
  replies: CommentEntry[];
}

const NO_ACTIONS: CommentActions = { reply: false, edit: false, delete: false, moderate: false, approve: false };

export function authorAsSeen(cw: CommentWork, c: Pick<CommentRecord, 'userId' | 'pseud' | 'login' | 'guestName'>): CommentAuthor {
  if (c.userId !== null && cw.work.anonymous && cw.access.creatorUserIds.includes(c.userId) && !cw.viewer.isCreator) return { kind: 'anonymous-creator' };
  if (c.userId !== null && c.login !== null) return { kind: 'user', pseud: c.pseud ?? c.login, login: c.login };
  if (c.guestName !== null) return { kind: 'guest', name: c.guestName };
  return { kind: 'deleted-account' };
}

/**
 * The entries for `rootIds` (in that order) and everything below them that the viewer sees.
 * `skeletons` must hold whole threads. `canComment`: the work takes comments from this viewer.
 */
export async function buildThreads(
  ctx: ServiceContext,
  cw: CommentWork,
  skeletons: readonly CommentSkeleton[],
  rootIds: readonly number[],
  canComment: boolean,
): Promise<CommentEntry[]> {
  const visibility = commentVisibility(cw.viewer, skeletons);
  const children = new Map<number, CommentSkeleton[]>();
  for (const s of skeletons) if (s.parentId !== null) children.set(s.parentId, [...(children.get(s.parentId) ?? []), s]);

  // Only the shown part of the requested threads is loaded with its text.
  const wanted: CommentSkeleton[] = [];
  const byId = new Map(skeletons.map((s) => [s.id, s]));
  const collect = (s: CommentSkeleton) => {
    if ((visibility.get(s.id) ?? 'none') === 'none') return;
    wanted.push(s);
    for (const child of children.get(s.id) ?? []) collect(child);
  };
  for (const id of rootIds) {
    const root = byId.get(id);
    if (root) collect(root);
  }
  const records = await commentsByIds(ctx.db, wanted.filter((s) => visibility.get(s.id) === 'full').map((s) => s.id));
  const replyTargets = [...records.values()].map((r) => r.replyToId).filter((id): id is number => id !== null && !records.has(id));
  const extra = replyTargets.length > 0 ? await commentsByIds(ctx.db, replyTargets) : new Map<number, CommentRecord>();

  const me = cw.viewer.userId;
  const authors = [...records.values()].map((r) => r.userId).filter((id): id is number => id !== null && id !== me);
  const blockers = new Set(me === null ? [] : await blockersAmong(ctx.db, authors, me));

  const entry = (s: CommentSkeleton): CommentEntry | null => {
    const v = visibility.get(s.id) ?? 'none';
    if (v === 'none') return null;
    const replies = (children.get(s.id) ?? []).map(entry).filter((e): e is CommentEntry => e !== null);
    const record = records.get(s.id);
    if (v === 'placeholder' || !record) {
      return {
        id: s.id, workId: s.workId, chapterId: s.chapterId, depth: s.depth, shown: 'placeholder', placeholder: s.deleted ? 'deleted' : 'hidden',
        author: null, bodyHtml: '', createdAt: s.createdAt, editedAt: null, status: 'published', hidden: false, frozen: s.frozen,
        mine: false, replyTo: null, actions: NO_ACTIONS, replies,
      };
    }
    const mine = me !== null && record.userId === me;
    const answered = record.replyToId === null ? null : (records.get(record.replyToId) ?? extra.get(record.replyToId) ?? null);
    const answeredVisible = answered !== null && visibility.get(answered.id) === 'full';
    return {
      id: s.id,
      workId: s.workId,
      chapterId: s.chapterId,
      depth: s.depth,
      shown: 'full',
      placeholder: null,
      author: authorAsSeen(cw, record),
      bodyHtml: record.body,
      createdAt: record.createdAt,
      editedAt: record.editedAt,
      status: record.status,
      hidden: record.hidden,
      frozen: record.frozen,
      mine,
      replyTo: answered && answeredVisible ? { id: answered.id, author: authorAsSeen(cw, answered) } : null,
      actions: {
        reply: canComment && replyProblem(record) === null && !(record.userId !== null && blockers.has(record.userId)),
        edit: mine && !record.frozen,
        delete: mine || cw.canModerate,
        moderate: cw.canModerate,
        approve: cw.canModerate && record.status === 'held',
      },
      replies,
    };
  };
  return rootIds.map((id) => byId.get(id)).filter((s): s is CommentSkeleton => s !== undefined).map(entry).filter((e): e is CommentEntry => e !== null);
}
