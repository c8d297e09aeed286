// The caller's own blocked users as JSON under /api/v1/me/blocked-users, under the same services
// as the /users/:login/blocked page. A token may manage them, as it may manage muted creators.
import { Type } from 'typebox';
import type { App } from '../app-type.ts';
import { blockUser } from '../../services/blocks/block-user.ts';
import { unblockUser } from '../../services/blocks/unblock-user.ts';
import { myBlockedUsers } from '../../services/blocks/list-blocked.ts';
import { userUrl } from '../present/urls.ts';
import { Id } from '../web/routes/params.ts';
import { errorResponses, writeErrorResponses } from './schemas.ts';

const WRITE_LIMIT = { rateLimit: { max: 60, timeWindow: '1 minute' } };
const BlockedUser = Type.Object({ id: Type.Integer(), login: Type.String(), url: Type.String(), blockedAt: Type.String({ format: 'date-time' }) });
const json = (u: { userId: number; login: string; blockedAt: string }) => ({ id: u.userId, login: u.login, url: userUrl(u.login), blockedAt: u.blockedAt });

export async function registerMeBlockApi(app: App): Promise<void> {
  app.get(
    '/api/v1/me/blocked-users',
    { schema: { tags: ['me'], summary: 'Users you have blocked', description: 'They cannot comment on your works or reply to your comments.', response: { 200: Type.Object({ users: Type.Array(BlockedUser) }), ...errorResponses, 403: Type.Ref('Error') } } },
    async (request, reply) => {
      reply.header('cache-control', 'private, no-store');
      return { users: (await myBlockedUsers(request.ctx)).map(json) };
    },
  );

  app.post(
    '/api/v1/me/blocked-users',
    {
      config: WRITE_LIMIT,
      schema: {
        tags: ['me'],
        summary: 'Block a user',
        description: 'By login. Blocking a blocked user changes nothing (200 instead of 201). At most 2,000.',
        body: Type.Object({ login: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false }),
        response: { 200: BlockedUser, 201: BlockedUser, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const blocked = await blockUser(request.ctx, { login: request.body.login });
      const row = (await myBlockedUsers(request.ctx)).find((u) => u.userId === blocked.id)!;
      return reply.code(blocked.added ? 201 : 200).send(json(row));
    },
  );

  app.delete(
    '/api/v1/me/blocked-users/:id',
    { config: WRITE_LIMIT, schema: { tags: ['me'], summary: 'Unblock a user', params: Type.Object({ id: Id }), response: { 204: Type.Null(), ...writeErrorResponses } } },
    async (request, reply) => {
      await unblockUser(request.ctx, request.params.id);
      return reply.code(204).send(null);
    },
  );
}
