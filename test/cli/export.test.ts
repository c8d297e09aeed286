// `owlery export WORK_ID --format … --out FILE` through the real binary, on both databases.
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
