// A reader's personal filters: /users/:login/muted (AO3 also has /users/:login/muted/users; both
// show the one page) and /users/:login/saved-searches, with their forms. Each route: guests go
// to log in → only the owner of :login gets further (filtersOwnerId; anyone else gets the 403
// another user's drafts give) → service → redirect with a fixed notice, or the page again with
// the form's errors.
import { Type } from 'typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../../app-type.ts';
import { isAppError } from '../../../domain/errors.ts';
import { filtersOwnerId } from '../../../services/personal-filters/access.ts';
import { myMutedTags, myMutedUsers, mySavedSearches } from '../../../services/personal-filters/list-filters.ts';
import { muteTag } from '../../../services/personal-filters/mute-tag.ts';
import { unmuteTag } from '../../../services/personal-filters/unmute-tag.ts';
import { muteUser } from '../../../services/personal-filters/mute-user.ts';
import { unmuteUser } from '../../../services/personal-filters/unmute-user.ts';
import { saveSearch } from '../../../services/personal-filters/save-search.ts';
import { deleteMySavedSearch } from '../../../services/personal-filters/delete-saved-search.ts';
import { mutedUrl, presentMutedTag, presentMutedUser, presentSavedSearch, savedSearchesUrl } from '../../present/personal-filters.ts';
import { chromeFor, sendPage } from '../render.ts';
import { formErrors, formStatus, loginRedirect, redirectTo, safeReturnPath } from '../forms.ts';
import { mutedView, savedSearchesView } from '../views/personal-filters.ts';
import { Id } from './params.ts';

const Login = Type.String({ minLength: 1, maxLength: 100 });
const LoginParams = Type.Object({ login: Login });
const ItemParams = Type.Object({ login: Login, id: Id });
const ReturnTo = Type.Optional(Type.String({ maxLength: 500 }));

/** Fixed messages for ?done= after a redirect; nothing from the URL is echoed. */
const DONE: Record<string, string> = {
  'tag-muted': 'The tag has been muted.',
  'tag-unmuted': 'The tag has been unmuted.',
  'user-muted': 'The creator has been muted.',
  'user-unmuted': 'The creator has been unmuted.',
  saved: 'Your search has been saved.',
  deleted: 'The saved search has been deleted.',
};
const DoneQuery = Type.Object({ done: Type.Optional(Type.String({ maxLength: 20 })) });

interface Extra {
  errors?: Record<string, string>;
  values?: Record<string, string>;
  notice?: string | null;
}

async function renderMuted(request: FastifyRequest<{ Params: { login: string } }>, reply: FastifyReply, extra: Extra = {}, status = 200): Promise<FastifyReply> {
  const { login } = request.params;
  const [tags, users] = await Promise.all([myMutedTags(request.ctx, login), myMutedUsers(request.ctx, login)]);
  const owner = request.ctx.actor.kind === 'user' ? request.ctx.actor.login : login;
  const page = mutedView(chromeFor(request, { title: 'Muted tags and creators', notice: extra.notice ?? null }), {
    login: owner,
    action: mutedUrl(owner),
    tags: tags.map(presentMutedTag),
    users: users.map(presentMutedUser),
    errors: extra.errors ?? {},
    values: extra.values ?? {},
  });
  // A private page: no shared cache may keep it.
  return sendPage(reply.header('cache-control', 'private, no-store'), page, status);
}

async function renderSaved(request: FastifyRequest<{ Params: { login: string } }>, reply: FastifyReply, extra: Extra = {}, status = 200): Promise<FastifyReply> {
  const searches = await mySavedSearches(request.ctx, request.params.login);
  const owner = request.ctx.actor.kind === 'user' ? request.ctx.actor.login : request.params.login;
  const page = savedSearchesView(chromeFor(request, { title: 'Saved searches', notice: extra.notice ?? null }), {
    login: owner,
    action: savedSearchesUrl(owner),
    searches: searches.map(presentSavedSearch),
    errors: extra.errors ?? {},
    values: extra.values ?? {},
  });
  return sendPage(reply.header('cache-control', 'private, no-store'), page, status);
}

/**
 * Field messages for a failed form. An unknown tag or login is the reader's typing, so it is
 * shown on the field like any other mistake rather than as a "page not found".
 */
function problems(error: unknown, form: string, field: string): Record<string, string> {
  if (isAppError(error) && error.code === 'not_found') return { [`${form}.${field}`]: error.message };
  return formErrors(error, form);
}

type Render = typeof renderMuted;

