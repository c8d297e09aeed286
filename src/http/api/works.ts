// GET /api/v1/works, /api/v1/works/:id and /api/v1/works/:id/chapters.
import { Type } from 'typebox';
import type { App } from '../app-type.ts';
import { listWorks } from '../../services/list-works.ts';
import { findReadableWork, readWork } from '../../services/read-work.ts';
import { presentChapterJson, presentFacets, presentWorkJson } from '../present/work-json.ts';
import { chapterNumbers } from '../present/work-page.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { errorResponses } from './schemas.ts';
import { Id } from '../web/routes/params.ts';

const ListQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20, description: 'Works per page (1–100)' })),
  cursor: Type.Optional(Type.String({ maxLength: 200, description: 'The `next` value of the previous page' })),
});

export async function registerWorkApi(app: App): Promise<void> {
  app.get(
    '/api/v1/works',
    {
      schema: {
        tags: ['works'],
        summary: 'List works, newest first',
        description: 'Works ordered by last update, newest first, with cursor pagination, the total and facet counts (the ten most frequent tags of each type among all matching works).',
        querystring: ListQuery,
        response: { 200: Type.Ref('WorkList'), ...errorResponses },
      },
    },
    async (request) => {
      const limit = request.query.limit ?? 20;
      const result = await listWorks(request.ctx, { limit, after: decodeCursor(request.query.cursor), withTotal: true, withFacets: true });
      return { total: result.total ?? 0, works: result.cards.map(presentWorkJson), facets: presentFacets(result.facets ?? []), next: encodeCursor(result.next) };
    },
  );

  app.get(
    '/api/v1/works/:id',
    {
      schema: {
        tags: ['works'],
        summary: 'One work',
        params: Type.Object({ id: Id }),
        response: { 200: Type.Ref('Work'), ...errorResponses },
      },
    },
    async (request) => presentWorkJson(await findReadableWork(request.ctx, request.params.id)),
  );

  app.get(
    '/api/v1/works/:id/chapters',
    {
      schema: {
        tags: ['works'],
        summary: "A work's posted chapters, in order, with their text",
        params: Type.Object({ id: Id }),
        response: { 200: Type.Object({ workId: Type.Integer(), chapters: Type.Array(Type.Ref('Chapter')) }), ...errorResponses },
      },
    },
    async (request) => {
      const reading = await readWork(request.ctx, request.params.id, { full: true });
      // Numbered as the reader sees them: a draft between posted chapters leaves no gap.
      const numbers = chapterNumbers(reading);
      return { workId: request.params.id, chapters: reading.shown.map((c) => presentChapterJson(request.params.id, c, numbers.get(c.id))) };
    },
  );
}
