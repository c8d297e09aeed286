// `owlery demo` on both databases: the sample works a newcomer reads first.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, createTestStore, skipUnless, type TestStore } from '../support/stores.ts';
import { contextFor } from '../support/factories.ts';
import { loadDemo } from '../../src/services/load-demo.ts';
import { listWorks } from '../../src/services/list-works.ts';
import { GUEST } from '../../src/domain/actor.ts';
import type { WorkCard } from '../../src/services/work-cards.ts';

for (const dialect of DIALECTS) {
  describe(`[${dialect}] demo works`, { skip: await skipUnless(dialect) }, () => {
    let store: TestStore;
    let cards: WorkCard[];
    before(async () => {
      store = await createTestStore(dialect);
      const ctx = contextFor(store);
      const result = await loadDemo(ctx);
      assert.equal(result.alreadyLoaded, false);
      cards = (await listWorks({ ...ctx, actor: GUEST }, { limit: 100 })).cards;
    });
    after(async () => store?.destroy());

    it('loads at least six readable works across several fandoms', () => {
      assert.ok(cards.length >= 6, `${cards.length} works`);
      const fandoms = new Set(cards.flatMap((c) => c.tags.filter((t) => t.type === 'fandom').map((t) => t.name)));
      assert.ok(fandoms.size >= 4, `${fandoms.size} fandoms`);
      for (const card of cards) assert.ok(card.work.wordCount > 100, `${card.work.title} has text`);
    });

    it('includes a multi-chapter work in progress shown as 2/5', () => {
      assert.ok(cards.some((c) => c.work.chapterCount === 2 && c.work.expectedChapters === 5 && !c.work.complete));
    });

    it('includes a work in another language and one with Japanese or Chinese text', async () => {
      assert.ok(cards.some((c) => c.work.language !== 'en'));
      const chapters = await store.db.selectFrom('chapters').select('content').execute();
      assert.ok(chapters.some((c) => /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]{10}/u.test(c.content)));
    });

    it('loads only once', async () => {
      const again = await loadDemo(contextFor(store));
      assert.equal(again.alreadyLoaded, true);
      const { n } = await store.db.selectFrom('works').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      assert.equal(Number(n), cards.length);
    });
  });
}
