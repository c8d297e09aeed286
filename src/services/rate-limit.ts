// Rate limits on abuse-prone actions (log-in, sign-up, password reset, comments later). Each
// limit is a named fixed window; keys combine the limit with who is acting (an IP address or an
// account). Addresses are hashed before they are stored.
import { createHash } from 'node:crypto';
import { clearEvents, countEvent, peekEvents, uncountEvent } from '../db/repos/rate-limits.repo.ts';
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

export function limitKey(limit: Limit, subject: string): string {
  return `${limit.name}:${createHash('sha256').update(subject.toLowerCase()).digest('hex').slice(0, 32)}`;
}

/**
 * Counts an attempt, atomically, before the work it guards; throws RateLimited once the window's
 * allowance is spent. Counting first means parallel requests cannot all slip under the limit.
 */
export async function spend(db: Db, limit: Limit, subject: string, now: Date): Promise<void> {
  const { count } = await countEvent(db, limitKey(limit, subject), limit.windowMs, now.getTime());
  if (count > limit.max) throw new RateLimited(limit.message);
}

/** Whether the allowance is already spent, without counting (checked before doing work). */
export async function exhausted(db: Db, limit: Limit, subject: string, now: Date): Promise<boolean> {
  return (await peekEvents(db, limitKey(limit, subject), limit.windowMs, now.getTime())) >= limit.max;
}

export async function reset(db: Db, limit: Limit, subject: string): Promise<void> {
  await clearEvents(db, limitKey(limit, subject));
}

/** Gives one attempt back (it succeeded and should not count against the person). */
export async function giveBack(db: Db, limit: Limit, subject: string): Promise<void> {
  await uncountEvent(db, limitKey(limit, subject));
}
