// `owlery reindex` through the real binary, on both databases: it rebuilds the full-text index
// (finding works the change log never told it about), shows progress on stderr and a summary on
// stdout, and refuses bad flags.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, createTestStore, skipUnless, type TestStore } from '../support/stores.ts';
import { runCli } from '../support/cli.ts';
import { contextFor, makeWork } from '../support/factories.ts';
import { searchWords } from '../../src/domain/tag-search.ts';
import { setChangeLogging } from '../../src/db/repos/work-changes.repo.ts';
import { searchProviderFor } from '../../src/search/fulltext/index.ts';
import type { SearchExpr } from '../../src/domain/search-syntax.ts';

const word = (text: string): SearchExpr => ({ all: [[{ kind: 'term', tokens: searchWords(text), phrase: false, source: text }]], none: [] });

for (const dialect of DIALECTS) {
  describe(`[${dialect}] owlery reindex`, { skip: await skipUnless(dialect) }, () => {
    let store: TestStore;
    before(async () => {
      store = await createTestStore(dialect);
    });
    after(async () => store?.destroy());

    it('rebuilds the index with progress on stderr and a summary', async () => {
      const search = searchProviderFor(store.db, store.caps);
      await makeWork(contextFor(store), { title: 'Logged Persimmon' });
      // Written while the change log is off, as a bulk loader does: only a rebuild can find it.
      await setChangeLogging(store.db, store.caps.dialect, false);
      const silent = await makeWork(contextFor(store), { title: 'Silent Persimmon' });
      await setChangeLogging(store.db, store.caps.dialect, true);
      assert.equal((await search.match(word('persimmon'))).size, 1);

      const run = await runCli(['reindex', ...store.flags]);
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stdout, /^Rebuilt the full-text index over 2 works in \d+\.\d s\.\n$/);
      assert.match(run.stderr, /Indexing \[#+\] 2\/2/);
      const found = [...(await search.match(word('persimmon'))).keys()];
      assert.ok(found.includes(silent.id), 'the unlogged work is found after the rebuild');
      assert.equal(found.length, 2);
    });

    it('refuses unknown flags and arguments', async () => {
      const flag = await runCli(['reindex', '--fast', ...store.flags]);
      assert.equal(flag.status, 2);
      assert.match(flag.stderr, /owlery reindex: .*--fast/);
      const extra = await runCli(['reindex', 'now', ...store.flags]);
      assert.equal(extra.status, 2);
      assert.match(extra.stderr, /takes no arguments/);
    });
  });
}
