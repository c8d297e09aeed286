import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { Invalid } from '../../domain/errors.ts';
import { MAX_IMPORT_BYTES, parseImportFile } from './index.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../../test/fixtures');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));

async function refuses(bytes: Uint8Array, name: string, ...patterns: RegExp[]) {
  await assert.rejects(parseImportFile(bytes, name), (error: unknown) => {
    assert.ok(error instanceof Invalid, `expected Invalid, got ${String(error)}`);
    for (const p of patterns) assert.match(error.message, p);
    return true;
  });
}

describe('.docx import (test/fixtures/story.docx)', () => {
  it('takes the Title paragraph as the work title and splits chapters at Heading 1', async () => {
    const doc = await parseImportFile(fixture('story.docx'), 'story.docx');
    assert.equal(doc.format, 'docx');
    assert.equal(doc.title, 'The Cartographer’s Apprentice');
    assert.deepEqual(doc.chapters.map((c) => c.title), ['Blank Edges', 'Soundings']);
    assert.equal(doc.metadata, null);
  });

  it('keeps italics, bold and scene breaks, and nothing of Word\'s markup', async () => {
    const [one, two] = (await parseImportFile(fixture('story.docx'), 'story.docx')).chapters;
    assert.match(one?.html ?? '', /^<p>Every map in Odile’s workshop/);
    assert.match(one?.html ?? '', /the most <em>honest<\/em> part of the page/);
    assert.match(one?.html ?? '', /they were <strong>lazy<\/strong>,/);
    assert.match(one?.html ?? '', /<hr \/>/, 'a "* * *" paragraph becomes a scene break');
    assert.match(two?.html ?? '', /drew the river <em>as it had been<\/em>/);
    assert.match(two?.html ?? '', /where the honest maps went\.<\/p>$/);
    for (const chapter of [one, two]) assert.doesNotMatch(chapter?.html ?? '', /<h1|<h2|w:|style=/);
  });

  it('splits at a --chapter-split pattern instead of the headings when given one', async () => {
    const doc = await parseImportFile(fixture('story.docx'), 'story.docx', { chapterSplit: /^Odile (handed|looked)/ });
    assert.equal(doc.chapters.length, 3);
    assert.equal(doc.chapters[1]?.title, 'Odile handed him a pen, a compass and a loaf of bread, and pointed at the door.');
  });

  it('refuses a corrupt file (test/fixtures/broken.docx), naming it', async () => {
    await refuses(fixture('broken.docx'), 'broken.docx', /^"broken\.docx" is not a valid Word \(\.docx\) file/);
    await refuses(fixture('broken.docx'), '/tmp/uploads/broken.docx', /^"broken\.docx"/);
  });

  it('refuses a zip that is not a Word document, and a Word package without its text', async () => {
    await refuses(fixture('story.epub'), 'renamed.docx', /"renamed\.docx" is a zip archive but not a Word document/);
    const noText = zipSync({ '[Content_Types].xml': strToU8('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>') });
    await refuses(noText, 'hollow.docx', /"hollow\.docx" could not be read as a Word document/);
  });

  it('refuses a zip bomb before Word\'s parser sees it', async () => {
    const story = unzipSync(fixture('story.docx'));
    // 60 MB of one byte in an extra part compresses to a few dozen kilobytes.
    const bomb = zipSync({ ...story, 'word/media/filler.bin': new Uint8Array(60 * 1024 * 1024).fill(0x20) }, { level: 9 });
    assert.ok(bomb.length < MAX_IMPORT_BYTES);
    await refuses(bomb, 'bomb.docx', /^"bomb\.docx" unpacks to more than 50 MB/);
  });

  it('refuses an empty file and a document with no words', async () => {
    await refuses(new Uint8Array(0), 'empty.docx', /"empty\.docx" is empty/);
    const doc = strToU8('<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p/></w:body></w:document>');
    const rels = strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
    await refuses(zipSync({ '_rels/.rels': rels, 'word/document.xml': doc }), 'blank.docx', /"blank\.docx" has no text to import/);
  });
});
