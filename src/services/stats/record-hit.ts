// Counting a hit: one per visitor per work per UTC day (AO3 counts hits the same way), for
// guests and users alike; a work's own creators reading it do not count, nor do drafts, hidden
// works or previews. A view costs one insert-or-ignore, plus the counter bumps the first time a
// visitor is seen that day.
import { bumpHits, insertHitVisitor, recordWorkStat } from '../../db/repos/work-stats.repo.ts';
import type { Actor } from '../../domain/actor.ts';
import type { WorkAccess } from '../../domain/policy.ts';
import type { ServiceContext } from '../context.ts';
import { hitVisitorKey } from './visitor-keys.ts';

export interface HitInput {
  workId: number;
  /** Who may see the work: the caller has already checked that the actor may read it. */
  access: WorkAccess;
  /** The client's address (only a daily salted hash of it is stored). */
  ip: string;
}

function counts(actor: Actor, work: WorkAccess): boolean {
  if (!work.posted || work.hiddenByAdmin) return false;
  if (actor.kind === 'system') return false;
  return !(actor.kind === 'user' && work.creatorUserIds.includes(actor.userId));
}

/**
 * Visitors this process already counted today, per store, so a reader's repeated views cost no
 * write. The table stays the authority (another process may have counted the visitor): this only
 * skips asking it again. Emptied when the day changes or when full.
 */
const SEEN_LIMIT = 200_000;
const seenToday = new WeakMap<ServiceContext['db'], { day: string; keys: Set<string> }>();

function seenSet(db: ServiceContext['db'], day: string): Set<string> {
  let seen = seenToday.get(db);
  if (!seen || seen.day !== day || seen.keys.size >= SEEN_LIMIT) seenToday.set(db, (seen = { day, keys: new Set() }));
  return seen.keys;
}

/** Counts the actor's view of a work they were allowed to read; true when it was a new hit. */
export async function recordHit(ctx: ServiceContext, input: HitInput): Promise<boolean> {
  if (!counts(ctx.actor, input.access)) return false;
  const now = ctx.clock.now();
  // A user is the same visitor from any address; a guest is known only by address.
  const visitor = ctx.actor.kind === 'user' ? `user:${ctx.actor.userId}` : `ip:${input.ip}`;
  const { day, key } = await hitVisitorKey(ctx.db, input.workId, visitor, now);
  const seen = seenSet(ctx.db, day);
  const seenKey = `${input.workId}:${key}`;
  if (seen.has(seenKey)) return false;
  const inserted = await insertHitVisitor(ctx.db, day, input.workId, key);
  seen.add(seenKey);
  if (!inserted) return false;
  // Not one transaction with the insert: a failure in between loses one hit, which is cheaper
  // than holding a write transaction open on every first view of the day.
  await bumpHits(ctx.db, input.workId);
  await recordWorkStat(ctx.db, input.workId, 'hits', 1, day);
  return true;
}
