// Outgoing email. Messages are built by nodemailer (RFC 5322, MIME, encoded headers) and either
// written as .eml files under DATA/outbox — so a self-hoster without a mail server still sees
// every message — or sent through SMTP when OWLERY_SMTP_URL is set.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { Config } from '../config.ts';

export interface MailMessage {
  to: string;
  subject: string;
  /** Plain-text body; every message has one. */
  text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

export function outboxDir(dataDir: string): string {
  return path.join(dataDir, 'outbox');
}

/** Writes each message as DATA/outbox/<time>-<random>.eml, atomically (temp file, then rename). */
export function fileMailer(dir: string, from: string): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(message) {
      const info = await transport.sendMail({ from, ...message });
      fs.mkdirSync(dir, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.eml`;
      const temp = path.join(dir, `.${name}.tmp`);
      fs.writeFileSync(temp, info.message as Buffer, { mode: 0o600 });
      fs.renameSync(temp, path.join(dir, name));
    },
  };
}

export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    async send(message) {
      await transport.sendMail({ from, ...message });
    },
  };
}

export function createMailer(config: Pick<Config, 'dataDir' | 'smtpUrl' | 'mailFrom'>): Mailer {
  return config.smtpUrl ? smtpMailer(config.smtpUrl, config.mailFrom) : fileMailer(outboxDir(config.dataDir), config.mailFrom);
}

/**
 * Sends without making the caller wait or fail: for answers that must look the same whether or
 * not a message went out (a reset request for an unknown address sends nothing), the time taken
 * and the outcome must not depend on delivery. Failures are reported on stderr.
 */
export function sendInBackground(mailer: Mailer, message: MailMessage): void {
  mailer.send(message).catch((error: unknown) => {
    console.error(`Owlery could not send the email "${message.subject}": ${error instanceof Error ? error.message : String(error)}`);
  });
}
