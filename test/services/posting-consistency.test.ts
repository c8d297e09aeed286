// Posting changes that must not lose or invent anything, on both databases: co-creator invitations
// stay invitations when credits move (pseud deletion, orphaning), and chapter changes build on
// what the database holds inside their transaction, not on what was read before it — a concurrent
// Edit Work, added chapter or deleted chapter is not undone or numbered twice.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, createTestStore, skipUnless, type TestStore } from '../support/stores.ts';
import { contextFor, fixedClock, makeUser } from '../support/factories.ts';
import { GUEST, type Actor } from '../../src/domain/actor.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { postNewWork } from '../../src/services/works/post-work.ts';
import { addChapter, deleteChapter, editChapter, reorderChapters } from '../../src/services/works/chapters.ts';
import { pendingInvitations, respondToInvitation } from '../../src/services/works/co-creators.ts';
import { orphanWorksOf } from '../../src/services/works/orphan.ts';
import { deleteWorkIn } from '../../src/services/works/remove.ts';
import { addPseud, removePseud } from '../../src/services/accounts/pseuds.ts';
import { readWork } from '../../src/services/read-work.ts';
import { creatorshipsOfWork, removePendingCreatorshipsOfUser } from '../../src/db/repos/creatorships.repo.ts';
import { findWorkById } from '../../src/db/repos/works.repo.ts';
import { findSeriesById } from '../../src/db/repos/series.repo.ts';
import type { WorkInput } from '../../src/services/work-input.ts';

type User = Awaited<ReturnType<typeof makeUser>>;

function workInput(overrides: Partial<WorkInput> = {}): WorkInput {
  return {
    title: 'The Tide Clock',
    rating: 'General Audiences',
    warnings: ['No Archive Warnings Apply'],
    fandoms: ['Original Work'],
    chapters: [{ title: 'Low Water', html: '<p>The clock ran slow at low water.</p>' }],
    ...overrides,
  };
}

/**
 * A context whose next transactions first let `competitor` run and commit, as if another request
 * had changed the work between this service's checks and its transaction.
 */
