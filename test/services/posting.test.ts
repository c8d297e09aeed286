// The posting workflow's services on both databases: posting, drafts and previews, chapters,
// editing with the filter set, co-creators, series, orphaning and deleting — and every refusal
// leaving the database as it was.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, createTestStore, skipUnless, type TestStore } from '../support/stores.ts';
import { contextFor, fixedClock, makeUser } from '../support/factories.ts';
import { GUEST, type Actor } from '../../src/domain/actor.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { postNewWork, type NewWorkInput } from '../../src/services/works/post-work.ts';
import { listDrafts, postDraft, previewWork } from '../../src/services/works/publish.ts';
import { addChapter, deleteChapter, editChapter, postChapter, reorderChapters } from '../../src/services/works/chapters.ts';
import { editWork, workForEditing } from '../../src/services/works/edit-work.ts';
import { pendingInvitations, respondToInvitation } from '../../src/services/works/co-creators.ts';
import { deleteOwnWork, orphanOwnWork } from '../../src/services/works/remove.ts';
import { editSeries } from '../../src/services/works/series.ts';
import { autocompleteTags } from '../../src/services/works/tag-autocomplete.ts';
import { readWork } from '../../src/services/read-work.ts';
import { listWorks } from '../../src/services/list-works.ts';
import { findTag } from '../../src/services/browse.ts';
import { findWorkById } from '../../src/db/repos/works.repo.ts';
import { findSeriesById } from '../../src/db/repos/series.repo.ts';
import type { WorkInput } from '../../src/services/work-input.ts';

type User = Awaited<ReturnType<typeof makeUser>>;

function workInput(overrides: Partial<WorkInput> = {}): WorkInput {
  return {
    title: 'The Salt Road',
    rating: 'General Audiences',
    warnings: ['No Archive Warnings Apply'],
    fandoms: ['Original Work'],
    characters: ['Ferryman'],
    freeforms: ['Found Family'],
    chapters: [{ title: 'Ebb', html: '<p>One two three four.</p>' }],
    ...overrides,
  };
}

/** Every row that posting could touch, to prove a refused request changed nothing. */
async function snapshot(store: TestStore): Promise<string> {
  const tables = ['works', 'chapters', 'work_creatorships', 'work_tags', 'work_filters', 'series', 'serial_works', 'series_creatorships', 'tags'] as const;
  const out: Record<string, unknown> = {};
  for (const table of tables) out[table] = await store.db.selectFrom(table).selectAll().execute();
  return JSON.stringify(out);
}

