// Recording that a logged-in reader opened a work (AO3's history): the last visit, the chapter
// last opened and how many times. Called from the work and chapter pages; it must never make a
// page fail or wait long, so it is one upsert and any error is only logged. Nothing is kept for
// guests, for the work's own creators, or for readers who turned their history off.
import { readerPreferencesOf } from '../../db/repos/reader-preferences.repo.ts';
import { upsertVisit } from '../../db/repos/readings.repo.ts';
import { can } from '../../domain/policy.ts';
import type { ServiceContext } from '../context.ts';
import { workAccess, type WorkCard } from '../work-cards.ts';

export async function recordVisit(ctx: ServiceContext, card: WorkCard, chapterId: number | null, onError: (error: unknown) => void = () => {}): Promise<void> {
  const actor = ctx.actor;
  if (actor.kind !== 'user' || !can(actor, { do: 'reading:manage', userId: actor.userId })) return;
  const access = workAccess(card.work, card.creators);
  if (!card.work.posted || can(actor, { do: 'work:edit', work: access })) return;
  try {
    if (!(await readerPreferencesOf(ctx.db, actor.userId)).historyEnabled) return;
    await upsertVisit(ctx.db, actor.userId, card.work.id, chapterId, ctx.clock.now().toISOString());
  } catch (error) {
    onError(error);
  }
}
