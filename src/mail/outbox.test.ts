import { it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createMailer, outboxDir } from './outbox.ts';

it('writes each message as a complete .eml file in the outbox when no SMTP server is set', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'owlery-mail-'));
  try {
    const mailer = createMailer({ dataDir, smtpUrl: null, mailFrom: 'Owlery <no-reply@archive.test>' });
    await mailer.send({ to: 'reader@example.org', subject: 'Ünïcode subject ✓', text: 'Hello,\nthis is the body.\n' });
    const files = fs.readdirSync(outboxDir(dataDir));
    assert.equal(files.length, 1);
    assert.match(files[0]!, /\.eml$/);
    const eml = fs.readFileSync(path.join(outboxDir(dataDir), files[0]!), 'utf8');
    assert.match(eml, /^From: Owlery <no-reply@archive\.test>$/m);
    assert.match(eml, /^To: reader@example\.org$/m);
    assert.match(eml, /^Subject: =\?UTF-8\?/m, 'non-ASCII subjects are MIME-encoded');
    assert.match(eml, /^Message-ID: </m);
    assert.match(eml, /this is the body/);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
