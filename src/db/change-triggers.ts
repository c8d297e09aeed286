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
