// The triggers that fill `work_changes` (migration 006). Kept apart from the migration because
// bulk loaders (bench/corpus) drop them while writing millions of rows and create them again
// afterwards, then let consumers rebuild from scratch.
import type { DialectName } from './connect.ts';

/** Work columns that readers of listings or of the full-text index care about. */
const CONTENT_COLUMNS = [
  'title', 'summary', 'notes', 'end_notes', 'language', 'restricted', 'anonymous', 'complete', 'expected_chapters',
  'posted', 'hidden_by_admin', 'crossover', 'word_count', 'chapter_count', 'posted_at', 'revised_at',
].join(', ');
const STATS_COLUMNS = 'hits, kudos_count, comments_count, bookmarks_count';

/** Child tables that hold a `work_id`, with the kind of change a row change means. */
const CHILD_TABLES: Array<{ table: string; kind: string }> = [
  { table: 'chapters', kind: 'content' },
  { table: 'work_tags', kind: 'tags' },
  { table: 'work_filters', kind: 'tags' },
  { table: 'work_creatorships', kind: 'creators' },
];

const SQLITE_NOW = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;

function sqliteStatements(): string[] {
  const log = (workId: string, kind: string) => `insert into work_changes (work_id, kind, changed_at) values (${workId}, '${kind}', ${SQLITE_NOW})`;
  const statements = [
    `create trigger work_changes_works_insert after insert on works begin ${log('NEW.id', 'content')}; end`,
    `create trigger work_changes_works_update after update of ${CONTENT_COLUMNS} on works begin ${log('NEW.id', 'content')}; end`,
    `create trigger work_changes_works_stats after update of ${STATS_COLUMNS} on works begin ${log('NEW.id', 'stats')}; end`,
    `create trigger work_changes_works_delete after delete on works begin ${log('OLD.id', 'content')}; end`,
    `create trigger work_changes_pseud_renamed after update of name on pseuds when OLD.name is not NEW.name begin
       insert into work_changes (work_id, kind, changed_at) select work_id, 'creators', ${SQLITE_NOW} from work_creatorships where pseud_id = NEW.id; end`,
  ];
  for (const { table, kind } of CHILD_TABLES) {
    statements.push(
      `create trigger work_changes_${table}_insert after insert on ${table} begin ${log('NEW.work_id', kind)}; end`,
      `create trigger work_changes_${table}_delete after delete on ${table} begin ${log('OLD.work_id', kind)}; end`,
    );
    if (table === 'chapters' || table === 'work_creatorships') {
      statements.push(`create trigger work_changes_${table}_update after update on ${table} begin ${log('NEW.work_id', kind)}; end`);
    }
  }
  return statements;
}

function postgresStatements(): string[] {
  const statements = [
    // TG_ARGV[0] is the kind. Works log their own id, child tables their work_id.
    `create function work_changes_log_work() returns trigger language plpgsql as $$
     begin
       insert into work_changes (work_id, kind, changed_at) values (case when TG_OP = 'DELETE' then OLD.id else NEW.id end, TG_ARGV[0], now());
       return null;
     end $$`,
    `create function work_changes_log_child() returns trigger language plpgsql as $$
     begin
       insert into work_changes (work_id, kind, changed_at) values (case when TG_OP = 'DELETE' then OLD.work_id else NEW.work_id end, TG_ARGV[0], now());
       return null;
     end $$`,
    `create function work_changes_pseud_renamed() returns trigger language plpgsql as $$
     begin
       if OLD.name is distinct from NEW.name then
         insert into work_changes (work_id, kind, changed_at) select work_id, 'creators', now() from work_creatorships where pseud_id = NEW.id;
       end if;
       return null;
     end $$`,
    `create trigger work_changes_works_insert after insert or delete on works for each row execute function work_changes_log_work('content')`,
    `create trigger work_changes_works_update after update of ${CONTENT_COLUMNS} on works for each row execute function work_changes_log_work('content')`,
    `create trigger work_changes_works_stats after update of ${STATS_COLUMNS} on works for each row execute function work_changes_log_work('stats')`,
    `create trigger work_changes_pseud_renamed after update of name on pseuds for each row execute function work_changes_pseud_renamed()`,
  ];
  for (const { table, kind } of CHILD_TABLES) {
    const events = table === 'chapters' || table === 'work_creatorships' ? 'insert or update or delete' : 'insert or delete';
    statements.push(`create trigger work_changes_${table} after ${events} on ${table} for each row execute function work_changes_log_child('${kind}')`);
  }
  return statements;
}

export function changeTriggerStatements(dialect: DialectName): string[] {
  return dialect === 'postgres' ? postgresStatements() : sqliteStatements();
}

// Migration 013: what a work page shows besides the work itself — its comments, and its series
// (title, and the neighbours the page links to) — is logged too, as 'stats' (no index reads it),
// so the guest page cache (src/http/page-cache.ts) drops the pages it changes. A series change
// logs every work of the series, since each one's page names the series and links its neighbours.
// And a hit alone is logged as 'hits' rather than 'stats': the discovery index still re-reads the
// counters, but the page cache lets a page's hit count lag until the page expires instead of
// dropping a popular work's page at every new visitor (the 006 stats trigger is replaced).
const COUNTER_COLUMNS = 'kudos_count, comments_count, bookmarks_count';
const SERIES_WORKS = (seriesId: string) => `select work_id, 'stats', NOW_ from serial_works where series_id = ${seriesId}`;

