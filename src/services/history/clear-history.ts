// Clearing one's history, whole or one work at a time. Works marked for later stay on that list
// (the reader asked to keep them), without their visits.
import { clearVisits, forgetVisit } from '../../db/repos/readings.repo.ts';
import { NotFound } from '../../domain/errors.ts';
import type { ServiceContext } from '../context.ts';
import { readerId } from '../reader/owner.ts';

export async function clearHistory(ctx: ServiceContext): Promise<void> {
  await clearVisits(ctx.db, readerId(ctx, 'clear your history'));
}

export async function forgetReading(ctx: ServiceContext, workId: number): Promise<void> {
  const found = await forgetVisit(ctx.db, readerId(ctx, 'change your history'), workId);
  if (!found) throw new NotFound(`Work ${workId} is not in your history.`);
}
