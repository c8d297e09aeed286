// The tag autocomplete's search keys (tag-search.repo.ts, domain/tag-search.ts): one row per word
// of each tag name holding the folded rest of the name from that word on, keyed so that every
// autocomplete question is an index range scan that stops after a few rows:
//
//   (fandom_id, type, tier, words, tag_id)
//
// fandom_id is 0 for the rows of every tag, and a fandom's id for the copies of its children's
// rows (tag_parents with a fandom parent), so "characters of this fandom" is as cheap as "all
// characters". tier is canonical-first ranking (domain searchTier). `words` is compared in code
// point order — SQLite's BINARY collation, and COLLATE "C" on PostgreSQL, whose default
// collation would otherwise order the index by locale rules that prefix ranges cannot use.
//
// The folded words come from JavaScript (Unicode folding), so rows are written by the code that
// creates tags (tags.repo.ts → indexTagSearch). What SQL can keep up to date itself is kept up to
// date by triggers, so wrangling code need not know about this table: a tag's canonical flag or
// type changing moves its rows to the right tier, a fandom parent added or removed copies or drops
// the child's rows, and deleting a tag cascades.
import { sql, type Kysely } from 'kysely';
import type { MigrationContext } from './types.ts';
import { searchKeys, searchTier } from '../../domain/tag-search.ts';

const BATCH = 1000;

