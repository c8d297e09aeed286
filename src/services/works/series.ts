// Editing a series' own details (title, description, notes, complete) — only its creators may.
import { bumpRevision } from '../../db/repos/creatorships.repo.ts';
import { findSeriesById, seriesCreatorUserIds, seriesWorkIds, updateSeries, type SeriesRecord } from '../../db/repos/series.repo.ts';
import { Forbidden, Invalid, NotFound, Unauthenticated } from '../../domain/errors.ts';
import { can } from '../../domain/policy.ts';
import { LIMITS } from '../../domain/work-rules.ts';
import { sanitizeHtml } from '../../formats/sanitize.ts';
import { findSeries } from '../browse.ts';
import type { ServiceContext } from '../context.ts';

export interface SeriesInput {
  title: string;
  summaryHtml?: string | undefined;
  notesHtml?: string | undefined;
  complete?: boolean | undefined;
}

/** Whether the actor may edit the series (for the series page's "Edit series" link). */
export async function canEditSeries(ctx: ServiceContext, seriesId: number): Promise<boolean> {
  return can(ctx.actor, { do: 'series:edit', creatorUserIds: await seriesCreatorUserIds(ctx.db, seriesId) });
}

export async function seriesForEditing(ctx: ServiceContext, seriesId: number): Promise<SeriesRecord> {
  if (ctx.actor.kind !== 'user') throw new Unauthenticated('Log in to edit your series.');
  const series = await findSeriesById(ctx.db, seriesId);
  if (!series) throw new NotFound(`There is no series ${seriesId}.`);
  if (!(await canEditSeries(ctx, seriesId))) {
    // A series nobody may see (all its works hidden from the actor) is not revealed.
    await findSeries(ctx, seriesId);
    throw new Forbidden('Only the creators of this series may edit it.');
  }
  return series;
}

export async function editSeries(ctx: ServiceContext, seriesId: number, input: SeriesInput): Promise<void> {
  await seriesForEditing(ctx, seriesId);
  const problems: Record<string, string> = {};
  const title = input.title.replace(/\s+/g, ' ').trim();
  if (title === '') problems.title = 'A series needs a title.';
  else if (title.length > LIMITS.titleMax) problems.title = `Series titles are at most ${LIMITS.titleMax} characters (this one has ${title.length}).`;
  const summary = sanitizeHtml(input.summaryHtml ?? '');
  if (summary.length > LIMITS.summaryMax) problems.summary = `The description must be at most ${LIMITS.summaryMax.toLocaleString('en-US')} characters (it has ${summary.length.toLocaleString('en-US')}).`;
  const notes = sanitizeHtml(input.notesHtml ?? '');
  if (notes.length > LIMITS.notesMax) problems.notes = `Notes must be at most ${LIMITS.notesMax.toLocaleString('en-US')} characters (they have ${notes.length.toLocaleString('en-US')}).`;
  if (Object.keys(problems).length > 0) throw new Invalid(Object.values(problems).join(' '), problems);
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await updateSeries(trx, seriesId, { title, summary, notes, complete: input.complete ?? false }, now);
    // Every work of the series shows its title (pages, downloads, feeds): each is revised.
    for (const workId of await seriesWorkIds(trx, seriesId)) await bumpRevision(trx, workId, now);
  });
}