function sqlitePageStatements(): string[] {
  const log = (workId: string) => `insert into work_changes (work_id, kind, changed_at) values (${workId}, 'stats', ${SQLITE_NOW})`;
  const series = (seriesId: string) => `insert into work_changes (work_id, kind, changed_at) ${SERIES_WORKS(seriesId).replace('NOW_', SQLITE_NOW)}`;
  return [
    'drop trigger if exists work_changes_works_stats',
    `create trigger work_changes_works_counters after update of ${COUNTER_COLUMNS} on works begin ${log('NEW.id')}; end`,
    `create trigger work_changes_works_hits after update of hits on works when OLD.hits is not NEW.hits
       and OLD.kudos_count is NEW.kudos_count and OLD.comments_count is NEW.comments_count and OLD.bookmarks_count is NEW.bookmarks_count
       begin insert into work_changes (work_id, kind, changed_at) values (NEW.id, 'hits', ${SQLITE_NOW}); end`,
    `create trigger work_changes_comments_insert after insert on comments begin ${log('NEW.work_id')}; end`,
    `create trigger work_changes_comments_update after update on comments begin ${log('NEW.work_id')}; end`,
    `create trigger work_changes_comments_delete after delete on comments begin ${log('OLD.work_id')}; end`,
    `create trigger work_changes_serial_works_insert after insert on serial_works begin ${series('NEW.series_id')}; end`,
    `create trigger work_changes_serial_works_update after update on serial_works begin ${series('NEW.series_id')}; end`,
    // The removed work is no longer in the series: it is logged on its own.
    `create trigger work_changes_serial_works_delete after delete on serial_works begin ${log('OLD.work_id')}; ${series('OLD.series_id')}; end`,
    `create trigger work_changes_series_update after update on series begin ${series('NEW.id')}; end`,
  ];
}

function postgresPageStatements(): string[] {
  // Two functions: PL/pgSQL plans NEW.series_id even in a branch not taken, and a `series` row has none.
  return [
    `create function work_changes_log_serial_work() returns trigger language plpgsql as $$
     begin
       if TG_OP = 'DELETE' then
         insert into work_changes (work_id, kind, changed_at) values (OLD.work_id, 'stats', now());
         insert into work_changes (work_id, kind, changed_at) ${SERIES_WORKS('OLD.series_id').replace('NOW_', 'now()')};
       else
         insert into work_changes (work_id, kind, changed_at) ${SERIES_WORKS('NEW.series_id').replace('NOW_', 'now()')};
       end if;
       return null;
     end $$`,
    `create function work_changes_log_series() returns trigger language plpgsql as $$
     begin
       insert into work_changes (work_id, kind, changed_at) ${SERIES_WORKS('NEW.id').replace('NOW_', 'now()')};
       return null;
     end $$`,
    'drop trigger if exists work_changes_works_stats on works',
    `create trigger work_changes_works_counters after update of ${COUNTER_COLUMNS} on works for each row execute function work_changes_log_work('stats')`,
    `create trigger work_changes_works_hits after update of hits on works for each row
       when (OLD.hits is distinct from NEW.hits and OLD.kudos_count = NEW.kudos_count and OLD.comments_count = NEW.comments_count and OLD.bookmarks_count = NEW.bookmarks_count)
       execute function work_changes_log_work('hits')`,
    `create trigger work_changes_comments after insert or update or delete on comments for each row execute function work_changes_log_child('stats')`,
    `create trigger work_changes_serial_works after insert or update or delete on serial_works for each row execute function work_changes_log_serial_work()`,
    `create trigger work_changes_series after update on series for each row execute function work_changes_log_series()`,
  ];
}

/** The page-content triggers of migration 013 (comments and series). */
export function pageChangeTriggerStatements(dialect: DialectName): string[] {
  return dialect === 'postgres' ? postgresPageStatements() : sqlitePageStatements();
}

export function dropPageChangeTriggerStatements(dialect: DialectName): string[] {
  if (dialect === 'postgres') {
    return [
      ...['works_counters on works', 'works_hits on works', 'comments on comments', 'serial_works on serial_works', 'series on series'].map((t) => `drop trigger if exists work_changes_${t}`),
      'drop function if exists work_changes_log_serial_work()',
      'drop function if exists work_changes_log_series()',
    ];
  }
  return ['works_counters', 'works_hits', 'comments_insert', 'comments_update', 'comments_delete', 'serial_works_insert', 'serial_works_update', 'serial_works_delete', 'series_update'].map(
    (n) => `drop trigger if exists work_changes_${n}`,
  );
}

export function dropChangeTriggerStatements(dialect: DialectName): string[] {
  if (dialect === 'postgres') {
    const triggers = [
      'work_changes_works_insert on works', 'work_changes_works_update on works', 'work_changes_works_stats on works',
      'work_changes_pseud_renamed on pseuds', ...CHILD_TABLES.map(({ table }) => `work_changes_${table} on ${table}`),
    ];
    return [
      ...triggers.map((t) => `drop trigger if exists ${t}`),
      ...['work_changes_log_work', 'work_changes_log_child', 'work_changes_pseud_renamed'].map((f) => `drop function if exists ${f}()`),
    ];
  }
  const names = ['works_insert', 'works_update', 'works_stats', 'works_delete', 'pseud_renamed'];
  for (const { table } of CHILD_TABLES) names.push(`${table}_insert`, `${table}_delete`, `${table}_update`);
  return names.map((n) => `drop trigger if exists work_changes_${n}`);
}
