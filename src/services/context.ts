// What every service receives: the database, who is acting, and the clock (injected so tests
// can pin time).
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Capabilities } from '../db/connect.ts';
import type { Actor } from '../domain/actor.ts';
import type { Mailer } from '../mail/outbox.ts';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface Site {
  name: string;
  /** Absolute origin for links that leave the page: emails, feeds. */
  baseUrl: string;
}

export interface ServiceContext {
  db: Kysely<Database>;
  caps: Capabilities;
  actor: Actor;
  clock: Clock;
  mailer: Mailer;
  site: Site;
}
