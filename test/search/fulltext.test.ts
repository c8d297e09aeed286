// Full-text search (issue 5) on both databases: one behaviour suite for SQLite FTS5 and PostgreSQL
// tsvector/GIN. Queries are SearchExpr values built by hand (the parser has its own tests); each
// test uses its own invented words so the shared corpus cannot blur what it checks.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { DIALECTS, createTestStore, skipUnless, type TestStore } from '../support/stores.ts';
import { contextFor, makeWork, type MadeWork } from '../support/factories.ts';
import { searchWords } from '../../src/domain/tag-search.ts';
import type { SearchExpr, SearchField, SearchTerm } from '../../src/domain/search-syntax.ts';
import type { SearchProvider, TextScores } from '../../src/search/types.ts';
import { searchProviderFor } from '../../src/search/fulltext/index.ts';
import { pendingWorkIds } from '../../src/search/fulltext/index-sync.ts';
import { FulltextProvider, MATCH_LIMITS } from '../../src/search/fulltext/provider.ts';
import { postgresTsvector } from '../../src/search/fulltext/postgres-tsvector.ts';
import { sqliteFts5 } from '../../src/search/fulltext/sqlite-fts5.ts';
import { SYNC_BUDGET } from '../../src/search/fulltext/index-sync.ts';
import { insertChapter } from '../../src/db/repos/chapters.repo.ts';
import { setHiddenByAdmin } from '../../src/db/repos/moderation.repo.ts';
import { setChangeLogging } from '../../src/db/repos/work-changes.repo.ts';
import { deleteWorkIn } from '../../src/services/works/remove.ts';

function term(text: string, field?: SearchField): SearchTerm {
  const tokens = searchWords(text);
  return { kind: 'term', tokens, phrase: tokens.length > 1, ...(field ? { field } : {}), source: text };
}
/** Every term required. */
const all = (...terms: SearchTerm[]): SearchExpr => ({ all: terms.map((t) => [t]), none: [] });
const words = (...texts: string[]): SearchExpr => all(...texts.map((t) => term(t)));

const NOW = '2026-11-21T12:00:00.000Z';
const chapter = (html: string, title = '') => ({ title, content: html, summary: '', notes: '', endNotes: '', wordCount: 3 });

