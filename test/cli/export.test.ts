// `owlery export WORK_ID --format … --out FILE` and `owlery export --series ID …` through the real
// binary, on both databases.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { DIALECTS, createTestStore, skipUnless, type TestStore } from '../support/stores.ts';
import { runCli } from '../support/cli.ts';
import { contextFor, makeWork } from '../support/factories.ts';
import { assertValidEpub, epubcheckUnavailable } from '../support/epubcheck.ts';

const epubcheckSkip = (await epubcheckUnavailable()) ?? false;

for (const dialect of DIALECTS) {
  describe(`[${dialect}] owlery export`, { skip: await skipUnless(dialect) }, () => {
    let store: TestStore;
    let scratch: string;
    let workId: number;
    const creator = `exportwriter${dialect}`;

    before(async () => {
      store = await createTestStore(dialect);
      scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'owlery-export-'));
      // A draft, anonymous work: the command line acts as the system and sees all of it.
      const made = await makeWork(contextFor(store), {
        creator,
        title: 'Lanterns & Ledgers 🏮',
        anonymous: true,
        draft: true,
        summaryHtml: '<p>An accountant keeps the harbour lights.</p>',
        chapters: [{ title: 'Columns', html: '<p>Every lantern had a line in the ledger.</p>' }, { html: '<p>Some lines did not add up.</p>' }],
      });
      workId = made.id;
    });
    after(async () => {
      await store?.destroy();
      fs.rmSync(scratch, { recursive: true, force: true });
    });

    it('writes an EPUB of any work, links pointing at --base-url', async () => {
      const out = path.join(scratch, 'lanterns.epub');
      const result = await runCli(['export', String(workId), '--format', 'epub', '--out', out, '--base-url', 'https://owls.example.org', ...store.flags]);
      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stdout, /^Wrote .*lanterns\.epub \(EPUB, [\d,]+ bytes\)\n$/);
      const bytes = fs.readFileSync(out);
      const files = unzipSync(bytes);
      const opf = strFromU8(files['OEBPS/content.opf']!);
      assert.match(opf, /<dc:title id="title">Lanterns &amp; Ledgers 🏮<\/dc:title>/);
      assert.match(opf, new RegExp(`<dc:creator id="creator-1">${creator}</dc:creator>`), 'the system sees anonymous creators');
      assert.match(opf, new RegExp(`<dc:source>https://owls.example.org/works/${workId}</dc:source>`));
      assert.match(strFromU8(files['OEBPS/chapter-001.xhtml']!), /Every lantern had a line in the ledger/);
      if (dialect === 'sqlite' && !epubcheckSkip) await assertValidEpub(bytes, 'the CLI export');
    });

    it('writes a whole series with --series: its listed works in order, restricted ones too, never drafts', async () => {
      const ctx = contextFor(store);
      const series = { title: 'Ledger Lights' };
      const first = await makeWork(ctx, { creator, title: 'Ledger One', series: { ...series, position: 1 }, chapters: [{ html: '<p>The first column.</p>' }] });
      await makeWork(ctx, { creator, title: 'Ledger Two', restricted: true, series: { ...series, position: 2 }, chapters: [{ html: '<p>The members’ column.</p>' }] });
      await makeWork(ctx, { creator, title: 'Ledger Draft', draft: true, series: { ...series, position: 3 }, chapters: [{ html: '<p>An unposted column.</p>' }] });
      await makeWork(ctx, { creator, title: 'Ledger Three', series: { ...series, position: 4 }, chapters: [{ html: '<p>The last column.</p>' }] });
      const seriesId = (await store.db.selectFrom('serial_works').select('series_id').where('work_id', '=', first.id).executeTakeFirstOrThrow()).series_id;

      const out = path.join(scratch, 'ledger.epub');
      const result = await runCli(['export', '--series', String(seriesId), '--format', 'epub', '--out', out, '--base-url', 'https://owls.example.org', ...store.flags]);
      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stdout, /^Wrote .*ledger\.epub \(EPUB, [\d,]+ bytes\)\n$/);
      const files = unzipSync(fs.readFileSync(out));
      const opf = strFromU8(files['OEBPS/content.opf']!);
      assert.match(opf, /<dc:title id="title">Ledger Lights<\/dc:title>/);
      assert.match(opf, new RegExp(`<dc:source>https://owls.example.org/series/${seriesId}</dc:source>`));
      assert.match(opf, /<meta property="belongs-to-collection" id="series-1">Ledger Lights<\/meta>/);
      const titles = ['w01', 'w02', 'w03'].map((p) => /<h1 class="title">([^<]+)<\/h1>/.exec(strFromU8(files[`OEBPS/${p}-preface.xhtml`]!))?.[1]);
      assert.deepEqual(titles, ['Ledger One', 'Ledger Two', 'Ledger Three']);
      assert.equal(files['OEBPS/w04-preface.xhtml'], undefined, 'the draft is not in the book');
      if (dialect === 'sqlite' && !epubcheckSkip) await assertValidEpub(fs.readFileSync(out), 'the CLI series export');

      for (const format of ['html', 'txt', 'md']) {
        const file = path.join(scratch, `ledger.${format}`);
        const text = await runCli(['export', '--series', String(seriesId), '--format', format, '--out', file, ...store.flags]);
        assert.equal(text.status, 0, text.stderr);
        const content = fs.readFileSync(file, 'utf8');
        const at = ['Ledger One', 'Ledger Two', 'Ledger Three'].map((title) => content.indexOf(title));
        assert.ok(at.every((i, n) => i >= 0 && (n === 0 || i > at[n - 1]!)), `${format} holds the works in order`);
        assert.doesNotMatch(content, /Ledger Draft|An unposted column/, format);
      }

      const unknown = await runCli(['export', '--series', '999999', '--format', 'txt', '--out', path.join(scratch, 'none.txt'), ...store.flags]);
      assert.equal(unknown.status, 1);
      assert.match(unknown.stderr, /^owlery export: There is no series 999999\.\n$/);
      const both = await runCli(['export', String(first.id), '--series', String(seriesId), '--format', 'txt', '--out', path.join(scratch, 'both.txt'), ...store.flags]);
      assert.equal(both.status, 2);
      assert.match(both.stderr, /Name either a work id or --series ID, not both\./);
      const badId = await runCli(['export', '--series', 'lights', '--format', 'txt', '--out', path.join(scratch, 'bad.txt'), ...store.flags]);
      assert.equal(badId.status, 2);
      assert.match(badId.stderr, /"lights" is not a series id/);
    });

    it('writes the text formats', async () => {
      for (const format of ['html', 'txt', 'md']) {
        const out = path.join(scratch, `lanterns.${format}`);
        const result = await runCli(['export', String(workId), '--format', format, '--out', out, ...store.flags]);
        assert.equal(result.status, 0, result.stderr);
        assert.match(fs.readFileSync(out, 'utf8'), /Some lines did not add up\./, format);
      }
    });

    it('refuses to overwrite a file', async () => {
      const out = path.join(scratch, 'taken.epub');
      fs.writeFileSync(out, 'keep me');
      const result = await runCli(['export', String(workId), '--format', 'epub', '--out', out, ...store.flags]);
      assert.equal(result.status, 2);
      assert.match(result.stderr, /taken\.epub exists; choose a new file name\./);
      assert.equal(fs.readFileSync(out, 'utf8'), 'keep me');
    });

    it('explains unknown works, unknown formats and missing arguments', async () => {
      const out = path.join(scratch, 'never.epub');
      const unknownWork = await runCli(['export', '999999', '--format', 'epub', '--out', out, ...store.flags]);
      assert.equal(unknownWork.status, 1);
      assert.match(unknownWork.stderr, /^owlery export: There is no work 999999\.\n$/);
      const unknownFormat = await runCli(['export', String(workId), '--format', 'docx', '--out', out, ...store.flags]);
      assert.equal(unknownFormat.status, 2);
      assert.match(unknownFormat.stderr, /Unknown format "docx": use one of epub, html, txt, md, pdf, mobi, azw3\./);
      const noOut = await runCli(['export', String(workId), '--format', 'epub', ...store.flags]);
      assert.equal(noOut.status, 2);
      assert.match(noOut.stderr, /--out FILE is required/);
      const badId = await runCli(['export', 'seven', '--format', 'epub', '--out', out, ...store.flags]);
      assert.equal(badId.status, 2);
      assert.match(badId.stderr, /"seven" is not a work id/);
      assert.equal(fs.existsSync(out), false);
    });

    it('says clearly when Calibre is missing for PDF, MOBI and AZW3', async () => {
      const out = path.join(scratch, 'lanterns.pdf');
      // No ebook-convert on this PATH, whether or not the machine has Calibre.
      const result = await runCli(['export', String(workId), '--format', 'pdf', '--out', out, ...store.flags], { env: { PATH: '/nonexistent' } });
      assert.equal(result.status, 1);
      assert.equal(result.stderr, "owlery export: PDF downloads need Calibre's ebook-convert, which is not installed on this server.\n");
      assert.equal(fs.existsSync(out), false);
    });
  });
}
