// Comment entries (services/comments/tree.ts) → view models for the pages and JSON for the API.
// The services already removed what the viewer may not see; this only names and links things.
import type { CommentAuthor, CommentEntry } from '../../services/comments/tree.ts';
import { pseudUrl } from './urls.ts';

export const commentUrl = (id: number) => `/comments/${id}`;
export const commentAnchor = (id: number) => `comment_${id}`;

export interface CommentAuthorView {
  name: string;
  url: string | null;
  /** "(Guest)" after a guest's name, as AO3 shows it. */
  guest: boolean;
}

export interface CommentView {
  id: number;
  anchor: string;
  url: string;
  depth: number;
  /** Set for a placeholder: the only thing shown of it. */
  placeholder: string | null;
  author: CommentAuthorView | null;
  /** "Chapter 2" on multi-chapter works. */
  chapterLabel: string | null;
  bodyHtml: string;
  postedAt: string;
  editedAt: string | null;
  held: boolean;
  hidden: boolean;
  frozen: boolean;
  mine: boolean;
  replyTo: { url: string; name: string } | null;
  actions: {
    replyUrl: string | null;
    editUrl: string | null;
    deleteAction: string | null;
    freezeAction: string | null;
    hideAction: string | null;
    approveAction: string | null;
  };
  replies: CommentView[];
}

export function authorView(author: CommentAuthor): CommentAuthorView {
  switch (author.kind) {
    case 'user':
      return { name: author.pseud, url: pseudUrl(author.login, author.pseud), guest: false };
    case 'guest':
      return { name: author.name, url: null, guest: true };
    case 'anonymous-creator':
      return { name: 'Anonymous Creator', url: null, guest: false };
    case 'deleted-account':
      return { name: 'A deleted account', url: null, guest: false };
  }
}

const PLACEHOLDERS = { deleted: '(Previous comment deleted.)', hidden: '(This comment has been hidden by the work’s creator.)' } as const;

/** `chapterNumbers`: labels comments with their chapter when the work has more than one. */
export function presentComment(entry: CommentEntry, chapterNumbers: ReadonlyMap<number, number>): CommentView {
  const base = commentUrl(entry.id);
  const number = chapterNumbers.size > 1 ? chapterNumbers.get(entry.chapterId) : undefined;
  const full = entry.shown === 'full';
  return {
    id: entry.id,
    anchor: commentAnchor(entry.id),
    url: base,
    depth: entry.depth,
    placeholder: full ? null : PLACEHOLDERS[entry.placeholder ?? 'deleted'],
    author: full && entry.author ? authorView(entry.author) : null,
    chapterLabel: number !== undefined ? `Chapter ${number}` : null,
    bodyHtml: entry.bodyHtml,
    postedAt: entry.createdAt,
    editedAt: entry.editedAt,
    held: entry.status === 'held',
    hidden: entry.hidden,
    frozen: entry.frozen,
    mine: entry.mine,
    replyTo: entry.replyTo ? { url: commentUrl(entry.replyTo.id), name: authorView(entry.replyTo.author).name } : null,
    actions: {
      replyUrl: entry.actions.reply ? `${base}#add_reply` : null,
      editUrl: entry.actions.edit ? `${base}/edit` : null,
      deleteAction: entry.actions.delete ? `${base}/delete` : null,
      freezeAction: entry.actions.moderate ? `${base}/freeze` : null,
      hideAction: entry.actions.moderate && entry.status === 'published' ? `${base}/hide` : null,
      approveAction: entry.actions.approve ? `${base}/approve` : null,
    },
    replies: entry.replies.map((r) => presentComment(r, chapterNumbers)),
  };
}

export interface CommentJson {
  id: number;
  url: string;
  workId: number;
  chapterId: number;
  parentId: number | null;
  depth: number;
  /** Set when only a placeholder of the comment is shown (its replies are): why. */
  placeholder: 'deleted' | 'hidden' | null;
  author: { name: string; login: string | null; guest: boolean; url: string | null } | null;
  body: string | null;
  postedAt: string;
  editedAt: string | null;
  awaitingApproval: boolean;
  hidden: boolean;
  frozen: boolean;
  replyToId: number | null;
}

function commentJson(entry: CommentEntry, parentId: number | null): CommentJson {
  const full = entry.shown === 'full';
  const author = full && entry.author ? { ...authorView(entry.author), login: entry.author.kind === 'user' ? entry.author.login : null } : null;
  return {
    id: entry.id,
    url: commentUrl(entry.id),
    workId: entry.workId,
    chapterId: entry.chapterId,
    parentId,
    depth: entry.depth,
    placeholder: full ? null : (entry.placeholder ?? 'deleted'),
    author: author ? { name: author.name, login: author.login, guest: author.guest, url: author.url } : null,
    body: full ? entry.bodyHtml : null,
    postedAt: entry.createdAt,
    editedAt: full ? entry.editedAt : null,
    awaitingApproval: full && entry.status === 'held',
    hidden: full && entry.hidden,
    frozen: entry.frozen,
    replyToId: entry.replyTo?.id ?? null,
  };
}

/** Threads as one flat list in reading order (each comment before its replies), linked by parentId. */
export function commentsJson(entries: readonly CommentEntry[], parentId: number | null = null): CommentJson[] {
  return entries.flatMap((e) => [commentJson(e, parentId), ...commentsJson(e.replies, e.id)]);
}
