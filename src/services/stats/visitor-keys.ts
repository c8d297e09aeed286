// Turning a visitor into a key that says "the same visitor again" without saying who, so no IP
// address is ever stored (issue 6; GDPR art. 25, data protection by design):
//
// - Guest kudos: HMAC-SHA256 of the work and the address under a secret kept in the settings
//   table. The work is in the message so one guest's kudos on different works cannot be linked.
//   The secret must last (a guest may come back next year), so whoever holds both the database
//   and the secret could still test guesses of an address: the key hides addresses from readers
//   of the table, backups and exports, not from the server itself.
// - Hits: the same, under a salt made for each UTC day. At the first hit of a new day the old
//   salt is deleted along with the old day's visitor rows, after which nobody — the server
//   included — can tell who the earlier hashes belonged to.
//
// Secrets are created on first use (insert-if-absent, so racing processes agree on one) and
// cached per store, so a page view normally costs no settings query.
import { createHmac, randomBytes } from 'node:crypto';
import { deleteSettingsWithPrefix, settingOrInsert } from '../../db/repos/settings.repo.ts';
import { pruneHitVisitors } from '../../db/repos/work-stats.repo.ts';
import type { Db } from '../../db/types.ts';
import { utcDay } from '../../domain/stats-days.ts';

const GUEST_SECRET_KEY = 'kudos.guest-secret';
const HIT_SALT_PREFIX = 'hits.salt.';

// Keyed by the store's Kysely instance: tests open many stores in one process.
const guestSecrets = new WeakMap<Db, string>();
const hitSalts = new WeakMap<Db, { day: string; salt: string }>();

const newSecret = () => randomBytes(32).toString('base64url');

/** 128 bits of HMAC-SHA256: collisions are out of reach, and the rows stay small. */
function keyed(secret: string, message: string): string {
  return createHmac('sha256', secret).update(message).digest('hex').slice(0, 32);
}

/** The key a guest's kudos on a work is stored under. */
export async function guestKudosKey(db: Db, workId: number, ip: string, now: Date): Promise<string> {
  let secret = guestSecrets.get(db);
  if (!secret) {
    secret = await settingOrInsert(db, GUEST_SECRET_KEY, newSecret(), now.toISOString());
    guestSecrets.set(db, secret);
  }
  return keyed(secret, `${workId}\n${ip}`);
}

/**
 * Today's salt, made (and yesterday's forgotten) by the first hit of the day. Each process does
 * the forgetting once a day; after the first it deletes nothing.
 */
async function todaysSalt(db: Db, now: Date): Promise<{ day: string; salt: string }> {
  const day = utcDay(now);
  const cached = hitSalts.get(db);
  if (cached?.day === day) return cached;
  const key = `${HIT_SALT_PREFIX}${day}`;
  const salt = await settingOrInsert(db, key, newSecret(), now.toISOString());
  await deleteSettingsWithPrefix(db, HIT_SALT_PREFIX, key);
  await pruneHitVisitors(db, day);
  const fresh = { day, salt };
  hitSalts.set(db, fresh);
  return fresh;
}

/**
 * The day and the key a visitor's hit on a work is counted under. `visitor` names who is
 * looking (`user:ID` or `ip:ADDRESS`); only its hash leaves this function.
 */
export async function hitVisitorKey(db: Db, workId: number, visitor: string, now: Date): Promise<{ day: string; key: string }> {
  const { day, salt } = await todaysSalt(db, now);
  return { day, key: keyed(salt, `${workId}\n${visitor}`) };
}
