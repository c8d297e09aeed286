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
  kind: 'content' | 'tags' | 'creators' | 'stats';
  changed_at: Timestamp;
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
}
