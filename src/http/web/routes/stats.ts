// The creators' stats pages: /works/:id/stats (a work's creators) and /users/:login/stats (the
// account's owner), after AO3's. Pipeline: validate → service (which authorizes) → present →
// view. Private pages: no shared cache may keep them.
import { Type } from 'typebox';
import type { App } from '../../app-type.ts';
import { DEFAULT_STATS_PERIOD, isStatsPeriod } from '../../../domain/stats-days.ts';
import { USER_STATS_SORTS, userStats } from '../../../services/stats/user-stats.ts';
import { workStats } from '../../../services/stats/work-stats.ts';
import { presentUserStats, presentWorkStats } from '../../present/stats.ts';
import { userStatsView, workStatsView } from '../views/stats.ts';
import { chromeFor, sendPage } from '../render.ts';
import { WorkParams } from './params.ts';

const StatsQuery = Type.Object({
  /** 30, 90 or 365; anything else shows the default period. */
  days: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
});
const UserStatsQuery = Type.Object({
  sort: Type.Optional(Type.Union(USER_STATS_SORTS.map((s) => Type.Literal(s)))),
  order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
});
const LoginParams = Type.Object({ login: Type.String({ minLength: 1, maxLength: 100 }) });

export async function registerStatsRoutes(app: App): Promise<void> {
  app.get('/works/:id/stats', { schema: { params: WorkParams, querystring: StatsQuery } }, async (request, reply) => {
    const days = request.query.days;
    const report = await workStats(request.ctx, request.params.id, days !== undefined && isStatsPeriod(days) ? days : DEFAULT_STATS_PERIOD);
    const page = presentWorkStats(report, { login: request.ctx.actor.kind === 'user' ? request.ctx.actor.login : null });
    return sendPage(reply.header('cache-control', 'private, no-store'), workStatsView(chromeFor(request, { title: `Stats for ${report.work.title}` }), page));
  });

  app.get('/users/:login/stats', { schema: { params: LoginParams, querystring: UserStatsQuery } }, async (request, reply) => {
    const report = await userStats(request.ctx, request.params.login, request.query.sort, request.query.order);
    return sendPage(reply.header('cache-control', 'private, no-store'), userStatsView(chromeFor(request, { title: 'Stats' }), presentUserStats(report)));
  });
}
