// TypeBox schemas of the reader's API (bookmarks, subscriptions, inbox, history): they validate
// requests, shape responses (fields outside them are never sent) and document the API.
import { Type, type TSchema } from 'typebox';
import { MAX_BOOKMARK_TAGS } from '../../domain/bookmarks.ts';
import { MAX_TAG_LENGTH } from '../../domain/tag-name.ts';

export const Timestamp = Type.String({ format: 'date-time' });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const BookmarkSchema = Type.Object({
  id: Type.Integer(),
  work: Type.Ref('Work'),
  notes: Type.String({ description: 'Sanitized HTML' }),
  tags: Type.Array(Type.String(), { description: 'The bookmarker’s own tags (not archive tags)' }),
  private: Type.Boolean({ description: 'Seen by the bookmarker alone, and not counted on the work' }),
  rec: Type.Boolean({ description: 'Recommended' }),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

const bookmarkFields = {
  notes: Type.Optional(Type.String({ maxLength: 10_000, description: 'HTML or plain text; at most 5,000 characters once sanitized' })),
  tags: Type.Optional(Type.Array(Type.String({ maxLength: MAX_TAG_LENGTH }), { maxItems: MAX_BOOKMARK_TAGS, description: 'Your own tags' })),
  private: Type.Optional(Type.Boolean()),
  rec: Type.Optional(Type.Boolean()),
};

export const BookmarkCreate = Type.Object({ workId: Type.Integer({ minimum: 1 }), ...bookmarkFields }, { additionalProperties: false });
export const BookmarkPatch = Type.Object(bookmarkFields, { additionalProperties: false });

export const BookmarkListSchema = Type.Object({
  total: Type.Integer({ description: 'Bookmarks the caller may see' }),
  page: Type.Integer(),
  perPage: Type.Integer(),
  bookmarks: Type.Array(BookmarkSchema),
});

export const SubscriptionKindSchema = Type.Union([Type.Literal('work'), Type.Literal('creator'), Type.Literal('series')]);

export const SubscriptionSchema = Type.Object({
  id: Type.Integer(),
  kind: SubscriptionKindSchema,
  targetId: Type.Integer({ description: 'The work’s, creator’s (user’s) or series’ id' }),
  title: Nullable(Type.String({ description: 'null when you may no longer see it' })),
  url: Nullable(Type.String()),
  createdAt: Timestamp,
});

const CreatorRef = Type.Object({ pseud: Type.String(), login: Type.String(), url: Type.String() });

const NotificationCommentSchema = Type.Object(
  {
    id: Type.Integer(),
    kind: Type.Union([Type.Literal('comment'), Type.Literal('held-comment'), Type.Literal('reply')]),
    url: Type.String(),
    author: Type.String({ description: 'As you may know them: “Anonymous Creator” for an anonymous work’s creator, “NAME (Guest)” for guests' }),
    held: Type.Boolean({ description: 'Still awaiting your approval' }),
    bodyHtml: Type.String({ description: 'Sanitized HTML' }),
    chapterLabel: Nullable(Type.String()),
  },
  { description: 'The comment a comment notification is about' },
);

export const NotificationSchema = Type.Object({
  id: Type.Integer(),
  kind: Type.Union([Type.Literal('posting'), Type.Literal('comment'), Type.Literal('held-comment'), Type.Literal('reply')], {
    description: 'posting: a new work or chapter from a subscription; comment: on your work; held-comment: on your work, awaiting approval; reply: to your comment',
  }),
  reason: Type.Union([Type.Literal('work'), Type.Literal('creator'), Type.Literal('series')], { description: 'Which subscription brought it (work, for comment notifications)' }),
  work: Type.Object({ id: Type.Integer(), title: Type.String(), url: Type.String(), creators: Type.Array(CreatorRef, { description: 'Empty for anonymous works' }), anonymous: Type.Boolean() }),
  chapter: Nullable(Type.Object({ id: Type.Integer(), number: Type.Integer(), label: Type.String(), url: Type.String() }, { description: 'The new chapter; null for a new work' })),
  series: Nullable(Type.Object({ id: Type.Integer(), title: Type.String(), url: Type.String() })),
  comment: Nullable(NotificationCommentSchema),
  createdAt: Timestamp,
  read: Type.Boolean(),
});

export const InboxSchema = Type.Object({
  total: Type.Integer(),
  unread: Type.Integer(),
  page: Type.Integer(),
  perPage: Type.Integer(),
  notifications: Type.Array(NotificationSchema),
});

export const ReadingSchema = Type.Object({
  work: Type.Ref('Work'),
  chapter: Nullable(Type.Object({ id: Type.Integer(), number: Type.Integer(), title: Type.String(), url: Type.String() }, { description: 'The chapter last opened' })),
  lastVisitedAt: Nullable(Timestamp),
  visitCount: Type.Integer(),
  markedForLaterAt: Nullable(Timestamp),
});

export const HistorySchema = Type.Object({ total: Type.Integer(), page: Type.Integer(), perPage: Type.Integer(), readings: Type.Array(ReadingSchema) });
