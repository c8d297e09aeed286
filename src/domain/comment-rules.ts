// Comments (issue 6) as pure rules: limits, who may see a comment, how deep threads go, and the
// spam heuristics. Services load the facts; these functions decide.
//
// Decisions, and why:
// - Threads are at most MAX_DEPTH levels deep. A reply to a comment at the deepest level is not
//   refused: it is attached beside the comment it answers (its parent is that comment's parent)
//   and remembers which comment it answered, so the page can say "in reply to …". Refusing would
//   end a conversation at an arbitrary point; nesting deeper makes threads unreadable on phones.
// - Links: a comment with more than MAX_LINKS links is refused outright (no conversation needs
//   that many, and a refusal tells a real person what to fix). Between HOLD_LINKS and MAX_LINKS,
//   comments from guests and new accounts are held for the creator's approval rather than
//   refused: a reader sharing a few references is not lost, but link spam never reaches the page
//   without a person looking at it first.

/** AO3's comment length limit. */
export const MAX_COMMENT_LENGTH = 10_000;
export const MAX_DEPTH = 5;
export const MAX_GUEST_NAME = 100;
export const MAX_GUEST_EMAIL = 254;
/** More links than this and a comment is refused. */
export const MAX_LINKS = 10;
/** More links than this from a guest or a new account and the comment waits for approval. */
export const HOLD_LINKS = 2;
/** Accounts younger than this are "new" for the stricter comment limit (AO3's new-user limit). */
export const NEW_ACCOUNT_AGE_MS = 7 * 24 * 60 * 60 * 1000;
/** The same author posting the same text on the same work within this window is a duplicate. */
export const DUPLICATE_WINDOW_MS = 24 * 60 * 60 * 1000;
/** Root threads per page of comments. */
export const THREADS_PER_PAGE = 20;

export type CommentPermission = 'everyone' | 'users' | 'none';
export type CommentStatus = 'published' | 'held';

/** The facts about one comment that decide who sees what of it. */
export interface CommentFacts {
  id: number;
  parentId: number | null;
  userId: number | null;
  status: CommentStatus;
  hidden: boolean;
  deleted: boolean;
}

/** Who is looking: their account (null for guests) and whether they created the work. */
export interface CommentViewer {
  userId: number | null;
  isCreator: boolean;
}

/** full: the comment itself; placeholder: only "(Previous comment deleted.)" or similar, kept so its replies stay in place. */
export type CommentVisibility = 'full' | 'placeholder' | 'none';

/**
 * Whether the viewer may read the comment itself. Held (awaiting approval) and hidden comments
 * are for the work's creators and the commenter alone; a deleted comment is nobody's any more.
 */
export function canReadComment(viewer: CommentViewer, c: Pick<CommentFacts, 'userId' | 'status' | 'hidden' | 'deleted'>): boolean {
  if (c.deleted) return false;
  if (c.status === 'published' && !c.hidden) return true;
  return viewer.isCreator || (viewer.userId !== null && viewer.userId === c.userId);
}

/**
 * What the viewer sees of each comment of a set (whole threads). A comment they may not read
 * stays as a placeholder only when a reply below it is shown, so a thread keeps its shape; held
 * or hidden comments leave no trace otherwise, and their text and author never appear.
 */
export function commentVisibility(viewer: CommentViewer, comments: readonly CommentFacts[]): Map<number, CommentVisibility> {
  const children = new Map<number, CommentFacts[]>();
  for (const c of comments) {
    if (c.parentId === null) continue;
    const list = children.get(c.parentId) ?? [];
    list.push(c);
    children.set(c.parentId, list);
  }
  const out = new Map<number, CommentVisibility>();
  const visit = (c: CommentFacts): boolean => {
    let shownBelow = false;
    for (const child of children.get(c.id) ?? []) if (visit(child)) shownBelow = true;
    const v: CommentVisibility = canReadComment(viewer, c) ? 'full' : shownBelow ? 'placeholder' : 'none';
    out.set(c.id, v);
    return v !== 'none';
  };
  const ids = new Set(comments.map((c) => c.id));
  for (const c of comments) if (c.parentId === null || !ids.has(c.parentId)) visit(c);
  return out;
}

/** The comment a reply hangs under: the one answered, or its parent when that is at the deepest level. */
export function replyPlacement(target: { id: number; parentId: number | null; depth: number }): { parentId: number; depth: number; replyToId: number | null } {
  if (target.depth < MAX_DEPTH) return { parentId: target.id, depth: target.depth + 1, replyToId: null };
  return { parentId: target.parentId ?? target.id, depth: MAX_DEPTH, replyToId: target.id };
}

const ANCHOR = /<a\s[^>]*href\s*=/gi;
const ANCHOR_ELEMENT = /<a\s[^>]*>[\s\S]*?<\/a>/gi;
const TAG = /<[^>]*>/g;
const BARE_URL = /\b(?:https?:\/\/|www\.)[^\s<]+/gi;

/**
 * Links in a sanitized comment: every anchor with an href, plus web addresses typed as plain
 * text (which readers copy just the same, so spammers use them too).
 */
export function countLinks(sanitizedHtml: string): number {
  const anchors = sanitizedHtml.match(ANCHOR)?.length ?? 0;
  const text = sanitizedHtml.replace(ANCHOR_ELEMENT, ' ').replace(TAG, ' ');
  return anchors + (text.match(BARE_URL)?.length ?? 0);
}

/** Whether an account of that age counts as new for the stricter limit. */
export function isNewAccount(createdAt: string, now: Date): boolean {
  return now.getTime() - Date.parse(createdAt) < NEW_ACCOUNT_AGE_MS;
}

/** Who may comment on a work, by its setting and whether the person is logged in. null: allowed. */
export function permissionProblem(permission: string, loggedIn: boolean): string | null {
  if (permission === 'none') return 'Sorry, this work doesn’t allow comments.';
  if (permission === 'users' && !loggedIn) return 'Sorry, this work doesn’t allow comments from guests. Log in to comment.';
  return null;
}

/** A rough check that a guest's email address has the shape of one (it is never shown). */
export function plausibleEmail(email: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) && email.length <= MAX_GUEST_EMAIL;
}
