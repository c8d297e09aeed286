// The reading history and Mark for Later as JSON, under /api/v1/me/…: the caller's own only,
// with a personal API token or a logged-in session (with its CSRF token on writes).
import { Type } from 'typebox';
import type { App } from '../app-type.ts';
import { myReadings } from '../../services/history/list-readings.ts';
import { clearHistory, forgetReading } from '../../services/history/clear-history.ts';
import { markForLater } from '../../services/history/mark-for-later.ts';
import { readingJson } from '../present/reader.ts';
import { Id } from '../web/routes/params.ts';
import { errorResponses, writeErrorResponses } from './schemas.ts';
import { HistorySchema } from './reader-schemas.ts';

const WRITE_LIMIT = { rateLimit: { max: 60, timeWindow: '1 minute' } };
const WorkParams = Type.Object({ workId: Id });
const noContent = { 204: Type.Null(), ...writeErrorResponses };

export async function registerHistoryApi(app: App): Promise<void> {
  app.get(
    '/api/v1/me/history',
    {
      schema: {
        tags: ['history'],
        summary: 'Your history, or your Marked for Later list',
        description: 'Works you opened while logged in, last visited first; `show=to-read` lists the works you marked for later instead.',
        querystring: Type.Object({ show: Type.Optional(Type.Union([Type.Literal('history'), Type.Literal('to-read')])), page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })) }),
        response: { 200: HistorySchema, ...errorResponses, 403: Type.Ref('Error') },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'private, no-store');
      const found = await myReadings(request.ctx, { list: request.query.show === 'to-read' ? 'later' : 'history', page: request.query.page ?? 1 });
      return { total: found.total, page: found.page, perPage: found.perPage, readings: found.items.map(readingJson) };
    },
  );

  app.delete(
    '/api/v1/me/history',
    { config: WRITE_LIMIT, schema: { tags: ['history'], summary: 'Clear your history', description: 'Works marked for later stay on that list.', response: noContent } },
    async (request, reply) => {
      await clearHistory(request.ctx);
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/api/v1/me/history/:workId',
    { config: WRITE_LIMIT, schema: { tags: ['history'], summary: 'Delete a work from your history', params: WorkParams, response: noContent } },
    async (request, reply) => {
      await forgetReading(request.ctx, request.params.workId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/me/marked-for-later',
    {
      config: WRITE_LIMIT,
      schema: { tags: ['history'], summary: 'Mark a work for later', body: Type.Object({ workId: Id }, { additionalProperties: false }), response: noContent },
    },
    async (request, reply) => {
      await markForLater(request.ctx, request.body.workId, true);
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/api/v1/me/marked-for-later/:workId',
    { config: WRITE_LIMIT, schema: { tags: ['history'], summary: 'Take a work off your Marked for Later list', params: WorkParams, response: noContent } },
    async (request, reply) => {
      await markForLater(request.ctx, request.params.workId, false);
      return reply.code(204).send(null);
    },
  );
}
