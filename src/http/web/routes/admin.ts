// Site administration: sign-up mode, invitations, account suspension and roles.
import { Type } from 'typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../../app-type.ts';
import { findUserByLogin, rolesOf } from '../../../db/repos/users.repo.ts';
import { Forbidden } from '../../../domain/errors.ts';
import { can } from '../../../domain/policy.ts';
import type { Role } from '../../../domain/actor.ts';
import { setSignupMode, signupMode } from '../../../services/accounts/sign-up.ts';
import { invitationQueueLength, inviteAddress, inviteFromQueue } from '../../../services/accounts/invitations.ts';
import { setRole, setSuspended } from '../../../services/admin/users.ts';
import { setWorkHidden } from '../../../services/admin/works.ts';
import { Id } from './params.ts';
import { userUrl } from '../../present/urls.ts';
import { chromeFor, sendPage } from '../render.ts';
import { formErrors, formStatus, loginRedirect, redirectTo } from '../forms.ts';
import { adminView } from '../views/accounts.ts';

const Text = (max: number) => Type.String({ maxLength: max });
const LoginParams = Type.Object({ login: Type.String({ minLength: 1, maxLength: 100 }) });

const DONE: Record<string, string> = {
  mode: 'The sign-up setting has been saved.',
  sent: 'Invitations sent.',
  invited: 'Invitation sent.',
  user: 'The account has been updated.',
  work: 'The work has been updated.',
};

function requireAdmin(request: FastifyRequest): void {
  if (!can(request.ctx.actor, { do: 'admin:manage' })) throw new Forbidden('Only archive admins can see this page.');
}

async function renderAdmin(request: FastifyRequest, reply: FastifyReply, lookup: string, extra: { errors?: Record<string, string>; notice?: string | null } = {}, status = 200) {
  const [mode, queueLength] = await Promise.all([signupMode(request.ctx.db), invitationQueueLength(request.ctx)]);
  let user = null;
  if (lookup) {
    const found = await findUserByLogin(request.ctx.db, lookup);
    if (found) {
      user = { login: found.login, url: userUrl(found.login), email: found.email, roles: await rolesOf(request.ctx.db, found.id), suspended: found.suspendedAt !== null, joinedAt: found.createdAt };
    }
  }
  const errors = { ...extra.errors, ...(lookup && !user ? { 'user.login': `There is no user "${lookup}".` } : {}) };
  return sendPage(reply, adminView(chromeFor(request, { title: 'Admin', notice: extra.notice ?? null }), { signupMode: mode, queueLength, errors, user, lookup }), status);
}

export async function registerAdminRoutes(app: App): Promise<void> {
  app.addHook('preHandler', async (request, reply) => {
    const route = request.routeOptions.url ?? '';
    if (route !== '/admin' && !route.startsWith('/admin/')) return;
    if (request.ctx.actor.kind === 'guest') return loginRedirect(request, reply);
    requireAdmin(request);
  });

  app.get('/admin', { schema: { querystring: Type.Object({ user: Type.Optional(Text(100)), done: Type.Optional(Text(20)) }) } }, async (request, reply) =>
    renderAdmin(request, reply, request.query.user?.trim() ?? '', { notice: request.query.done ? (DONE[request.query.done] ?? null) : null }),
  );

  const act = async (request: FastifyRequest, reply: FastifyReply, form: string, lookup: string, action: () => Promise<string>) => {
    try {
      const done = await action();
      return redirectTo(reply, `/admin?done=${done}${lookup ? `&user=${encodeURIComponent(lookup)}` : ''}`);
    } catch (error) {
      return renderAdmin(request, reply, lookup, { errors: formErrors(error, form) }, formStatus(error));
    }
  };

  app.post('/admin/signup-mode', { schema: { body: Type.Object({ mode: Type.Union([Type.Literal('open'), Type.Literal('invitation')]) }) } }, async (request, reply) =>
    act(request, reply, 'mode', '', async () => {
      await setSignupMode(request.ctx, request.body.mode);
      return 'mode';
    }),
  );

  app.post('/admin/invitations/send', { schema: { body: Type.Object({ count: Type.Integer({ minimum: 1, maximum: 500 }) }) } }, async (request, reply) =>
    act(request, reply, 'invite', '', async () => {
      await inviteFromQueue(request.ctx, request.body.count);
      return 'sent';
    }),
  );

  app.post('/admin/invitations/invite', { schema: { body: Type.Object({ email: Text(254) }) } }, async (request, reply) =>
    act(request, reply, 'invite', '', async () => {
      await inviteAddress(request.ctx, request.body.email);
      return 'invited';
    }),
  );

  app.post('/admin/users/:login/suspend', { schema: { params: LoginParams, body: Type.Object({ suspended: Type.Union([Type.Literal('true'), Type.Literal('false')]) }) } }, async (request, reply) =>
    act(request, reply, 'user', request.params.login, async () => {
      await setSuspended(request.ctx, request.params.login, request.body.suspended === 'true');
      return 'user';
    }),
  );

  app.post(
    '/admin/works/hidden',
    { schema: { body: Type.Object({ work_id: Id, hidden: Type.Union([Type.Literal('true'), Type.Literal('false')]) }) } },
    async (request, reply) =>
      act(request, reply, 'work', '', async () => {
        await setWorkHidden(request.ctx, request.body.work_id, request.body.hidden === 'true');
        return 'work';
      }),
  );

  app.post(
    '/admin/users/:login/roles',
    {
      schema: {
        params: LoginParams,
        body: Type.Object({
          role: Type.Union([Type.Literal('admin'), Type.Literal('wrangler'), Type.Literal('moderator')]),
          granted: Type.Union([Type.Literal('true'), Type.Literal('false')]),
        }),
      },
    },
    async (request, reply) =>
      act(request, reply, 'user', request.params.login, async () => {
        await setRole(request.ctx, request.params.login, request.body.role as Role, request.body.granted === 'true');
        return 'user';
      }),
  );
}
