// The typed shape of every table, shared by both dialects. Booleans come back from SQLite as 0/1
// (SqlBool); timestamps are ISO-8601 strings on both (connect.ts sets pg's parsers to match).
import type { ColumnType, Generated, SqlBool } from 'kysely';

type Timestamp = string;
type Bool = ColumnType<SqlBool, boolean, boolean>;
type GeneratedBool = ColumnType<SqlBool, boolean | undefined, boolean>;
type Counter = ColumnType<number, number | undefined, number>;

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface UsersTable {
  id: Generated<number>;
  login: string;
  /** Lower-cased login for case-insensitive uniqueness. */
  login_key: string;
  email: string | null;
  /** argon2id hash; null for accounts that cannot log in until claimed (imported creators). */
  password_hash: string | null;
  /** Lower-cased email for case-insensitive uniqueness; null for accounts without one. */
  email_key: string | null;
  created_at: Timestamp;
  suspended_at: Timestamp | null;
}

export interface UserRolesTable {
  user_id: number;
  role: 'admin' | 'wrangler' | 'moderator';
}

export interface PseudsTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  name_key: string;
  is_default: Bool;
  description: string | null;
  created_at: Timestamp;
}

export interface WorksTable {
  id: Generated<number>;
  title: string;
  /** Sanitized HTML. */
  summary: string;
  notes: string;
  end_notes: string;
  language: string;
  restricted: GeneratedBool;
  anonymous: GeneratedBool;
  /** everyone | users | none */
  comment_permission: ColumnType<string, string | undefined, string>;
  moderated_comments: GeneratedBool;
  /** null means unknown (`n/?`). */
  expected_chapters: number | null;
  complete: GeneratedBool;
  /** false while the whole work is a draft. */
  posted: GeneratedBool;
  hidden_by_admin: GeneratedBool;
  /** Its fandoms share no meta-tag ancestor (recomputed with the filter set). */
  crossover: GeneratedBool;
  word_count: Counter;
  /** Number of posted chapters. */
  chapter_count: Counter;
  hits: Counter;
  kudos_count: Counter;
  comments_count: Counter;
  bookmarks_count: Counter;
  /** Bumped on every change that alters what a reader or a download sees. */
  revision: Counter;
  sanitizer_version: number;
  posted_at: Timestamp | null;
  revised_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ChaptersTable {
  id: Generated<number>;
  work_id: number;
  position: number;
  title: string;
  summary: string;
  notes: string;
  end_notes: string;
  /** Sanitized HTML body. */
  content: string;
  word_count: number;
  posted: GeneratedBool;
  posted_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface WorkCreatorshipsTable {
  work_id: number;
  pseud_id: number;
  position: number;
  /** Co-creators are listed only once they accept. */
  approved: GeneratedBool;
}

export interface SeriesTable {
  id: Generated<number>;
  title: string;
  summary: string;
  notes: string;
  complete: GeneratedBool;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SeriesCreatorshipsTable {
  series_id: number;
  pseud_id: number;
  approved: GeneratedBool;
}

export interface SerialWorksTable {
  series_id: number;
  work_id: number;
  position: number;
}

export type { TagType } from '../domain/tag-types.ts';
import type { TagType } from '../domain/tag-types.ts';

export interface TagsTable {
  id: Generated<number>;
  name: string;
  /** Normalized name: tag names are unique regardless of case and Unicode form. */
  name_key: string;
  type: TagType;
  canonical: GeneratedBool;
  /** The canonical tag this one is a synonym of. */
  merger_id: number | null;
  /** Relationship tags: 'romantic' (A/B) or 'platonic' (A & B). */
  relationship_kind: string | null;
  /** Wranglers marked it as not worth wrangling (AO3's "unwrangleable"). */
  unwrangleable: GeneratedBool;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Parent links: media → fandom, fandom → character/relationship/freeform, character → relationship. */
export interface TagParentsTable {
  parent_id: number;
  child_id: number;
}

/** Meta/sub tags: works tagged with a sub tag are found under its meta tags. */
export interface MetaTaggingsTable {
  meta_id: number;
  sub_id: number;
}

export interface WorkTagsTable {
  work_id: number;
  tag_id: number;
}

/** The precomputed filter set: canonical forms and meta ancestors of a work's tags. */
export interface WorkFiltersTable {
  work_id: number;
  tag_id: number;
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: Timestamp;
}

export interface SessionsTable {
  id: Generated<number>;
  token_hash: string;
  user_id: number;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

export interface PasswordResetsTable {
  id: Generated<number>;
  token_hash: string;
  user_id: number;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface InvitationsTable {
  id: Generated<number>;
  token_hash: string;
  email: string;
  invited_by: number | null;
  created_at: Timestamp;
  used_at: Timestamp | null;
  used_by: number | null;
}

export interface InviteRequestsTable {
  id: Generated<number>;
  email: string;
  email_key: string;
  created_at: Timestamp;
  invited_at: Timestamp | null;
}

export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface RateLimitsTable {
  key: string;
  /** Start of the current window, milliseconds since the epoch. */
  window_start: ColumnType<number, number, number>;
  count: number;
}

export interface WranglingAuditTable {
  id: Generated<number>;
  user_id: number | null;
  /** Login of who acted, or "system" (kept when the account is gone). */
  actor: string;
  action: string;
  tag_id: number | null;
  tag_name: string;
  /** JSON of the tag's state before and after. */
  before: string;
  after: string;
  created_at: Timestamp;
}

export interface JobsTable {
  id: Generated<number>;
  kind: string;
  /** JSON text. */
  payload: string;
  /** Set by `enqueue(…, { unique })`: one queued job per kind and key. */
  unique_key: string | null;
  status: ColumnType<JobStatus, JobStatus | undefined, JobStatus>;
  /** Higher runs first. */
  priority: Counter;
  /** Not claimed before this time (retries wait here with their backoff). */
  run_at: Timestamp;
  /** Claims so far, including the running one. */
  attempts: Counter;
  max_attempts: Counter;
  /** The worker that claimed it (host:pid:random); null unless running. */
  locked_by: string | null;
  locked_at: Timestamp | null;
  /** The running worker's last sign of life; older than the stale limit means it crashed. */
  heartbeat_at: Timestamp | null;
  progress: Counter;
  total: number | null;
  last_error: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  finished_at: Timestamp | null;
}

/** Written by triggers (migration 006, change-triggers.ts); read by src/search/change-feed.ts. */
export interface WorkChangesTable {
  seq: Generated<number>;
  work_id: number;
  /** 'hits' since migration 013 (hits alone changed); see 006-work-changes.ts for the others. */
  kind: 'content' | 'tags' | 'creators' | 'stats' | 'hits';
  changed_at: Timestamp;
}

/** A reader's muted tags (migration 008): works whose filter set holds one are hidden for them. */
export interface MutedTagsTable {
  user_id: number;
  tag_id: number;
  created_at: Timestamp;
}

/** A reader's muted creators (AO3's muted users). */
export interface MutedUsersTable {
  user_id: number;
  muted_user_id: number;
  created_at: Timestamp;
}

export interface SavedSearchesTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  /** The canonical listing query string, without "?". */
  query: string;
  created_at: Timestamp;
}

/** A reader's bookmark of a work (migration 011); one per reader and work. */
export interface BookmarksTable {
  id: Generated<number>;
  user_id: number;
  work_id: number;
  /** Sanitized HTML. */
  notes: ColumnType<string, string | undefined, string>;
  private: GeneratedBool;
  rec: GeneratedBool;
  sanitizer_version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** The bookmarker's own tags: free names, never wrangled. */
export interface BookmarkTagsTable {
  bookmark_id: number;
  name: string;
  name_key: string;
  position: number;
}

export type SubscriptionKind = 'work' | 'creator' | 'series';

/** Exactly one of work_id, creator_id, series_id is set, the one `kind` names. */
export interface SubscriptionsTable {
  id: Generated<number>;
  user_id: number;
  kind: SubscriptionKind;
  work_id: number | null;
  creator_id: number | null;
  series_id: number | null;
  created_at: Timestamp;
}

/** An inbox item: a new chapter (chapter_id set) or a new work a subscription asked about, or (kind, comment_id) a comment event. */
export interface NotificationsTable {
  id: Generated<number>;
  user_id: number;
  reason: SubscriptionKind;
  work_id: number;
  chapter_id: number | null;
  series_id: number | null;
  /** "work:ID" or "chapter:ID"; unique per user. */
  event_key: string;
  created_at: Timestamp;
  read_at: Timestamp | null;
  /** An email still owed: at once, or in the next daily digest. */
  email_due: 'now' | 'digest' | null;
  emailed_at: Timestamp | null;
  /** Migration 012: what it is about ('posting' for the subscriptions' rows); comment rows keep reason 'work'. */
  kind: ColumnType<NotificationKind, NotificationKind | undefined, NotificationKind>;
  /** The comment a comment notification is about. */
  comment_id: ColumnType<number | null, number | null | undefined, number | null>;
}

/** A new work or chapter from a subscription, or a comment event (services/comments/notify.ts). */
export type NotificationKind = 'posting' | 'comment' | 'held-comment' | 'reply';

/** The reading history and the "Mark for Later" list (AO3's readings). */
export interface ReadingsTable {
  user_id: number;
  work_id: number;
  chapter_id: number | null;
  last_visited_at: Timestamp | null;
  visit_count: Counter;
  marked_for_later_at: Timestamp | null;
}

export interface ReaderPreferencesTable {
  user_id: number;
  notification_email: ColumnType<'immediately' | 'digest' | 'never', 'immediately' | 'digest' | 'never' | undefined, 'immediately' | 'digest' | 'never'>;
  history_enabled: GeneratedBool;
  updated_at: Timestamp;
}

/** Kudos (migration 009): a user's kudos name the user; a guest's hold a keyed hash, never an address. */
export interface KudosTable {
  id: Generated<number>;
  work_id: number;
  /** Null for guests, and for accounts deleted since. */
  user_id: number | null;
  /** HMAC of the work and the guest's address under a server secret; null for users. */
  guest_key: string | null;
  created_at: Timestamp;
}

/** Today's counted visitors per work, as hashes under the day's salt; earlier days are deleted. */
export interface WorkHitVisitorsTable {
  /** UTC day, YYYY-MM-DD. */
  day: string;
  work_id: number;
  visitor: string;
}

/** Per work and UTC day: what was added (net), for the creators' stats charts. */
export interface WorkDailyStatsTable {
  work_id: number;
  day: string;
  hits: Counter;
  kudos: Counter;
  comments: Counter;
  bookmarks: Counter;
  subscriptions: Counter;
}

/** A comment on a chapter (migration 010); replies hang under their parent, up to five levels. */
export interface CommentsTable {
  id: Generated<number>;
  work_id: number;
  chapter_id: number;
  parent_id: number | null;
  /** The root comment's id (a root's own). */
  thread_id: number | null;
  depth: number;
  /** The comment answered, when the reply hangs beside it at the deepest level. */
  reply_to_id: number | null;
  user_id: number | null;
  pseud_id: number | null;
  guest_name: string | null;
  guest_email: string | null;
  /** "u:ID" or "g:email": the author, for duplicate checks. */
  author_key: string;
  /** Sanitized HTML. */
  body: string;
  sanitizer_version: number;
  /** published | held (awaiting the creator's approval) */
  status: string;
  hidden: GeneratedBool;
  frozen: GeneratedBool;
  deleted_at: Timestamp | null;
  edited_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Users a user has blocked (AO3's blocked users): no comments on their works, no replies to them. */
export interface BlockedUsersTable {
  user_id: number;
  blocked_user_id: number;
  created_at: Timestamp;
}

export interface Database {
  users: UsersTable;
  user_roles: UserRolesTable;
  pseuds: PseudsTable;
  works: WorksTable;
  chapters: ChaptersTable;
  work_creatorships: WorkCreatorshipsTable;
  series: SeriesTable;
  series_creatorships: SeriesCreatorshipsTable;
  serial_works: SerialWorksTable;
  tags: TagsTable;
  tag_parents: TagParentsTable;
  meta_taggings: MetaTaggingsTable;
  work_tags: WorkTagsTable;
  work_filters: WorkFiltersTable;
  settings: SettingsTable;
  sessions: SessionsTable;
  password_resets: PasswordResetsTable;
  invitations: InvitationsTable;
  invite_requests: InviteRequestsTable;
  api_tokens: ApiTokensTable;
  rate_limits: RateLimitsTable;
  jobs: JobsTable;
  wrangling_audit: WranglingAuditTable;
  work_changes: WorkChangesTable;
  muted_tags: MutedTagsTable;
  muted_users: MutedUsersTable;
  saved_searches: SavedSearchesTable;
  kudos: KudosTable;
  work_hit_visitors: WorkHitVisitorsTable;
  work_daily_stats: WorkDailyStatsTable;
  bookmarks: BookmarksTable;
  bookmark_tags: BookmarkTagsTable;
  subscriptions: SubscriptionsTable;
  notifications: NotificationsTable;
  readings: ReadingsTable;
  reader_preferences: ReaderPreferencesTable;
  comments: CommentsTable;
  blocked_users: BlockedUsersTable;
}
