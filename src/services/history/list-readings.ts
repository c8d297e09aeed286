// A reader's history (/users/:login/readings) or, with `list: 'later'`, their Mark for Later
// list (AO3's ?show=to-read): each work as the reader may see it now, with the chapter last
// opened. Works hidden or deleted since drop out.
import { chapterLabels } from '../../db/repos/notifications.repo.ts';
import { readingsOf, type ReadingRecord } from '../../db/repos/readings.repo.ts';
import { readerPreferencesOf } from '../../db/repos/reader-preferences.repo.ts';
import { workScope } from '../../domain/policy.ts';
import type { ServiceContext } from '../context.ts';
import { loadWorkCards, type WorkCard } from '../work-cards.ts';
import { readerId } from '../reader/owner.ts';

export const READINGS_PER_PAGE = 20;

export interface ShownReading {
  reading: ReadingRecord;
  card: WorkCard;
  /** The chapter last opened, while it is still posted. */
  chapter: { id: number; number: number; title: string } | null;
}

export async function myReadings(
  ctx: ServiceContext,
  options: { login?: string; list?: 'history' | 'later'; page?: number } = {},
): Promise<{ items: ShownReading[]; total: number; page: number; perPage: number; historyEnabled: boolean }> {
  const userId = readerId(ctx, 'see your history', options.login);
  const page = Math.max(1, options.page ?? 1);
  const { items, total } = await readingsOf(ctx.db, userId, {
    scope: workScope(ctx.actor),
    list: options.list ?? 'history',
    limit: READINGS_PER_PAGE,
    offset: (page - 1) * READINGS_PER_PAGE,
  });
  const [cards, chapters] = await Promise.all([
    loadWorkCards(ctx.db, ctx.actor, items.map((r) => r.workId)),
    chapterLabels(ctx.db, items.map((r) => r.chapterId).filter((id): id is number => id !== null)),
  ]);
  const cardOf = new Map(cards.map((c) => [c.work.id, c]));
  const shown: ShownReading[] = [];
  for (const reading of items) {
    const card = cardOf.get(reading.workId);
    if (!card) continue;
    const label = reading.chapterId !== null ? chapters.get(reading.chapterId) : undefined;
    shown.push({ reading, card, chapter: label?.posted ? { id: reading.chapterId!, number: label.number, title: label.title } : null });
  }
  const { historyEnabled } = await readerPreferencesOf(ctx.db, userId);
  return { items: shown, total, page, perPage: READINGS_PER_PAGE, historyEnabled };
}
