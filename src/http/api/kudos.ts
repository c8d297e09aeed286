// Kudos and a work's stats as JSON, under the same services and policies as the pages:
//   GET  /api/v1/works/:id/kudos  who left kudos (user logins, most recent first, and a guest count)
//   POST /api/v1/works/:id/kudos  leave kudos — logged-in callers only (an API token, or a session
//                                 with its CSRF token). Guests leave kudos through the page's form,
//                                 whose CSRF token and per-address limit stand between them and a
//                                 script; an anonymous API has neither, so it answers 401.
//   GET  /api/v1/works/:id/stats  the work's totals and days (its creators only)
import { Type } from 'typebox';
import type { App } from '../app-type.ts';
import { Invalid, Unauthenticated } from '../../domain/errors.ts';
import { DEFAULT_STATS_PERIOD, STATS_PERIODS, isStatsPeriod } from '../../domain/stats-days.ts';
import { ALREADY_LEFT_KUDOS, leaveKudos } from '../../services/kudos/leave-kudos.ts';
import { KUDOS_NAMES_IN_API, listKudos } from '../../services/kudos/list-kudos.ts';
import { workStats } from '../../services/stats/work-stats.ts';
import { kudosJson } from '../present/kudos.ts';
import { workStatsJson } from '../present/stats.ts';
import { WorkParams } from '../web/routes/params.ts';
import { errorResponses, writeErrorResponses } from './schemas.ts';

const WRITE_LIMIT = { rateLimit: { max: 60, timeWindow: '1 minute' } };
const readErrors = { ...errorResponses, 403: Type.Ref('Error') };

const Kudos = Type.Object({
  workId: Type.Integer(),
  total: Type.Integer({ description: 'All kudos: users’ and guests’' }),
  userCount: Type.Integer({ description: 'Kudos left by users with an account' }),
  guestCount: Type.Integer({ description: 'Kudos left by guests (and by accounts deleted since)' }),
  users: Type.Array(Type.Object({ login: Type.String(), url: Type.String() }), { description: `The users who left kudos, most recent first (at most ${KUDOS_NAMES_IN_API})` }),
});

const Counts = {
  hits: Type.Integer(),
  kudos: Type.Integer(),
  comments: Type.Integer(),
  bookmarks: Type.Integer(),
  subscriptions: Type.Integer({ description: 'Net: subscriptions added minus removed' }),
};
const WorkStats = Type.Object({
  workId: Type.Integer(),
  period: Type.Integer({ description: 'Days covered by `days`' }),
  totals: Type.Object({ ...Counts, words: Type.Integer() }, { description: 'All time' }),
  days: Type.Array(Type.Object({ day: Type.String({ format: 'date', description: 'UTC day' }), ...Counts }), { description: 'Every day of the period, oldest first; counts are net of removals' }),
});

export async function registerKudosApi(app: App): Promise<void> {
  app.get(
    '/api/v1/works/:id/kudos',
    { schema: { tags: ['feedback'], summary: 'Who left kudos on a work', params: WorkParams, response: { 200: Kudos, ...readErrors } } },
    async (request) => kudosJson(request.params.id, await listKudos(request.ctx, request.params.id)),
  );

  app.post(
    '/api/v1/works/:id/kudos',
    {
      config: WRITE_LIMIT,
      schema: {
        tags: ['feedback'],
        summary: 'Leave kudos on a work',
        description: `Needs an API token (Authorization: Bearer owl_…); guests leave kudos on the work page instead. One kudos per user per work: a second answers 422 "${ALREADY_LEFT_KUDOS}" and changes nothing. A work's creators cannot leave kudos on it (403).`,
        params: WorkParams,
        response: { 201: Kudos, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      if (request.ctx.actor.kind !== 'user') throw new Unauthenticated('Log in, or send an API token, to leave kudos through the API.');
      const { outcome } = await leaveKudos(request.ctx, { workId: request.params.id, ip: request.ip });
      // AO3 answers a second kudos with 422 and this message too.
      if (outcome === 'already') throw new Invalid(ALREADY_LEFT_KUDOS, { kudos: ALREADY_LEFT_KUDOS });
      return reply.code(201).send(kudosJson(request.params.id, await listKudos(request.ctx, request.params.id)));
    },
  );

  app.get(
    '/api/v1/works/:id/stats',
    {
      schema: {
        tags: ['feedback'],
        summary: 'A work’s statistics over time',
        description: `For the work's creators only. \`days\`: ${STATS_PERIODS.join(', ')} (default ${DEFAULT_STATS_PERIOD}).`,
        params: WorkParams,
        querystring: Type.Object({ days: Type.Optional(Type.Integer({ enum: [...STATS_PERIODS], description: 'The period, in days' })) }),
        response: { 200: WorkStats, ...readErrors },
      },
    },
    async (request, reply) => {
      const days = request.query.days;
      const report = await workStats(request.ctx, request.params.id, days !== undefined && isStatsPeriod(days) ? days : DEFAULT_STATS_PERIOD);
      reply.header('cache-control', 'private, no-store');
      return workStatsJson(report);
    },
  );
}
