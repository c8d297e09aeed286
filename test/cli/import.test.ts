// `owlery import` through the real binary, as DESIGN.md specifies it, on both databases.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { DIALECTS, createTestStore, skipUnless, type TestStore } from '../support/stores.ts';
import { runCli } from '../support/cli.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
const story = path.join(FIXTURES, 'story-4000.txt');

function oracleWordCount(file: string): number {
  return Number(spawnSync('perl', [path.join(FIXTURES, 'ao3-word-count.pl'), file], { encoding: 'utf8' }).stdout.trim());
}

for (const dialect of DIALECTS) {
  describe(`[${dialect}] owlery import`, { skip: await skipUnless(dialect) }, () => {
    let store: TestStore;
    let scratch: string;
    const workCount = async () => Number((await store.db.selectFrom('works').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

    before(async () => {
      store = await createTestStore(dialect);
      scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'owlery-cli-'));
    });
    after(async () => {
      await store?.destroy();
      fs.rmSync(scratch, { recursive: true, force: true });
    });

    it('prints one JSON line per work with the AO3 word count', async () => {
      const result = await runCli([
        'import', story, '--json', ...store.flags,
        '--title', 'The Thursday Coins',
        '--fandom', 'Sherlock Holmes - Arthur Conan Doyle',
        '--rating', 'General Audiences',
        '--warning', 'No Archive Warnings Apply',
        '--character', 'Sherlock Holmes', '--character', 'John Watson',
        '--relationship', 'Sherlock Holmes & John Watson',
      ]);
      assert.equal(result.status, 0, result.stderr);
      const lines = result.stdout.trim().split('\n');
      assert.equal(lines.length, 1);
      const work = JSON.parse(lines[0]!);
      assert.deepEqual(Object.keys(work).sort(), ['chapterCount', 'id', 'title', 'url', 'wordCount']);
      assert.equal(work.title, 'The Thursday Coins');
      assert.equal(work.url, `/works/${work.id}`);
      assert.equal(work.wordCount, oracleWordCount(story));
      assert.equal(work.chapterCount, 1);
    });

    it('imports many files in one call and shows progress', async () => {
      const files = ['one', 'two', 'three'].map((name) => {
        const file = path.join(scratch, `${name}.md`);
        fs.writeFileSync(file, `# Story ${name}\n\nThe ${name} story has a few words.\n`);
        return file;
      });
      const before = await workCount();
      const result = await runCli(['import', ...files, '--json', ...store.flags]);
      assert.equal(result.status, 0, result.stderr);
      assert.equal(result.stdout.trim().split('\n').length, 3);
      assert.match(result.stderr, /Importing .*3\/3/);
      assert.equal(await workCount(), before + 3);
    });

    const bad: Array<[string, () => string[], RegExp]> = [
      ['a missing file', () => [path.join(scratch, 'nope.txt')], /No such file: .*nope\.txt/],
      ['an empty file', () => [path.join(FIXTURES, 'bad/empty.txt')], /empty/i],
      ['a binary file', () => [path.join(FIXTURES, 'bad/binary.txt')], /binary/i],
      ['invalid UTF-8', () => [path.join(FIXTURES, 'bad/invalid-utf8.txt')], /UTF-8/],
      ['an unknown rating', () => [story, '--rating', 'Spicy'], /Unknown rating "Spicy"/],
      ['an unknown warning', () => [story, '--warning', 'Mild Peril'], /Unknown archive warning "Mild Peril"/],
      ['a bad --chapter-split', () => [story, '--chapter-split', '(unclosed'], /--chapter-split is not a valid regular expression/],
      ['an unknown flag', () => [story, '--colour', 'red'], /Unknown option '--colour'/],
      [
        'a 50 MB file',
        () => {
          const big = path.join(scratch, 'big.txt');
          fs.writeFileSync(big, '');
          fs.truncateSync(big, 50 * 1024 * 1024);
          return [big];
        },
        /50\.0 MB; the import limit is 10 MB/,
      ],
    ];
    for (const [what, args, message] of bad) {
      it(`refuses ${what} with a message, a non-zero exit and no writes`, async () => {
        const before = await workCount();
        const result = await runCli(['import', ...args(), '--json', ...store.flags]);
        assert.notEqual(result.status, 0);
        assert.match(result.stderr, message);
        assert.equal(result.stdout, '');
        assert.equal(await workCount(), before);
      });
    }
  });
}

describe('owlery command line', () => {
  it('explains an unknown command', async () => {
    const result = await runCli(['frobnicate']);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /unknown command "frobnicate"/);
  });

  it('refuses a malformed database URL naming the setting', async () => {
    const result = await runCli(['migrate', '--database-url', 'mysql://x']);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /OWLERY_DATABASE_URL/);
  });
});
