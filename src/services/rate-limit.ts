// Rate limits on abuse-prone actions (log-in, sign-up, password reset, comments later). Each
// limit is a named fixed window; keys combine the limit with who is acting (an IP address or an
// account). Subjects are stored only as a keyed hash (HMAC-SHA256 under a server secret kept in
// the settings table, as the guest kudos keys in stats/visitor-keys.ts are): a plain SHA-256 of
// an address could be reversed by hashing all four billion IPv4 addresses, a keyed one cannot be
// without the secret. The secret never changes once made, so a subject keeps its key and the
// limits behave exactly as before.
import { createHmac, randomBytes } from 'node:crypto';
import { clearEvents, countEvent, peekEvents, uncountEvent } from '../db/repos/rate-limits.repo.ts';
import { settingOrInsert } from '../db/repos/settings.repo.ts';
import type { Db } from '../db/types.ts';
import { RateLimited } from '../domain/errors.ts';

export interface Limit {
  name: string;
  max: number;
  windowMs: number;
  /** What the person is told when they hit it. */
  message: string;
}

const MINUTE = 60_000;

export const LIMITS = {
  /** Log-in attempts from one address (OWASP: slow down guessing); successful ones are given back. */
  loginPerIp: { name: 'login-ip', max: 50, windowMs: 15 * MINUTE, message: 'Too many log-in attempts from your network. Wait 15 minutes and try again.' },
  /** Failed log-ins against one account from anywhere: many IPs cannot keep guessing. */
  loginPerAccount: {
    name: 'login-account',
    max: 10,
    windowMs: 15 * MINUTE,
    message: 'This account has had too many failed log-in attempts. Wait 15 minutes, or reset your password to get back in now.',
  },
  signupPerIp: { name: 'signup-ip', max: 20, windowMs: 60 * MINUTE, message: 'Too many sign-up attempts from your network. Please try again in an hour.' },
  resetPerAddress: { name: 'reset-email', max: 3, windowMs: 60 * MINUTE, message: '' },
  resetPerIp: { name: 'reset-ip', max: 10, windowMs: 60 * MINUTE, message: 'Too many password reset requests from your network. Please try again in an hour.' },
  inviteRequestPerIp: { name: 'invite-request-ip', max: 5, windowMs: 60 * MINUTE, message: 'Too many invitation requests from your network. Please try again in an hour.' },
} satisfies Record<string, Limit>;

const SECRET_KEY = 'rate-limit.secret';

// Per store (tests open many in one process), so a limited request normally costs no settings
// query. A transaction handle is a different object and misses the cache; it then reads (or,
// the very first time, makes) the same secret.
const secrets = new WeakMap<Db, string>();

async function secretOf(db: Db): Promise<string> {
  let secret = secrets.get(db);
  if (!secret) {
    // Insert-if-absent: processes racing to make it all end up with the one stored first.
    secret = await settingOrInsert(db, SECRET_KEY, randomBytes(32).toString('base64url'), new Date().toISOString());
    secrets.set(db, secret);
  }
  return secret;
}

/** The row key of `subject` under `limit`: the limit's name and 128 bits of the subject's HMAC. */
export async function limitKey(db: Db, limit: Limit, subject: string): Promise<string> {
  const mac = createHmac('sha256', await secretOf(db)).update(subject.toLowerCase()).digest('hex').slice(0, 32);
  return `${limit.name}:${mac}`;
}

/**
 * Counts an attempt, atomically, before the work it guards; throws RateLimited once the window's
 * allowance is spent. Counting first means parallel requests cannot all slip under the limit.
 */
export async function spend(db: Db, limit: Limit, subject: string, now: Date): Promise<void> {
  const { count } = await countEvent(db, await limitKey(db, limit, subject), limit.windowMs, now.getTime());
  if (count > limit.max) throw new RateLimited(limit.message);
}

/** Whether the allowance is already spent, without counting (checked before doing work). */
export async function exhausted(db: Db, limit: Limit, subject: string, now: Date): Promise<boolean> {
  return (await peekEvents(db, await limitKey(db, limit, subject), limit.windowMs, now.getTime())) >= limit.max;
}

export async function reset(db: Db, limit: Limit, subject: string): Promise<void> {
  await clearEvents(db, await limitKey(db, limit, subject));
}

/** Gives one attempt back (it succeeded and should not count against the person). */
export async function giveBack(db: Db, limit: Limit, subject: string): Promise<void> {
  await uncountEvent(db, await limitKey(db, limit, subject));
}
