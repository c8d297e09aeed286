// AO3's "Mark for Later": a reader keeps a work on a to-read list, and "Mark as Read" takes it
// off. Only works the reader may read and follow (posted, not hidden) can be marked; taking a
// mark off always works.
import { setMarkedForLater } from '../../db/repos/readings.repo.ts';
import { Forbidden } from '../../domain/errors.ts';
import { can } from '../../domain/policy.ts';
import type { ServiceContext } from '../context.ts';
import { findReadableWork } from '../read-work.ts';
import { workAccess } from '../work-cards.ts';
import { readerId } from '../reader/owner.ts';

export async function markForLater(ctx: ServiceContext, workId: number, marked: boolean): Promise<void> {
  const userId = readerId(ctx, 'mark works for later');
  if (marked) {
    const card = await findReadableWork(ctx, workId);
    if (!can(ctx.actor, { do: 'work:track', work: workAccess(card.work, card.creators) })) throw new Forbidden('This work cannot be marked for later.');
  }
  await setMarkedForLater(ctx.db, userId, workId, marked ? ctx.clock.now().toISOString() : null);
}
