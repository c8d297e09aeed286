// The Calibre bridge: a clear error when ebook-convert is missing, a time limit, failures
// reported, and real conversions when Calibre is installed.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { convertEpub } from '../../src/formats/export/calibre.ts';
import { buildEpub } from '../../src/formats/export/epub.ts';
import { Invalid } from '../../src/domain/errors.ts';
import { exportWork } from './export-fixtures.ts';

const calibre = spawnSync('ebook-convert', ['--version'], { encoding: 'utf8' }).status === 0;

describe('Calibre conversions', () => {
  let dir: string;
  const script = (name: string, body: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
    return file;
  };
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'owlery-calibre-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const epub = buildEpub(exportWork());

  it('says that Calibre is missing when ebook-convert is not there', async () => {
    await assert.rejects(convertEpub(epub, 'azw3', { command: path.join(dir, 'no-such-converter') }), (error: unknown) => {
      assert.ok(error instanceof Invalid);
      assert.equal(error.message, "AZW3 downloads need Calibre's ebook-convert, which is not installed on this server.");
      return true;
    });
  });

  it('stops a conversion that takes too long', async () => {
    const started = Date.now();
    await assert.rejects(convertEpub(epub, 'pdf', { command: script('slow', 'exec sleep 30'), timeoutMs: 300 }), /took longer than 300 ms/);
    assert.ok(Date.now() - started < 10_000);
  });

  it('reports a failed conversion with the end of its output', async () => {
    await assert.rejects(convertEpub(epub, 'mobi', { command: script('broken', 'echo "cannot read input" >&2; exit 3') }), /failed \(exit 3\) making a MOBI: cannot read input/);
  });

  it('passes the EPUB and the output path as arguments, never through a shell', async () => {
    const copy = script('copy', 'cp "$1" "$2"');
    const out = await convertEpub(epub, 'azw3', { command: copy });
    assert.deepEqual(out, epub);
  });

  it('makes AZW3 files with the real ebook-convert', { skip: calibre ? false : 'Calibre is not installed' }, async () => {
    const out = await convertEpub(epub, 'azw3');
    assert.equal(Buffer.from(out.subarray(60, 68)).toString('latin1'), 'BOOKMOBI');
  });
});