/** Runs a form action as the page's owner; on a form error shows the page again with it. */
async function ownerAction(
  request: FastifyRequest<{ Params: { login: string } }>,
  reply: FastifyReply,
  form: { name: string; field: string; values: Record<string, string>; render: Render; returnTo?: string | undefined },
  action: () => Promise<string>,
): Promise<FastifyReply> {
  if (request.ctx.actor.kind !== 'user') return loginRedirect(request, reply);
  filtersOwnerId(request.ctx, 'manage your filters', request.params.login);
  try {
    const done = await action();
    return redirectTo(reply, form.returnTo ? safeReturnPath(form.returnTo, done) : done);
  } catch (error) {
    const errors = problems(error, form.name, form.field);
    const kept = Object.fromEntries(Object.entries(form.values).map(([k, v]) => [`${form.name}.${k}`, v]));
    return form.render(request, reply, { errors, values: kept }, isAppError(error) && error.code === 'not_found' ? 422 : formStatus(error));
  }
}

export async function registerPersonalFilterRoutes(app: App): Promise<void> {
  for (const path of ['/users/:login/muted', '/users/:login/muted/users']) {
    app.get(path, { schema: { params: LoginParams, querystring: DoneQuery } }, async (request, reply) => {
      if (request.ctx.actor.kind !== 'user') return loginRedirect(request, reply);
      return renderMuted(request, reply, { notice: request.query.done ? (DONE[request.query.done] ?? null) : null });
    });
  }

  app.post('/users/:login/muted/tags', { schema: { params: LoginParams, body: Type.Object({ tag: Type.String({ maxLength: 500 }), return_to: ReturnTo }) } }, async (request, reply) =>
    ownerAction(request, reply, { name: 'tags', field: 'tag', values: { tag: request.body.tag }, render: renderMuted, returnTo: request.body.return_to }, async () => {
      await muteTag(request.ctx, { name: request.body.tag });
      return `${mutedUrl(request.params.login)}?done=tag-muted`;
    }),
  );

  app.post('/users/:login/muted/tags/:id/delete', { schema: { params: ItemParams, body: Type.Object({ return_to: ReturnTo }) } }, async (request, reply) =>
    ownerAction(request, reply, { name: 'tags', field: 'tag', values: {}, render: renderMuted, returnTo: request.body.return_to }, async () => {
      await unmuteTag(request.ctx, request.params.id);
      return `${mutedUrl(request.params.login)}?done=tag-unmuted`;
    }),
  );

  app.post('/users/:login/muted/users', { schema: { params: LoginParams, body: Type.Object({ login: Type.String({ maxLength: 200 }), return_to: ReturnTo }) } }, async (request, reply) =>
    ownerAction(request, reply, { name: 'users', field: 'login', values: { login: request.body.login }, render: renderMuted, returnTo: request.body.return_to }, async () => {
      await muteUser(request.ctx, { login: request.body.login });
      return `${mutedUrl(request.params.login)}?done=user-muted`;
    }),
  );

  app.post('/users/:login/muted/users/:id/delete', { schema: { params: ItemParams, body: Type.Object({ return_to: ReturnTo }) } }, async (request, reply) =>
    ownerAction(request, reply, { name: 'users', field: 'login', values: {}, render: renderMuted, returnTo: request.body.return_to }, async () => {
      await unmuteUser(request.ctx, request.params.id);
      return `${mutedUrl(request.params.login)}?done=user-unmuted`;
    }),
  );

  app.get('/users/:login/saved-searches', { schema: { params: LoginParams, querystring: DoneQuery } }, async (request, reply) => {
    if (request.ctx.actor.kind !== 'user') return loginRedirect(request, reply);
    return renderSaved(request, reply, { notice: request.query.done ? (DONE[request.query.done] ?? null) : null });
  });

  // The target of the "Save this search" form beside filtered listings (name + canonical query).
  app.post('/users/:login/saved-searches', { schema: { params: LoginParams, body: Type.Object({ name: Type.String({ maxLength: 500 }), query: Type.String({ maxLength: 5000 }) }) } }, async (request, reply) =>
    ownerAction(request, reply, { name: 'save', field: 'name', values: { name: request.body.name, query: request.body.query }, render: renderSaved }, async () => {
      await saveSearch(request.ctx, { name: request.body.name, query: request.body.query });
      return `${savedSearchesUrl(request.params.login)}?done=saved`;
    }),
  );

  app.post('/users/:login/saved-searches/:id/delete', { schema: { params: ItemParams } }, async (request, reply) =>
    ownerAction(request, reply, { name: 'save', field: 'name', values: {}, render: renderSaved }, async () => {
      await deleteMySavedSearch(request.ctx, request.params.id);
      return `${savedSearchesUrl(request.params.login)}?done=deleted`;
    }),
  );
}
