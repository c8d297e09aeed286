// What the work and chapter pages add for the reader's own tracking (issue 6): the visit goes in
// their history, and the panel with Subscribe, Mark for Later and the bookmark form is shown.
// Called by routes/works.ts after the work has been read (so authorized).
import type { FastifyRequest } from 'fastify';
import type { WorkReading } from '../../services/read-work.ts';
import { recordVisit } from '../../services/history/record-visit.ts';
import { readerStateForWork } from '../../services/reader/work-panel.ts';
import type { SafeHtml } from './html.ts';
import { chromeFor } from './render.ts';
import { readerPanel } from './views/reader-panel.ts';
import { addressWithoutNotice, readerNotice } from './reader-routing.ts';

export async function readerExtras(request: FastifyRequest, reading: WorkReading): Promise<{ reader?: SafeHtml }> {
  if (request.ctx.actor.kind !== 'user') return {};
  // The entire-work view names no chapter; the history keeps the one last opened.
  const chapterId = reading.mode === 'chapter' ? (reading.shown[0]?.id ?? null) : null;
  await recordVisit(request.ctx, reading.card, chapterId, (err) => request.log.warn({ err, workId: reading.card.work.id }, 'reading not recorded'));
  const state = await readerStateForWork(request.ctx, reading.card);
  if (!state) return {};
  const notice = readerNotice(request);
  // The panel's forms come back to this very page (entire work included), without the notice.
  const chrome = chromeFor(request, { title: reading.card.work.title, path: addressWithoutNotice(request) });
  const b = state.bookmark;
  return {
    reader: readerPanel(chrome, {
      workId: reading.card.work.id,
      workTitle: reading.card.work.title,
      bookmark: b ? { id: b.id, notesHtml: b.notes, tags: b.tags, private: b.private, rec: b.rec } : null,
      subscriptionId: state.subscriptionId,
      markedForLater: state.markedForLater,
      notice,
      errors: {},
      values: {},
    }),
  };
}