for (const dialect of DIALECTS) {
  describe(`[${dialect}] full-text search`, { skip: await skipUnless(dialect) }, () => {
    let store: TestStore;
    let search: SearchProvider;
    const ids = async (expr: SearchExpr) => [...(await search.match(expr)).keys()].sort((a, b) => a - b);
    let fields: MadeWork;
    let brassKettle: MadeWork;
    let copperKettle: MadeWork;
    let lanternAlone: MadeWork;

    before(async () => {
      store = await createTestStore(dialect);
      search = searchProviderFor(store.db, store.caps);
      const ctx = contextFor(store);
      fields = await makeWork(ctx, {
        title: 'Moonwhistle Harbor',
        summaryHtml: '<p>A grapefruit orchard by the sea.</p>',
        notesHtml: '<p>Inspired by a quokka sighting.</p>',
        freeforms: ['Marzipan Festival'],
        creator: 'Thistlewood',
        chapters: [{ html: '<p>The lanternfish glowed.</p>' }],
      });
      copperKettle = await makeWork(ctx, { title: 'Tinware One', chapters: [{ html: '<p>A brass lantern and a copper kettle.</p>' }] });
      brassKettle = await makeWork(ctx, { title: 'Tinware Two', chapters: [{ html: '<p>A copper lantern and a brass kettle.</p>' }] });
      lanternAlone = await makeWork(ctx, { title: 'Tinware Three', chapters: [{ html: '<p>A brass lantern, alone.</p>' }] });
    });
    after(async () => store?.destroy());

    it('searches every field, and a field prefix limits a term to its field', async () => {
      const cases: Array<[string, SearchField]> = [
        ['moonwhistle', 'title'], ['grapefruit', 'summary'], ['quokka', 'notes'], ['marzipan', 'tag'], ['thistlewood', 'creator'], ['lanternfish', 'body'],
      ];
      for (const [word, field] of cases) {
        assert.deepEqual(await ids(words(word)), [fields.id], `${word} without a prefix`);
        assert.deepEqual(await ids(all(term(word, field))), [fields.id], `${field}:${word}`);
        const other: SearchField = field === 'body' ? 'title' : 'body';
        assert.deepEqual(await ids(all(term(word, other))), [], `${other}:${word} finds nothing`);
      }
      assert.deepEqual(await ids(all(term('marzipan festival', 'tag'))), [fields.id], 'a phrase within a field');
    });

    it('knows which works have changes not yet applied, so searches can leave them out', async () => {
      await search.sync();
      assert.equal((await pendingWorkIds(store.db)).size, 0);
      await store.db.updateTable('works').set({ hits: 99 }).where('id', '=', lanternAlone.id).execute();
      assert.equal((await pendingWorkIds(store.db)).size, 0, 'counter changes do not touch the text');
      await store.db.updateTable('works').set({ anonymous: true }).where('id', '=', fields.id).execute();
      assert.deepEqual([...(await pendingWorkIds(store.db))], [fields.id]);
      await store.db.updateTable('works').set({ anonymous: false }).where('id', '=', fields.id).execute();
      await search.sync();
      assert.equal((await pendingWorkIds(store.db)).size, 0);
    });

    it('tells phrases from words', async () => {
      assert.deepEqual(await ids(words('brass', 'kettle')), [copperKettle.id, brassKettle.id]);
      assert.deepEqual(await ids(all(term('brass kettle'))), [brassKettle.id]);
      assert.deepEqual(await ids(all(term('copper kettle'))), [copperKettle.id]);
      assert.deepEqual(await ids(all(term('kettle brass'))), [], 'order matters in a phrase');
    });

    it('excludes words and phrases', async () => {
      assert.deepEqual(await ids({ all: [[term('lantern')], [term('brass')]], none: [term('kettle')] }), [lanternAlone.id]);
      assert.deepEqual(await ids({ all: [[term('lantern')]], none: [term('brass kettle')] }), [copperKettle.id, lanternAlone.id]);
      assert.deepEqual(await ids({ all: [], none: [term('lantern')] }), [], 'nothing positive to look for');
    });

    it('matches either side of OR', async () => {
      assert.deepEqual(await ids({ all: [[term('quokka'), term('alone')]], none: [] }), [fields.id, lanternAlone.id]);
      assert.deepEqual(await ids({ all: [[term('quokka'), term('alone')], [term('brass')]], none: [] }), [lanternAlone.id]);
      assert.deepEqual(await ids({ all: [[term('moonwhistle', 'body'), term('moonwhistle', 'title')]], none: [] }), [fields.id]);
    });

    it('stems English words, and folds case and diacritics on both sides', async () => {
      const work = await makeWork(contextFor(store), {
        title: 'Crème Brûlée at the NAÏVE Café',
        chapters: [{ html: '<p>Two DRAGONS were running; the ponies watched.</p>' }],
      });
      for (const q of ['dragon', 'Dragons', 'run', 'runs', 'pony', 'creme brulee', 'CRÈME', 'naive cafe', 'Naïve']) {
        assert.deepEqual(await ids(words(...q.split(' '))), [work.id], q);
      }
      assert.deepEqual(await ids(all(term('dragon run'))), [], 'stems do not make a phrase of non-adjacent words');
      assert.deepEqual(await ids(all(term('dragons were running'))), [work.id]);
    });

    it('finds CJK text by any substring, and not by scattered characters', async () => {
      const work = await makeWork(contextFor(store), { title: '鬼滅の刃', chapters: [{ html: '<p>竈門炭治郎は山で暮らしていた。</p>' }] });
      for (const q of ['滅', '鬼滅', '滅の刃', '炭治', '治郎は山']) assert.deepEqual(await ids(all(term(q))), [work.id], q);
      assert.deepEqual(await ids(all(term('郎炭'))), [], 'characters out of order');
      assert.deepEqual(await ids(all(term('鬼刃'))), [], 'characters apart');
    });

    it('ranks a title match above a chapter-text match', async () => {
      const inText = await makeWork(contextFor(store), { title: 'Harbour Lights', chapters: [{ html: '<p>They sailed to Zanzibar, and Zanzibar was warm. Zanzibar!</p>' }] });
      const inTitle = await makeWork(contextFor(store), { title: 'Zanzibar Nights', chapters: [{ html: '<p>A long night by the water, with nothing much happening at all.</p>' }] });
      const matches = await search.match(words('zanzibar'));
      const score = (id: number) => matches.get(id) ?? Number.NaN;
      assert.equal(matches.size, 2);
      assert.ok(score(inTitle.id) > score(inText.id), `title ${score(inTitle.id)} > text ${score(inText.id)}`);
      const tagged = await makeWork(contextFor(store), { title: 'Quiet', freeforms: ['Xylophone'], chapters: [{ html: '<p>xylophone</p>' }] });
      const bodyOnly = await makeWork(contextFor(store), { title: 'Loud', chapters: [{ html: '<p>xylophone</p>' }] });
      const x = await search.match(words('xylophone'));
      assert.ok(x.get(tagged.id)! > x.get(bodyOnly.id)!, 'a tag match ranks above a text match');
    });

    it('takes snippets from the matching chapter, highlighted and escaped', async () => {
      const work = await makeWork(contextFor(store), {
        title: 'Wyvern Weather',
        summaryHtml: '<p>Of <b>storms</b> and the gazebo.</p>',
        chapters: [
          { title: 'Calm', html: '<p>Nothing happens here at all.</p>' },
          { title: 'Storm', html: '<p>Many Wyverns flew over the Silver Lake, shouting &lt;script&gt;alert(1)&lt;/script&gt; at the wind.</p>' },
        ],
      });
      const chapters = await store.db.selectFrom('chapters').select(['id', 'position']).where('work_id', '=', work.id).orderBy('position').execute();
      const snippets = await search.snippets(all(term('wyvern'), term('silver lake')), [work.id]);
      const snippet = snippets.get(work.id);
      assert.ok(snippet);
      assert.equal(snippet.chapterId, chapters[1]!.id);
      assert.equal(snippet.chapterPosition, 2);
      assert.match(snippet.html, /<mark>Wyverns<\/mark> flew over the <mark>Silver Lake<\/mark>/);
      assert.match(snippet.html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
      assert.doesNotMatch(snippet.html.replace(/<\/?mark>/g, ''), /[<>]/, 'no markup but <mark>');

      const fromSummary = (await search.snippets(words('gazebo'), [work.id])).get(work.id);
      assert.deepEqual(fromSummary, { chapterId: 0, chapterPosition: 0, html: 'Of storms and the <mark>gazebo</mark>.' });
      const titleOnly = (await search.snippets(words('weather'), [work.id])).get(work.id);
      assert.equal(titleOnly?.html, 'Of storms and the gazebo.', 'a title match shows the summary');
    });

    it('reads on to a match deep in a long work, and stops where the chapter text cannot match', async () => {
      const filler = `<p>${'Nothing much happens in this part of the story. '.repeat(1_500)}</p>`;
      const deep = await makeWork(contextFor(store), { title: 'Deep Quince', chapters: [{ html: filler }, { html: filler }, { html: '<p>At last the quince ripened.</p>' }] });
      const snippet = (await search.snippets(words('quince'), [deep.id])).get(deep.id);
      assert.equal(snippet?.chapterPosition, 3, 'found past the first round of reading');
      assert.match(snippet.html, /At last the <mark>quince<\/mark> ripened\./);

      const titled = await makeWork(contextFor(store), { title: 'Only Medlar', summaryHtml: '<p>A summary.</p>', chapters: [{ html: filler }, { html: filler }] });
      assert.deepEqual((await search.snippets(words('medlar'), [titled.id])).get(titled.id), { chapterId: 0, chapterPosition: 0, html: 'A summary.' });
      const opening = (await search.snippets(all(term('medlar', 'title')), [(await makeWork(contextFor(store), { title: 'Medlar Two', chapters: [{ html: filler }] })).id]));
      assert.match([...opening.values()][0]!.html, /^Nothing much happens in this part of the story\. .*…$/, 'without a summary: the opening of the first chapter');
    });

    it('never indexes drafts, hidden works or draft chapters, and hides anonymous creators', async () => {
      const ctx = contextFor(store);
      await makeWork(ctx, { title: 'Unposted Gloaming', draft: true, chapters: [{ html: '<p>secret quillwort</p>' }] });
      assert.deepEqual(await ids(words('gloaming')), []);
      assert.deepEqual(await ids(words('quillwort')), []);

      const hidden = await makeWork(ctx, { title: 'Hidden Marmalade' });
      assert.deepEqual(await ids(words('marmalade')), [hidden.id]);
      await setHiddenByAdmin(store.db, hidden.id, true);
      assert.deepEqual(await ids(words('marmalade')), []);
      await setHiddenByAdmin(store.db, hidden.id, false);
      assert.deepEqual(await ids(words('marmalade')), [hidden.id]);

      const partial = await makeWork(ctx, { title: 'Partly Posted' });
      await insertChapter(store.db, partial.id, 2, chapter('<p>an unposted periwinkle</p>'), { posted: false, postedAt: null }, NOW);
      assert.deepEqual(await ids(words('periwinkle')), []);
      assert.equal((await search.snippets(words('periwinkle'), [partial.id])).get(partial.id)?.html.includes('periwinkle'), false);
      await store.db.updateTable('chapters').set({ posted: true }).where('work_id', '=', partial.id).execute();
      assert.deepEqual(await ids(words('periwinkle')), [partial.id]);

      const anon = await makeWork(ctx, { title: 'Nameless Sonnet', anonymous: true, creator: 'Hushwhisper' });
      assert.deepEqual(await ids(words('nameless')), [anon.id]);
      assert.deepEqual(await ids(all(term('hushwhisper', 'creator'))), []);
      assert.deepEqual(await ids(words('hushwhisper')), []);

      const restricted = await makeWork(ctx, { title: 'Members Bramblewick', restricted: true });
      assert.deepEqual(await ids(words('bramblewick')), [restricted.id], 'restricted works are indexed; the caller applies scope');
    });

    it('sees edits, new chapters and deletions at the next search', async () => {
      const work = await makeWork(contextFor(store), { title: 'Old Gooseberry' });
      assert.deepEqual(await ids(words('gooseberry')), [work.id]);
      await store.db.updateTable('works').set({ title: 'New Elderflower' }).where('id', '=', work.id).execute();
      assert.deepEqual(await ids(words('gooseberry')), []);
      assert.deepEqual(await ids(words('elderflower')), [work.id]);

      await insertChapter(store.db, work.id, 2, chapter('<p>the sequel has a pangolin</p>'), { posted: true, postedAt: NOW }, NOW);
      assert.deepEqual(await ids(words('pangolin')), [work.id]);

      await store.db.transaction().execute((trx) => deleteWorkIn(trx, work.id));
      assert.deepEqual(await ids(words('elderflower')), []);
      assert.deepEqual(await ids(words('pangolin')), []);
    });

    it('finds every match however many, scoring in full only as many as the limits allow', async () => {
      const engine = dialect === 'postgres' ? postgresTsvector : sqliteFts5;
      const ctx = contextFor(store);
      const made: number[] = [];
      for (const title of ['Heliotrope', 'Plain', 'Heliotrope Again', 'Plain Too', 'Plain Three']) {
        made.push((await makeWork(ctx, { title, chapters: [{ html: '<p>heliotrope heliotrope</p>' }] })).id);
      }
      const [first, plain, again, plainToo, plainThree] = made as [number, number, number, number, number];
      const sorted = (set: TextScores) => [...set.keys()].sort((a, b) => a - b);
      const tiered = new FulltextProvider(store.db, engine, { ...MATCH_LIMITS, rankLimit: 2, strongMatches: 10, strongLimit: 10 });
      const matches = await tiered.match(words('heliotrope'));
      assert.deepEqual(sorted(matches), made, 'every match, past the ranking limit');
      for (const id of [first, again]) assert.ok(matches.get(id)! > 0, 'a title match is scored by the title');
      for (const id of [plain, plainToo, plainThree]) assert.equal(matches.get(id), 0, 'text-only matches tie');
      const capped = new FulltextProvider(store.db, engine, { ...MATCH_LIMITS, rankLimit: 2, strongMatches: 10, strongLimit: 1 });
      const tied = await capped.match(words('heliotrope'));
      assert.ok(made.every((id) => tied.get(id) === 0), 'too many title matches to score: all tie');

      // Narrowed by the caller's filters to few enough, the matches are scored in full.
      const asked: Array<[number, number]> = [];
      const narrowed = await tiered.match(words('heliotrope'), {
        narrow: async (all, limit) => {
          asked.push([all.size, limit]);
          return [plain, plainThree];
        },
      });
      assert.deepEqual(asked, [[5, 2]]);
      assert.deepEqual(sorted(narrowed), [plain, plainThree], 'only the works that passed the filters');
      for (const id of [plain, plainThree]) assert.ok(narrowed.get(id)! > 0, 'a chapter-text match is scored');
      const wide = await tiered.match(words('heliotrope'), { narrow: async () => null });
      assert.deepEqual(sorted(wide), made, 'too many pass the filters: as without them');
      assert.equal(wide.get(plain), 0);

      const unranked = await search.match(words('heliotrope'), { rank: false });
      assert.deepEqual(sorted(unranked), made);
      assert.ok(made.every((id) => unranked.get(id) === 0), 'no scores unless asked');
    });

    it('tests a phrase of common words in the newest works only, unless another term is rare', async () => {
      const engine = dialect === 'postgres' ? postgresTsvector : sqliteFts5;
      const ctx = contextFor(store);
      const made: number[] = [];
      for (let i = 0; i < 5; i++) made.push((await makeWork(ctx, { title: `Quillon Tessera ${i}`, chapters: [{ html: `<p>tessera quillon, work ${i === 0 ? 'gorgonzola' : i}</p>` }] })).id);
      const bounded = new FulltextProvider(store.db, engine, { ...MATCH_LIMITS, phraseWorks: 2 });
      const phrase = all(term('quillon tessera'));
      const sorted = (set: TextScores) => [...set.keys()].sort((a, b) => a - b);
      const newest = await bounded.match(phrase);
      assert.deepEqual(sorted(newest), made.slice(2), 'among the newest works holding its rarer word');
      assert.ok(made.slice(2).every((id) => newest.get(id) === 0), 'and not scored by it');
      assert.deepEqual(sorted(await bounded.match(all(term('quillon tessera'), term('gorgonzola')))), [made[0]], 'a rare word keeps the search whole');
      const scored = await bounded.match(all(term('quillon tessera'), term('gorgonzola')));
      assert.ok(scored.get(made[0]!)! > 0, 'scored by the other terms');
      assert.deepEqual(sorted(await search.match(phrase)), made, 'within the default bound, every match');
    });

    it('lets several processes sync the same index', async () => {
      const engine = dialect === 'postgres' ? postgresTsvector : sqliteFts5;
      const other = [new FulltextProvider(store.db, engine), new FulltextProvider(store.db, engine)];
      const made = await makeWork(contextFor(store), { title: 'Twin Quasar' });
      const results = await Promise.all([...other, search].map((p) => p.match(words('quasar'))));
      for (const r of results) assert.deepEqual([...r.keys()], [made.id]);
    });

    it('works through a backlog a bounded step at a time', async () => {
      const ctx = contextFor(store);
      await search.sync();
      const made: number[] = [];
      for (let i = 0; i < SYNC_BUDGET + 5; i++) made.push((await makeWork(ctx, { title: `Backlog Nasturtium ${i}` })).id);
      const first = await ids(words('nasturtium'));
      assert.ok(first.length >= SYNC_BUDGET && first.length < made.length, `one step indexes at most ${SYNC_BUDGET} (${first.length})`);
      assert.deepEqual(await ids(words('nasturtium')), made);
    });

    it('scans everything again when the log was pruned past its cursor', async () => {
      await search.sync();
      const lost = await makeWork(contextFor(store), { title: 'Pruned Tamarind' });
      await makeWork(contextFor(store), { title: 'Kept Tamarind' });
      const { rows } = await sql<{ seq: number }>`select min(seq) as seq from work_changes where work_id = ${lost.id}`.execute(store.db);
      const { rows: last } = await sql<{ seq: number }>`select max(seq) as seq from work_changes where work_id = ${lost.id}`.execute(store.db);
      await store.db.deleteFrom('work_changes').where('seq', '<=', Number(last[0]!.seq)).execute();
      assert.ok(Number(rows[0]!.seq) > 0);
      let found: number[] = [];
      for (let i = 0; i < 10 && found.length < 2; i++) found = await ids(words('tamarind'));
      assert.ok(found.includes(lost.id), 'the scan found the work whose log entries were lost');
    });

    it('rebuilds from scratch, reporting progress', async () => {
      await setChangeLogging(store.db, store.caps.dialect, false);
      const unlogged = await makeWork(contextFor(store), { title: 'Silent Cardamom' });
      await setChangeLogging(store.db, store.caps.dialect, true);
      assert.deepEqual(await ids(words('cardamom')), []);
      const reports: Array<[number, number]> = [];
      await search.rebuild((done, total) => reports.push([done, total]));
      assert.deepEqual(await ids(words('cardamom')), [unlogged.id]);
      assert.deepEqual(await ids(words('moonwhistle')), [fields.id], 'everything else is still there');
      const [done, total] = reports[reports.length - 1]!;
      assert.equal(done, total);
      assert.ok(total > 10);
    });
  });
}
