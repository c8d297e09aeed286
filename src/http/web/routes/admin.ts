// Site administration: sign-up mode, invitations, account suspension and roles.
import { Type } from 'typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../../app-type.ts';
import type { Role } from '../../../domain/actor.ts';
import { setSignupMode } from '../../../services/accounts/sign-up.ts';
import { inviteAddress, inviteFromQueue } from '../../../services/accounts/invitations.ts';
import { adminOverview, lookUpAccount, setRole, setSuspended } from '../../../services/admin/users.ts';
import { setWorkHidden } from '../../../services/admin/works.ts';
import { Id } from './params.ts';
import { userUrl } from '../../present/urls.ts';
import { chromeFor, sendPage } from '../render.ts';
import { formErrors, formStatus, redirectTo } from '../forms.ts';
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

async function renderAdmin(request: FastifyRequest, reply: FastifyReply, lookup: string, extra: { errors?: Record<string, string>; notice?: string | null } = {}, status = 200) {
  const [overview, found] = await Promise.all([adminOverview(request.ctx), lookup ? lookUpAccount(request.ctx, lookup) : Promise.resolve(null)]);
  const user = found ? { ...found, url: userUrl(found.login) } : null;
  const errors = { ...extra.errors, ...(lookup && !user ? { 'user.login': `There is no user "${lookup}".` } : {}) };
  return sendPage(reply, adminView(chromeFor(request, { title: 'Admin', notice: extra.notice ?? null }), { signupMode: overview.signupMode, queueLength: overview.queueLength, errors, user, lookup }), status);
}

export async function registerAdminRoutes(app: App): Promise<void> {
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
