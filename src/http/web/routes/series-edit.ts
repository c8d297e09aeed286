// Editing a series: title, description, notes and the complete flag, for its creators only
// (the service asks the policy, `series:edit`).
import { Type } from 'typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../../app-type.ts';
import { editSeries, seriesForEditing } from '../../../services/works/series.ts';
import { paragraphsFromText } from '../../../services/works/rich-text.ts';
import { seriesUrl } from '../../present/urls.ts';
import { chromeFor, sendPage } from '../render.ts';
import { formErrors, formStatus, loginRedirect, redirectTo } from '../forms.ts';
import { seriesFormView, type SeriesFormPage } from '../views/posting-series.ts';
import { Id } from './params.ts';

const Params = Type.Object({ id: Id });
// Generous bounds: the service gives the precise, friendly limits.
const Body = Type.Object({
  title: Type.String({ maxLength: 10_000 }),
  summary: Type.Optional(Type.String({ maxLength: 100_000 })),
  notes: Type.Optional(Type.String({ maxLength: 100_000 })),
  complete: Type.Optional(Type.String({ maxLength: 10 })),
});

async function render(request: FastifyRequest, reply: FastifyReply, id: number, values: SeriesFormPage['values'] | null, errors: Record<string, string>, status = 200): Promise<FastifyReply> {
  const series = await seriesForEditing(request.ctx, id);
  const page: SeriesFormPage = {
    action: `/series/${id}/edit`,
    seriesUrl: seriesUrl(id),
    values: values ?? { title: series.title, summary: series.summary, notes: series.notes, complete: series.complete },
    errors,
  };
  return sendPage(reply, seriesFormView(chromeFor(request, { title: `Edit ${series.title}` }), page), status);
}

export async function registerSeriesEditRoutes(app: App): Promise<void> {
  app.get('/series/:id/edit', { schema: { params: Params } }, async (request, reply) => {
    if (request.ctx.actor.kind !== 'user') return loginRedirect(request, reply);
    return render(request, reply, request.params.id, null, {});
  });

  app.post('/series/:id/edit', { schema: { params: Params, body: Body } }, async (request, reply) => {
    if (request.ctx.actor.kind !== 'user') return loginRedirect(request, reply);
    const values = { title: request.body.title, summary: request.body.summary ?? '', notes: request.body.notes ?? '', complete: Boolean(request.body.complete) };
    try {
      await editSeries(request.ctx, request.params.id, { title: values.title, summaryHtml: paragraphsFromText(values.summary), notesHtml: paragraphsFromText(values.notes), complete: values.complete });
      return redirectTo(reply, seriesUrl(request.params.id));
    } catch (error) {
      return render(request, reply, request.params.id, values, formErrors(error), formStatus(error));
    }
  });
}