for (const dialect of DIALECTS) {
  describe(`[${dialect}] posting services`, { skip: await skipUnless(dialect) }, () => {
    let store: TestStore;
    let system: ServiceContext;
    let writer: User;
    let other: User;
    const as = (actor: Actor): ServiceContext => ({ ...system, actor });
    const post = (user: User, input: Omit<Partial<NewWorkInput>, 'work'> & { work?: Partial<WorkInput> } = {}) =>
      postNewWork(as(user.actor), { commit: 'post', ...input, work: workInput(input.work) });

    before(async () => {
      store = await createTestStore(dialect);
      system = contextFor(store, undefined, fixedClock());
      writer = await makeUser(system, { login: 'wavecrest' });
      other = await makeUser(system, { login: 'driftwood' });
    });
    after(async () => store?.destroy());

    it('posts a three-chapter work with tags and a new series; n/m, words and completeness follow', async () => {
      const { workId, posted } = await post(writer, { work: { expectedChapters: 3, series: { title: 'Tides', position: 1 } } });
      assert.equal(posted, true);
      await addChapter(as(writer.actor), workId, { chapter: { title: 'Flow', html: '<p>Five six.</p>' }, commit: 'post' });
      let work = await findWorkById(store.db, workId);
      assert.equal(work?.chapterCount, 2);
      assert.equal(work?.complete, false);
      await addChapter(as(writer.actor), workId, { chapter: { title: 'Slack', html: '<p>Seven.</p>' }, commit: 'post' });
      work = await findWorkById(store.db, workId);
      assert.deepEqual([work?.chapterCount, work?.expectedChapters, work?.wordCount, work?.complete], [3, 3, 7, true]);
      const reading = await readWork(as(GUEST), workId, { full: true });
      assert.deepEqual(reading.shown.map((c) => c.title), ['Ebb', 'Flow', 'Slack']);
      assert.equal(reading.card.series[0]?.title, 'Tides');
      assert.deepEqual(reading.card.creators.map((c) => c.login), ['wavecrest']);
    });

    it('keeps drafts to their creator until posted; previews show them as they will be', async () => {
      const { workId, posted } = await post(writer, { commit: 'draft', work: { title: 'Quiet Harbour Draft', characters: ['Harbourmaster Quill'] } });
      assert.equal(posted, false);
      await assert.rejects(readWork(as(GUEST), workId, {}), { code: 'not_found' });
      await assert.rejects(readWork(as(other.actor), workId, {}), { code: 'not_found' });
      const everyone = await listWorks(as(other.actor), { limit: 50 });
      assert.ok(!everyone.cards.some((c) => c.work.id === workId));
      await assert.rejects(findTag(as(GUEST), 'Harbourmaster Quill'), { code: 'not_found' }, 'a tag only a draft uses has no public page');
      assert.deepEqual(await autocompleteTags(as(other.actor), { type: 'character', q: 'quill' }), [], 'a tag only a draft uses is not suggested');
      assert.deepEqual((await listDrafts(as(writer.actor), 'wavecrest')).map((c) => c.work.id).includes(workId), true);
      await assert.rejects(listDrafts(as(other.actor), 'wavecrest'), { code: 'forbidden' });
      await assert.rejects(previewWork(as(other.actor), workId), { code: 'not_found' });

      const preview = await previewWork(as(writer.actor), workId);
      assert.equal(preview.card.work.wordCount, 4);
      assert.equal(preview.draftChapterIds.length, 1);

      await postDraft(as(writer.actor), workId);
      const reading = await readWork(as(GUEST), workId, {});
      assert.equal(reading.card.work.chapterCount, 1);
      assert.ok(reading.card.work.postedAt);
      assert.equal((await findTag(as(GUEST), 'Harbourmaster Quill')).workCount, 1);
      assert.deepEqual((await autocompleteTags(as(GUEST), { type: 'character', q: 'quill' })).map((t) => t.name), ['Harbourmaster Quill']);
    });

    it('keeps chapter drafts out of the counts until they are posted; edits, reorders and deletes chapters', async () => {
      const { workId } = await post(writer, { work: { title: 'Chapters Work' } });
      const ctx = as(writer.actor);
      const second = await addChapter(ctx, workId, { chapter: { title: 'Second', html: '<p>Two words.</p>' }, commit: 'post' });
      const draft = await addChapter(ctx, workId, { chapter: { title: 'Third', html: '<p>Three more words.</p>' }, expectedChapters: 4, commit: 'draft' });
      let work = await findWorkById(store.db, workId);
      assert.deepEqual([work?.chapterCount, work?.wordCount, work?.expectedChapters], [2, 6, 4]);
      assert.deepEqual((await readWork(as(GUEST), workId, { full: true })).shown.map((c) => c.title), ['Ebb', 'Second']);

      const revision = work!.revision;
      await editChapter(ctx, workId, second.chapterId, { chapter: { title: 'Second, Revised', html: '<p>Now three words.</p>' }, commit: 'post' });
      work = await findWorkById(store.db, workId);
      assert.equal(work?.wordCount, 7);
      assert.ok(work!.revision > revision);

      await postChapter(ctx, workId, draft.chapterId);
      work = await findWorkById(store.db, workId);
      assert.deepEqual([work?.chapterCount, work?.wordCount], [3, 10]);

      const reading = await readWork(as(GUEST), workId, { full: true });
      const [first, secondId, third] = reading.shown.map((c) => c.id) as [number, number, number];
      await reorderChapters(ctx, workId, new Map([[first, 3], [secondId, 1], [third, 2]]));
      assert.deepEqual((await readWork(as(GUEST), workId, { full: true })).shown.map((c) => [c.position, c.title]), [[1, 'Second, Revised'], [2, 'Third'], [3, 'Ebb']]);
      await assert.rejects(reorderChapters(ctx, workId, new Map([[first, 1]])), { code: 'invalid' });

      await deleteChapter(ctx, workId, third);
      work = await findWorkById(store.db, workId);
      assert.deepEqual([work?.chapterCount, work?.wordCount], [2, 7]);
      assert.deepEqual((await readWork(as(GUEST), workId, { full: true })).shown.map((c) => [c.position, c.title]), [[1, 'Second, Revised'], [2, 'Ebb']]);
      await deleteChapter(ctx, workId, secondId);
      const before = await snapshot(store);
      await assert.rejects(deleteChapter(ctx, workId, first), /only chapter/);
      assert.equal(await snapshot(store), before);
    });

    it('replaces tags on edit and the filter set follows', async () => {
      const { workId } = await post(writer, { work: { title: 'Retagged', freeforms: ['Old Tag Marker'] } });
      assert.equal((await findTag(as(GUEST), 'Old Tag Marker')).workCount, 1);
      const editing = await workForEditing(as(writer.actor), workId);
      assert.equal(editing.chapter?.title, 'Ebb');
      await editWork(as(writer.actor), workId, { work: { ...workInput(), title: 'Retagged', freeforms: ['New Tag Marker'], commentPermission: 'users', moderatedComments: true }, commit: 'post' });
      await assert.rejects(findTag(as(GUEST), 'Old Tag Marker'), { code: 'not_found' }, 'an unwrangled tag no visible work uses any more has no public page');
      assert.equal((await findTag(as(GUEST), 'New Tag Marker')).workCount, 1);
      const work = await findWorkById(store.db, workId);
      assert.deepEqual([work?.commentPermission, work?.moderatedComments], ['users', true]);
      // Backdating on edit moves the publication date; sending the same date again changes nothing.
      await editWork(as(writer.actor), workId, { work: { ...workInput(), title: 'Retagged', postedAt: new Date('2020-02-02T00:00:00Z') }, commit: 'post' });
      const backdated = await findWorkById(store.db, workId);
      assert.equal(backdated?.postedAt?.slice(0, 10), '2020-02-02');
      assert.equal(backdated?.revisedAt?.slice(0, 10), '2020-02-02');
    });

    it('lists co-creators only once they accept; declining removes the invitation', async () => {
      const { workId } = await post(writer, { work: { title: 'Together', coCreators: ['driftwood'] } });
      const creators = async () => (await readWork(as(GUEST), workId, {})).card.creators.map((c) => c.login);
      assert.deepEqual(await creators(), ['wavecrest']);
      await assert.rejects(editWork(as(other.actor), workId, { work: workInput(), commit: 'post' }), { code: 'forbidden' });
      const invitations = await pendingInvitations(as(other.actor), 'driftwood');
      assert.equal(invitations.length, 1);
      assert.deepEqual(invitations[0]!.invitedBy.map((c) => c.login), ['wavecrest']);
      await assert.rejects(pendingInvitations(as(writer.actor), 'driftwood'), { code: 'forbidden' });
      await assert.rejects(respondToInvitation(as(writer.actor), { workId, pseudId: invitations[0]!.pseudId, accept: true }), { code: 'not_found' });
      await respondToInvitation(as(other.actor), { workId, pseudId: invitations[0]!.pseudId, accept: true });
      assert.deepEqual(await creators(), ['wavecrest', 'driftwood']);

      const second = await post(writer, { work: { title: 'Declined', coCreators: ['driftwood (driftwood)'] } });
      const [invite] = await pendingInvitations(as(other.actor), 'driftwood');
      await respondToInvitation(as(other.actor), { workId: second.workId, pseudId: invite!.pseudId, accept: false });
      assert.deepEqual(await pendingInvitations(as(other.actor), 'driftwood'), []);
      assert.deepEqual((await readWork(as(GUEST), second.workId, {})).card.creators.map((c) => c.login), ['wavecrest']);
    });

    it('orphans a work, keeping the pseud name when asked, and deletes works', async () => {
      const kept = await post(writer, { work: { title: 'Orphan Kept' } });
      await orphanOwnWork(as(writer.actor), kept.workId, { keepPseudName: true });
      const keptCreators = (await readWork(as(GUEST), kept.workId, {})).card.creators;
      assert.deepEqual(keptCreators.map((c) => [c.pseud, c.login]), [['wavecrest', 'orphan_account']]);
      const plain = await post(writer, { work: { title: 'Orphan Plain' } });
      await orphanOwnWork(as(writer.actor), plain.workId, { keepPseudName: false });
      assert.deepEqual((await readWork(as(GUEST), plain.workId, {})).card.creators.map((c) => c.pseud), ['orphan_account']);
      await assert.rejects(editWork(as(writer.actor), plain.workId, { work: workInput(), commit: 'post' }), { code: 'forbidden' });

      // Orphaning one part of a series leaves the writer the series; orphaning the last part hands it over.
      const partOne = await post(writer, { work: { title: 'Part One', series: { title: 'Two Part Series' } } });
      const twoPartId = (await readWork(as(GUEST), partOne.workId, {})).card.series[0]!.seriesId;
      const partTwo = await post(writer, { work: { title: 'Part Two', series: { id: twoPartId } } });
      await orphanOwnWork(as(writer.actor), partOne.workId, { keepPseudName: false });
      await editSeries(as(writer.actor), twoPartId, { title: 'Still Mine' });
      await orphanOwnWork(as(writer.actor), partTwo.workId, { keepPseudName: false });
      await assert.rejects(editSeries(as(writer.actor), twoPartId, { title: 'Not Mine Now' }), { code: 'forbidden' });

      const doomed = await post(writer, { work: { title: 'Doomed', series: { title: 'Short Lived' } } });
      const seriesId = (await readWork(as(GUEST), doomed.workId, {})).card.series[0]!.seriesId;
      await assert.rejects(deleteOwnWork(as(other.actor), doomed.workId), { code: 'forbidden' });
      await deleteOwnWork(as(writer.actor), doomed.workId);
      assert.equal(await findWorkById(store.db, doomed.workId), null);
      assert.equal(await findSeriesById(store.db, seriesId), null, 'an emptied series goes too');
    });

    it('edits a series for its creators only, and adds works to an existing series', async () => {
      const { workId } = await post(writer, { work: { title: 'Series One', series: { title: 'Lighthouses' } } });
      const seriesId = (await readWork(as(GUEST), workId, {})).card.series[0]!.seriesId;
      const next = await post(writer, { work: { title: 'Series Two', series: { id: seriesId, position: 2 } } });
      assert.equal((await readWork(as(GUEST), next.workId, {})).card.series[0]?.position, 2);
      await assert.rejects(post(other, { work: { title: 'Not Mine', series: { id: seriesId } } }), (e: Error & { details?: Record<string, string> }) => Boolean(e.details?.series));
      await assert.rejects(editSeries(as(other.actor), seriesId, { title: 'Hijacked' }), { code: 'forbidden' });
      await assert.rejects(editSeries(as(writer.actor), seriesId, { title: '' }), { code: 'invalid' });
      await editSeries(as(writer.actor), seriesId, { title: 'Lighthouses of the North', summaryHtml: '<p>Lamps.</p><script>x</script>', complete: true });
      const series = await findSeriesById(store.db, seriesId);
      assert.deepEqual([series?.title, series?.summary, series?.complete], ['Lighthouses of the North', '<p>Lamps.</p>', true]);
    });

    it('refuses bad input with field messages and changes nothing', async () => {
      const before = await snapshot(store);
      const fails = async (input: Partial<WorkInput>, field: string, ctx = as(writer.actor)) => {
        await assert.rejects(postNewWork(ctx, { commit: 'post', work: workInput(input) }), (error: Error & { details?: Record<string, string> }) => {
          assert.ok(error.details?.[field], `expected a problem with ${field}, got ${JSON.stringify(error.details)}`);
          return true;
        });
      };
      await fails({ summaryHtml: 'x'.repeat(1251) }, 'summary');
      await fails({ notesHtml: 'x'.repeat(5001) }, 'notes');
      await fails({ endNotesHtml: 'x'.repeat(5001) }, 'endNotes');
      await fails({ title: 't'.repeat(256) }, 'title');
      await fails({ fandoms: [] }, 'fandoms');
      await fails({ warnings: [] }, 'warnings');
      await fails({ rating: undefined }, 'rating');
      await fails({ rating: ['Mature', 'Explicit'] }, 'rating');
      await fails({ coCreators: ['nobody_by_that_name'] }, 'coCreators');
      await fails({ expectedChapters: 0 }, 'expectedChapters');
      await fails({ commentPermission: 'robots' }, 'commentPermission');
      await fails({ postedAt: new Date('2999-01-01') }, 'postedAt');
      await fails({ chapters: [{ html: '   ' }] }, 'chapters.1.content');
      await assert.rejects(postNewWork(as(GUEST), { commit: 'post', work: workInput() }), { code: 'unauthenticated' });
      await assert.rejects(postNewWork(as({ ...writer.actor, suspended: true } as Actor), { commit: 'post', work: workInput() }), { code: 'forbidden' });
      await assert.rejects(postNewWork(as(writer.actor), { commit: 'post', work: workInput(), pseudIds: [999_999] }), { code: 'invalid' });
      assert.equal(await snapshot(store), before);
    });
  });
}
