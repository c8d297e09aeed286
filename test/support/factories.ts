// Factories: valid related records from a few overrides, through the real services.
import { SYSTEM, type Actor } from '../../src/domain/actor.ts';
import type { ServiceContext, Clock } from '../../src/services/context.ts';
import { validateWork, type WorkInput } from '../../src/services/work-input.ts';
import { writeWork } from '../../src/services/write-work.ts';
import { findOrCreateImportCreator } from '../../src/services/import-creator.ts';
import { insertUser, addRole } from '../../src/db/repos/users.repo.ts';
import type { Role } from '../../src/domain/actor.ts';
import type { Store } from '../../src/db/connect.ts';
import type { Mailer, MailMessage } from '../../src/mail/outbox.ts';

let counter = 0;
const unique = () => `${process.pid}${++counter}`;

export function fixedClock(iso = '2026-11-21T12:00:00.000Z'): Clock & { set(iso: string): void } {
  let now = new Date(iso);
  return { now: () => new Date(now), set: (next: string) => (now = new Date(next)) };
}

export type CapturedMail = MailMessage;

/** A mailer that keeps messages in memory, for tests that read what was sent. */
export function memoryMailer(): Mailer & { sent: CapturedMail[] } {
  const sent: CapturedMail[] = [];
  return { sent, send: async (message) => void sent.push(message) };
}

export function contextFor(store: Store, actor: Actor = SYSTEM, clock: Clock = fixedClock(), mailer: Mailer = memoryMailer()): ServiceContext {
  return { db: store.db, caps: store.caps, actor, clock, mailer, site: { name: 'Owlery Test', baseUrl: 'http://archive.test' } };
}

export interface MadeWork {
  id: number;
  title: string;
}

/** Posts a work by `creator` (a pseud name, created when new). */
export async function makeWork(ctx: ServiceContext, overrides: Partial<WorkInput> & { creator?: string } = {}): Promise<MadeWork> {
  const { creator = `writer${unique()}`, ...input } = overrides;
  const valid = validateWork({
    title: `A Work ${unique()}`,
    fandoms: ['Original Work'],
    chapters: [{ html: '<p>Some words of a story.</p>' }],
    ...input,
  });
  const now = ctx.clock.now();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const pseud = await findOrCreateImportCreator(trx, creator, now.toISOString());
    return writeWork(trx, valid, [pseud.id], now);
  });
  return { id, title: valid.title };
}

export async function makeUser(ctx: ServiceContext, overrides: { login?: string; roles?: Role[] } = {}): Promise<{ id: number; login: string; actor: Actor }> {
  const login = overrides.login ?? `user${unique()}`;
  const { user } = await insertUser(ctx.db, { login, email: `${login}@example.org`, passwordHash: null }, ctx.clock.now().toISOString());
  for (const role of overrides.roles ?? []) await addRole(ctx.db, user.id, role);
  return { id: user.id, login, actor: { kind: 'user', userId: user.id, login, roles: new Set(overrides.roles ?? []), suspended: false } };
}
