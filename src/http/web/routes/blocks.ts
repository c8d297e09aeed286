// Blocking users: /users/:login/blocked (the owner's list), and the block and unblock forms the
// profile's button and the list use. Guests go to log in; only the owner of :login gets further.
import { Type } from 'typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../../app-type.ts';
import { isAppError } from '../../../domain/errors.ts';
import { blocksOwnerId } from '../../../services/blocks/access.ts';
import { blockUser } from '../../../services/blocks/block-user.ts';
import { unblockUser } from '../../../services/blocks/unblock-user.ts';
import { myBlockedUsers } from '../../../services/blocks/list-blocked.ts';
import { chromeFor, sendPage } from '../render.ts';
import { formErrors, formStatus, loginRedirect, redirectTo, safeReturnPath } from '../forms.ts';
import { blockedUrl } from '../views/block-control.ts';
import { blockedUsersView } from '../views/blocked-users.ts';
import { Id } from './params.ts';

const Login = Type.String({ minLength: 1, maxLength: 100 });
const LoginParams = Type.Object({ login: Login });
const ReturnTo = Type.Optional(Type.String({ maxLength: 500 }));

/** Fixed messages for ?done= after a redirect; nothing from the URL is echoed. */
const DONE: Record<string, string> = { blocked: 'The user has been blocked.', unblocked: 'The user has been unblocked.' };

async function renderBlocked(request: FastifyRequest<{ Params: { login: string } }>, reply: FastifyReply, extra: { errors?: Record<string, string>; values?: Record<string, string>; notice?: string | null } = {}, status = 200): Promise<FastifyReply> {
  const users = await myBlockedUsers(request.ctx, request.params.login);
  const owner = request.ctx.actor.kind === 'user' ? request.ctx.actor.login : request.params.login;
  const page = blockedUsersView(chromeFor(request, { title: 'Blocked users', notice: extra.notice ?? null }), {
    login: owner,
    action: blockedUrl(owner),
    users: users.map((u) => ({ id: u.userId, login: u.login, blockedAt: u.blockedAt })),
    errors: extra.errors ?? {},
    values: extra.values ?? {},
  });
  // A private page: no shared cache may keep it.
  return sendPage(reply.header('cache-control', 'private, no-store'), page, status);
}

/** Back to the page the button was pressed on (a profile), or the list with its notice. */
function doneUrl(returnTo: string | undefined, login: string, code: string): string {
  return returnTo ? safeReturnPath(returnTo, blockedUrl(login)) : `${blockedUrl(login)}?done=${code}`;
}

export async function registerBlockRoutes(app: App): Promise<void> {
  app.get('/users/:login/blocked', { schema: { params: LoginParams, querystring: Type.Object({ done: Type.Optional(Type.String({ maxLength: 20 })) }) } }, async (request, reply) => {
    if (request.ctx.actor.kind !== 'user') return loginRedirect(request, reply);
    return renderBlocked(request, reply, { notice: request.query.done ? (DONE[request.query.done] ?? null) : null });
  });

  app.post('/users/:login/blocked', { schema: { params: LoginParams, body: Type.Object({ login: Type.String({ maxLength: 200 }), return_to: ReturnTo }) } }, async (request, reply) => {
    if (request.ctx.actor.kind !== 'user') return loginRedirect(request, reply);
    blocksOwnerId(request.ctx, 'block users', request.params.login);
    try {
      await blockUser(request.ctx, { login: request.body.login });
      return redirectTo(reply, doneUrl(request.body.return_to, request.params.login, 'blocked'));
    } catch (error) {
      // An unknown login is the person's typing: shown on the field, not as a missing page.
      const errors = isAppError(error) && error.code === 'not_found' ? { login: error.message } : formErrors(error);
      return renderBlocked(request, reply, { errors, values: { login: request.body.login } }, isAppError(error) && error.code === 'not_found' ? 422 : formStatus(error));
    }
  });

  app.post('/users/:login/blocked/:id/delete', { schema: { params: Type.Object({ login: Login, id: Id }), body: Type.Object({ return_to: ReturnTo }) } }, async (request, reply) => {
    if (request.ctx.actor.kind !== 'user') return loginRedirect(request, reply);
    blocksOwnerId(request.ctx, 'unblock users', request.params.login);
    await unblockUser(request.ctx, request.params.id);
    return redirectTo(reply, doneUrl(request.body.return_to, request.params.login, 'unblocked'));
  });
}
