// The account page and its forms: email, password, pseuds, API tokens, deletion.
import { Type } from 'typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../../app-type.ts';
import { changeEmail, changePassword, myAccount } from '../../../services/accounts/settings.ts';
import { addPseud, makeDefaultPseud, myPseuds, removePseud } from '../../../services/accounts/pseuds.ts';
import { createApiToken, myApiTokens, revokeMyApiToken } from '../../../services/accounts/api-tokens.ts';
import { deleteAccount } from '../../../services/accounts/delete-account.ts';
import { myReaderPreferences } from '../../../services/reader/preferences.ts';
import { pseudUrl } from '../../present/urls.ts';
import { clearSessionCookie } from '../../session.ts';
import { chromeFor, sendPage } from '../render.ts';
import { formErrors, formStatus, loginRedirect, redirectTo } from '../forms.ts';
import { accountView } from '../views/accounts.ts';
import { Id } from './params.ts';

const Text = (max: number) => Type.String({ maxLength: max });
const IdParams = Type.Object({ id: Id });

/** Fixed messages for ?done= after a redirect; nothing from the URL is echoed. */
const DONE: Record<string, string> = {
  email: 'Your email address has been changed.',
  password: 'Your password has been changed. Your other sessions were logged out and your API tokens revoked.',
  pseud: 'Your pseuds have been updated.',
  token: 'The token has been revoked.',
  preferences: 'Your reading and notification preferences have been saved.',
};

interface Extra {
  errors?: Record<string, string>;
  values?: Record<string, string>;
  newToken?: { name: string; token: string } | null;
  notice?: string | null;
}

async function renderAccount(request: FastifyRequest, reply: FastifyReply, extra: Extra = {}, status = 200): Promise<FastifyReply> {
  if (request.ctx.actor.kind !== 'user') return loginRedirect(request, reply, 'account');
  const [account, pseuds, tokens] = await Promise.all([myAccount(request.ctx), myPseuds(request.ctx), myApiTokens(request.ctx)]);
  const page = accountView(chromeFor(request, { title: 'Account', notice: extra.notice ?? null }), {
    login: account.login,
    email: account.email,
    pseuds: pseuds.map((p) => ({ id: p.id, name: p.name, isDefault: p.isDefault, url: pseudUrl(account.login, p.name) })),
    tokens: tokens.map((t) => ({ id: t.id, name: t.name, createdAt: t.createdAt, lastUsedAt: t.lastUsedAt })),
    newToken: extra.newToken ?? null,
    errors: extra.errors ?? {},
    values: extra.values ?? {},
    preferences: { login: account.login, ...(await myReaderPreferences(request.ctx)) },
  });
  return sendPage(reply, page, status);
}

/** Runs a form action; on a form error re-renders the account page with the messages. */
async function accountAction(
  request: FastifyRequest,
  reply: FastifyReply,
  form: string,
  values: Record<string, string>,
  action: () => Promise<string | FastifyReply>,
): Promise<FastifyReply> {
  if (request.ctx.actor.kind !== 'user') return loginRedirect(request, reply);
  try {
    const done = await action();
    return typeof done === 'string' ? redirectTo(reply, `/account?done=${done}`) : done;
  } catch (error) {
    const errors = formErrors(error, form);
    const kept = Object.fromEntries(Object.entries(values).map(([k, v]) => [`${form}.${k}`, v]));
    return renderAccount(request, reply, { errors, values: kept }, formStatus(error));
  }
}

export async function registerAccountRoutes(app: App): Promise<void> {
  app.get('/account', { schema: { querystring: Type.Object({ done: Type.Optional(Text(20)) }) } }, async (request, reply) =>
    renderAccount(request, reply, { notice: request.query.done ? (DONE[request.query.done] ?? null) : null }),
  );

  app.post('/account/email', { schema: { body: Type.Object({ email: Text(254), current_password: Text(4096) }) } }, async (request, reply) =>
    accountAction(request, reply, 'email', { email: request.body.email }, async () => {
      await changeEmail(request.ctx, { email: request.body.email, currentPassword: request.body.current_password });
      return 'email';
    }),
  );

  app.post('/account/password', { schema: { body: Type.Object({ current_password: Text(4096), password: Text(4096), password_confirmation: Text(4096) }) } }, async (request, reply) =>
    accountAction(request, reply, 'password', {}, async () => {
      await changePassword(request.ctx, {
        currentPassword: request.body.current_password,
        password: request.body.password,
        passwordConfirmation: request.body.password_confirmation,
        keepSessionId: request.session?.id,
      });
      return 'password';
    }),
  );

  app.post('/account/pseuds', { schema: { body: Type.Object({ name: Text(200), make_default: Type.Optional(Text(10)) }) } }, async (request, reply) =>
    accountAction(request, reply, 'pseuds', { name: request.body.name }, async () => {
      await addPseud(request.ctx, { name: request.body.name, makeDefault: request.body.make_default !== undefined });
      return 'pseud';
    }),
  );

  app.post('/account/pseuds/:id/default', { schema: { params: IdParams } }, async (request, reply) =>
    accountAction(request, reply, 'pseuds', {}, async () => {
      await makeDefaultPseud(request.ctx, request.params.id);
      return 'pseud';
    }),
  );

  app.post('/account/pseuds/:id/delete', { schema: { params: IdParams } }, async (request, reply) =>
    accountAction(request, reply, 'pseuds', {}, async () => {
      await removePseud(request.ctx, request.params.id);
      return 'pseud';
    }),
  );

  app.post('/account/tokens', { schema: { body: Type.Object({ name: Text(200) }) } }, async (request, reply) =>
    accountAction(request, reply, 'tokens', { name: request.body.name }, async () => {
      const { token, row } = await createApiToken(request.ctx, request.body.name);
      // Shown on this response only; the page is not cached and the secret is never stored.
      reply.header('cache-control', 'no-store');
      return renderAccount(request, reply, { newToken: { name: row.name, token }, notice: 'Your new token is below. Copy it now.' });
    }),
  );

  app.post('/account/tokens/:id/revoke', { schema: { params: IdParams } }, async (request, reply) =>
    accountAction(request, reply, 'tokens', {}, async () => {
      await revokeMyApiToken(request.ctx, request.params.id);
      return 'token';
    }),
  );

  app.post(
    '/account/delete',
    { schema: { body: Type.Object({ current_password: Text(4096), works: Type.Optional(Text(10)), keep_pseud_names: Type.Optional(Text(10)) }) } },
    async (request, reply) =>
      accountAction(request, reply, 'delete', { works: request.body.works ?? '' }, async () => {
        await deleteAccount(request.ctx, {
          currentPassword: request.body.current_password,
          works: request.body.works as 'orphan' | 'delete',
          keepPseudNames: request.body.keep_pseud_names !== undefined,
        });
        clearSessionCookie(request, reply);
        return redirectTo(reply, '/?goodbye=1');
      }),
  );
}