function racing(ctx: ServiceContext, competitor: () => Promise<void>): ServiceContext {
  let pending: (() => Promise<void>) | null = competitor;
  const db = new Proxy(ctx.db, {
    get(target, prop, receiver) {
      if (prop !== 'transaction') {
        const value: unknown = Reflect.get(target, prop, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return () => {
        const builder = target.transaction();
        return {
          async execute<T>(fn: Parameters<typeof builder.execute<T>>[0]): Promise<T> {
            const run = pending;
            pending = null;
            if (run) await run();
            return builder.execute(fn);
          },
        };
      };
    },
  });
  return { ...ctx, db };
}

for (const dialect of DIALECTS) {
  describe(`[${dialect}] posting consistency`, { skip: await skipUnless(dialect) }, () => {
    let store: TestStore;
    let system: ServiceContext;
    let writer: User;
    let other: User;
    const as = (actor: Actor): ServiceContext => ({ ...system, actor });
    const creatorsOf = async (workId: number) => (await readWork(as(GUEST), workId, {})).card.creators.map((c) => `${c.pseud} (${c.login})`);
    const positions = async (workId: number) => (await store.db.selectFrom('chapters').select(['title', 'position']).where('work_id', '=', workId).orderBy('position').orderBy('id').execute()).map((c) => `${c.position}:${c.title}`);

    before(async () => {
      store = await createTestStore(dialect);
      system = contextFor(store, undefined, fixedClock());
      writer = await makeUser(system, { login: 'tidewright' });
      other = await makeUser(system, { login: 'marram' });
    });
    after(async () => store?.destroy());

    it('keeps an invitation pending when the invited pseud is deleted', async () => {
      const alt = await addPseud(as(other.actor), { name: 'Marram Grass' });
      const { workId } = await postNewWork(as(writer.actor), { commit: 'post', work: workInput({ title: 'Invited Alt', coCreators: ['Marram Grass (marram)'] }) });
      await removePseud(as(other.actor), alt.id);
      assert.deepEqual(await creatorsOf(workId), ['tidewright (tidewright)'], 'an invitation moved to the default pseud is still not a credit');
      const invitations = (await pendingInvitations(as(other.actor), 'marram')).filter((i) => i.workId === workId);
      assert.deepEqual(invitations.map((i) => i.pseudName), ['marram']);
      await respondToInvitation(as(other.actor), { workId, pseudId: invitations[0]!.pseudId, accept: true });
      assert.deepEqual(await creatorsOf(workId), ['tidewright (tidewright)', 'marram (marram)']);
    });

    it('merges an accepted credit into a pending one as accepted, never the other way round', async () => {
      const alt = await addPseud(as(other.actor), { name: 'Sea Holly' });
      const { workId } = await postNewWork(as(writer.actor), { commit: 'post', work: workInput({ title: 'Both Invited', coCreators: ['Sea Holly (marram)', 'marram (marram)'] }) });
      const invitation = (await pendingInvitations(as(other.actor), 'marram')).find((i) => i.workId === workId && i.pseudId === alt.id)!;
      await respondToInvitation(as(other.actor), { workId, pseudId: invitation.pseudId, accept: true });
      await removePseud(as(other.actor), alt.id);
      assert.deepEqual(await creatorsOf(workId), ['tidewright (tidewright)', 'marram (marram)']);
      assert.deepEqual((await pendingInvitations(as(other.actor), 'marram')).filter((i) => i.workId === workId), []);
    });

    it('withdraws, rather than hands to orphan_account, the invitations of a user who orphans', async () => {
      const { workId } = await postNewWork(as(writer.actor), { commit: 'post', work: workInput({ title: 'Pending When Orphaned', coCreators: ['marram'] }) });
      const nowIso = system.clock.now().toISOString();
      await store.db.transaction().execute((trx) => orphanWorksOf(trx, other.id, [workId], true, nowIso));
      assert.deepEqual(await creatorsOf(workId), ['tidewright (tidewright)'], 'orphan_account is not credited on a work it never had');
      assert.deepEqual((await creatorshipsOfWork(store.db, workId)).map((c) => [c.userId, c.approved]), [[writer.id, true]]);
    });

    it('gives account deletion what it needs: withdrawing invitations and deleting works with their empty series', async () => {
      const invited = await postNewWork(as(writer.actor), { commit: 'post', work: workInput({ title: 'Invitation To Withdraw', coCreators: ['marram'] }) });
      const own = await postNewWork(as(other.actor), { commit: 'post', work: workInput({ title: 'Marram Alone', series: { title: 'Dune Songs' } }) });
      await removePendingCreatorshipsOfUser(store.db, other.id);
      assert.deepEqual((await creatorshipsOfWork(store.db, invited.workId)).map((c) => c.userId), [writer.id]);
      assert.deepEqual((await creatorshipsOfWork(store.db, own.workId)).map((c) => [c.userId, c.approved]), [[other.id, true]], 'accepted credits stay');
      const seriesId = (await readWork(as(GUEST), own.workId, {})).card.series[0]!.seriesId;
      await store.db.transaction().execute((trx) => deleteWorkIn(trx, own.workId));
      assert.equal(await findWorkById(store.db, own.workId), null);
      assert.equal(await findSeriesById(store.db, seriesId), null);
    });

    it('changes only the expected chapter count, keeping an Edit Work that landed meanwhile', async () => {
      const { workId } = await postNewWork(as(writer.actor), { commit: 'post', work: workInput({ title: 'Before The Edit' }) });
      const editMeanwhile = async () => {
        await store.db.updateTable('works').set({ title: 'After The Edit', summary: '<p>Edited meanwhile.</p>' }).where('id', '=', workId).execute();
      };
      await addChapter(racing(as(writer.actor), editMeanwhile), workId, { chapter: { title: 'Slack Water', html: '<p>Two.</p>' }, expectedChapters: 5, commit: 'post' });
      let work = await findWorkById(store.db, workId);
      assert.deepEqual([work?.title, work?.summary, work?.expectedChapters, work?.chapterCount], ['After The Edit', '<p>Edited meanwhile.</p>', 5, 2]);

      const renameAgain = async () => void (await store.db.updateTable('works').set({ title: 'Edited Again' }).where('id', '=', workId).execute());
      const first = (await readWork(as(writer.actor), workId, {})).chapters[0]!;
      await editChapter(racing(as(writer.actor), renameAgain), workId, first.id, { chapter: { title: 'Low Water', html: '<p>Revised.</p>' }, expectedChapters: 6, commit: 'post' });
      work = await findWorkById(store.db, workId);
      assert.deepEqual([work?.title, work?.expectedChapters], ['Edited Again', 6]);
    });

    it('numbers a chapter after one added meanwhile, and renumbers around one added during a delete', async () => {
      const { workId } = await postNewWork(as(writer.actor), { commit: 'post', work: workInput({ title: 'Two Writers At Once' }) });
      const ctx = as(writer.actor);
      const addMeanwhile = (title: string) => async () => void (await addChapter(ctx, workId, { chapter: { title, html: `<p>${title}.</p>` }, commit: 'post' }));
      await addChapter(racing(ctx, addMeanwhile('Second')), workId, { chapter: { title: 'Third', html: '<p>Third.</p>' }, commit: 'post' });
      assert.deepEqual(await positions(workId), ['1:Low Water', '2:Second', '3:Third']);

      const second = (await readWork(ctx, workId, {})).chapters[1]!;
      await deleteChapter(racing(ctx, addMeanwhile('Fourth')), workId, second.id);
      assert.deepEqual(await positions(workId), ['1:Low Water', '2:Third', '3:Fourth']);
      assert.equal((await findWorkById(store.db, workId))?.chapterCount, 3);
    });

    it('refuses a reorder made against a chapter list that has changed since', async () => {
      const { workId } = await postNewWork(as(writer.actor), { commit: 'post', work: workInput({ title: 'Reorder Race' }) });
      const ctx = as(writer.actor);
      await addChapter(ctx, workId, { chapter: { title: 'Middle', html: '<p>Middle.</p>' }, commit: 'post' });
      const extra = await addChapter(ctx, workId, { chapter: { title: 'Extra', html: '<p>Extra.</p>' }, commit: 'post' });
      const [one, two] = (await readWork(ctx, workId, {})).chapters;
      // The form was loaded with all three chapters; one is deleted before the reorder is saved.
      const deleteMeanwhile = async () => deleteChapter(ctx, workId, extra.chapterId);
      const form = new Map([[one!.id, 3], [two!.id, 2], [extra.chapterId, 1]]);
      await assert.rejects(reorderChapters(racing(ctx, deleteMeanwhile), workId, form), { code: 'invalid' });
      assert.deepEqual(await positions(workId), ['1:Low Water', '2:Middle'], 'the deletion stands and the stale order is not applied');
    });

    it('gives chapters added at the same moment distinct positions', async () => {
      const ctx = as(writer.actor);
      const { workId } = await postNewWork(ctx, { commit: 'post', work: workInput({ title: 'Many Hands' }) });
      await Promise.all(Array.from({ length: 6 }, (_, i) => addChapter(ctx, workId, { chapter: { title: `Hand ${i}`, html: '<p>Hand.</p>' }, commit: 'post' })));
      const stored = await store.db.selectFrom('chapters').select('position').where('work_id', '=', workId).orderBy('position').execute();
      assert.deepEqual(stored.map((c) => c.position), [1, 2, 3, 4, 5, 6, 7]);
      assert.equal((await findWorkById(store.db, workId))?.chapterCount, 7);
    });
  });
}