export async function up(db: Kysely<unknown>, ctx: MigrationContext): Promise<void> {
  const postgres = ctx.caps.dialect === 'postgres';

  await db.schema
    .createTable('tag_words')
    .addColumn('fandom_id', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('tier', 'integer', (c) => c.notNull())
    .addColumn('words', postgres ? sql`text collate "C"` : 'text', (c) => c.notNull())
    .addColumn('tag_id', 'integer', (c) => c.notNull().references('tags.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('tag_words_pk', ['fandom_id', 'type', 'tier', 'words', 'tag_id'])
    // On SQLite the primary key is the table: one B-tree instead of a table plus an index.
    .$call((t) => (postgres ? t : t.modifyEnd(sql`without rowid`)))
    .execute();
  // For rewriting one tag's rows and for the triggers below.
  await db.schema.createIndex('tag_words_tag').on('tag_words').columns(['tag_id', 'fandom_id']).execute();

  // Backfill the tags that already exist, in batches so a large archive never holds them all.
  let after = 0;
  for (;;) {
    const tags = (await db
      .selectFrom('tags' as never)
      .select(['id', 'name', 'type', 'canonical'] as never)
      .where('id' as never, '>', after as never)
      .orderBy('id' as never)
      .limit(BATCH)
      .execute()) as Array<{ id: number; name: string; type: string; canonical: unknown }>;
    if (tags.length === 0) break;
    after = tags[tags.length - 1]!.id;
    const rows = tags.flatMap((tag) =>
      searchKeys(tag.name).map((k) => ({
        fandom_id: 0,
        type: tag.type,
        tier: searchTier(tag.canonical === true || tag.canonical === 1, k.first),
        words: k.key,
        tag_id: tag.id,
      })),
    );
    for (let i = 0; i < rows.length; i += BATCH) {
      await db.insertInto('tag_words' as never).values(rows.slice(i, i + BATCH) as never).execute();
    }
  }
  await sql`insert into tag_words (fandom_id, type, tier, words, tag_id)
    select p.parent_id, w.type, w.tier, w.words, w.tag_id
    from tag_parents p
    join tags f on f.id = p.parent_id and f.type = 'fandom'
    join tag_words w on w.tag_id = p.child_id and w.fandom_id = 0`.execute(db);

  for (const statement of postgres ? POSTGRES_TRIGGERS : SQLITE_TRIGGERS) await sql.raw(statement).execute(db);
}

// Copies a child's own rows (fandom_id 0) under a fandom parent.
// Both ignore rows already there (the same key can be copied twice if a parent link is re-added).
type Dialect = 'sqlite' | 'postgres';
const insertInto = (dialect: Dialect) => `insert ${dialect === 'sqlite' ? 'or ignore ' : ''}into tag_words (fandom_id, type, tier, words, tag_id)`;
const onConflict = (dialect: Dialect) => (dialect === 'postgres' ? 'on conflict do nothing' : '');
const copyUnder = (fandom: string, child: string, dialect: Dialect) =>
  `${insertInto(dialect)}
     select ${fandom}, w.type, w.tier, w.words, w.tag_id from tag_words w where w.tag_id = ${child} and w.fandom_id = 0
     ${onConflict(dialect)}`;
// Copies all children's own rows under a tag that has just become a fandom.
const copyChildrenUnder = (fandom: string, dialect: Dialect) =>
  `${insertInto(dialect)}
     select ${fandom}, w.type, w.tier, w.words, w.tag_id from tag_parents p join tag_words w on w.tag_id = p.child_id and w.fandom_id = 0
     where p.parent_id = ${fandom}
     ${onConflict(dialect)}`;
const RETIER = `update tag_words set type = NEW.type, tier = (case when NEW.canonical then 0 else 2 end) + tier % 2 where tag_id = NEW.id`;

const SQLITE_TRIGGERS = [
  `create trigger tag_words_retier after update of canonical, type on tags
   for each row when OLD.canonical is not NEW.canonical or OLD.type is not NEW.type
   begin ${RETIER}; end`,
  `create trigger tag_words_fandom_retyped_from after update of type on tags
   for each row when OLD.type = 'fandom' and NEW.type <> 'fandom'
   begin delete from tag_words where fandom_id = NEW.id; end`,
  `create trigger tag_words_fandom_retyped_to after update of type on tags
   for each row when NEW.type = 'fandom' and OLD.type <> 'fandom'
   begin ${copyChildrenUnder('NEW.id', 'sqlite')}; end`,
  `create trigger tag_words_parent_added after insert on tag_parents
   for each row when (select type from tags where id = NEW.parent_id) = 'fandom'
   begin ${copyUnder('NEW.parent_id', 'NEW.child_id', 'sqlite')}; end`,
  `create trigger tag_words_parent_removed after delete on tag_parents
   for each row begin delete from tag_words where tag_id = OLD.child_id and fandom_id = OLD.parent_id; end`,
];

const POSTGRES_TRIGGERS = [
  `create function tag_words_tag_changed() returns trigger language plpgsql as $$
   begin
     if OLD.canonical is distinct from NEW.canonical or OLD.type is distinct from NEW.type then
       ${RETIER};
     end if;
     if OLD.type = 'fandom' and NEW.type <> 'fandom' then
       delete from tag_words where fandom_id = NEW.id;
     elsif NEW.type = 'fandom' and OLD.type <> 'fandom' then
       ${copyChildrenUnder('NEW.id', 'postgres')};
     end if;
     return null;
   end $$`,
  `create trigger tag_words_tag_changed after update of canonical, type on tags
   for each row execute function tag_words_tag_changed()`,
  `create function tag_words_parent_added() returns trigger language plpgsql as $$
   begin
     if (select type from tags where id = NEW.parent_id) = 'fandom' then
       ${copyUnder('NEW.parent_id', 'NEW.child_id', 'postgres')};
     end if;
     return null;
   end $$`,
  `create trigger tag_words_parent_added after insert on tag_parents
   for each row execute function tag_words_parent_added()`,
  `create function tag_words_parent_removed() returns trigger language plpgsql as $$
   begin
     delete from tag_words where tag_id = OLD.child_id and fandom_id = OLD.parent_id;
     return null;
   end $$`,
  `create trigger tag_words_parent_removed after delete on tag_parents
   for each row execute function tag_words_parent_removed()`,
];

export async function down(db: Kysely<unknown>, ctx: MigrationContext): Promise<void> {
  if (ctx.caps.dialect === 'postgres') {
    await sql.raw('drop trigger if exists tag_words_tag_changed on tags').execute(db);
    await sql.raw('drop trigger if exists tag_words_parent_added on tag_parents').execute(db);
    await sql.raw('drop trigger if exists tag_words_parent_removed on tag_parents').execute(db);
    for (const fn of ['tag_words_tag_changed', 'tag_words_parent_added', 'tag_words_parent_removed']) await sql.raw(`drop function if exists ${fn}()`).execute(db);
  } else {
    for (const name of ['tag_words_retier', 'tag_words_fandom_retyped_from', 'tag_words_fandom_retyped_to', 'tag_words_parent_added', 'tag_words_parent_removed']) {
      await sql.raw(`drop trigger if exists ${name}`).execute(db);
    }
  }
  await db.schema.dropTable('tag_words').execute();
}
