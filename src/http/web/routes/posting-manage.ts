// Letting go of works (delete, orphan — each confirmed on its own page first) and answering
// co-creator invitations. Guests are sent to log in; the services decide who may do what.
import { Type } from 'typebox';
import type { App } from '../../app-type.ts';
import { pendingInvitations, respondToInvitation } from '../../../services/works/co-creators.ts';
import { loadEditableWork } from '../../../services/works/access.ts';
import { deleteOwnWork, orphanOwnWork } from '../../../services/works/remove.ts';
import { workUrl, userUrl } from '../../present/urls.ts';
import { creatorName } from '../views/components/byline.ts';
import { chromeFor, sendPage } from '../render.ts';
import { loginRedirect, redirectTo } from '../forms.ts';
import { creatorshipsView, deleteWorkView, orphanWorkView } from '../views/posting-pages.ts';
import { Id, WorkParams } from './params.ts';
import { draftsUrl } from './posting.ts';

const LoginParams = Type.Object({ login: Type.String({ minLength: 1, maxLength: 100 }) });
const creatorshipsUrl = (login: string) => `${userUrl(login)}/creatorships`;

export async function registerPostingManageRoutes(app: App): Promise<void> {
  app.get('/works/:id/delete', { schema: { params: WorkParams } }, async (request, reply) => {
    if (request.ctx.actor.kind !== 'user') return loginRedirect(request, reply);
    const { work } = await loadEditableWork(request.ctx, request.params.id);
    return sendPage(reply, deleteWorkView(chromeFor(request, { title: `Delete ${work.title}` }), { title: work.title, action: `/works/${work.id}/delete`, cancelUrl: work.posted ? workUrl(work.id) : `/works/${work.id}/preview` }));
  });

  app.post('/works/:id/delete', { schema: { params: WorkParams } }, async (request, reply) => {
    if (request.ctx.actor.kind !== 'user') return loginRedirect(request, reply);
    const { posted } = await deleteOwnWork(request.ctx, request.params.id);
    return redirectTo(reply, posted ? userUrl(request.ctx.actor.login) : `${draftsUrl(request.ctx.actor.login)}?done=deleted`);
  });

  app.get('/works/:id/orphan', { schema: { params: WorkParams } }, async (request, reply) => {
    if (request.ctx.actor.kind !== 'user') return loginRedirect(request, reply);
    const { work } = await loadEditableWork(request.ctx, request.params.id);
    return sendPage(reply, orphanWorkView(chromeFor(request, { title: `Orphan ${work.title}` }), { title: work.title, action: `/works/${work.id}/orphan`, cancelUrl: workUrl(work.id) }));
  });

  app.post('/works/:id/orphan', { schema: { params: WorkParams, body: Type.Object({ keep_pseud_name: Type.Optional(Type.String({ maxLength: 10 })) }) } }, async (request, reply) => {
    if (request.ctx.actor.kind !== 'user') return loginRedirect(request, reply);
    const { posted } = await orphanOwnWork(request.ctx, request.params.id, { keepPseudName: request.body.keep_pseud_name !== undefined && request.body.keep_pseud_name !== '' });
    // An orphaned draft is no longer anyone's to see; a posted work stays where it was.
    return redirectTo(reply, posted ? workUrl(request.params.id) : userUrl(request.ctx.actor.login));
  });

  app.get('/users/:login/creatorships', { schema: { params: LoginParams } }, async (request, reply) => {
    if (request.ctx.actor.kind !== 'user') return loginRedirect(request, reply);
    const invitations = await pendingInvitations(request.ctx, request.params.login);
    return sendPage(
      reply,
      creatorshipsView(chromeFor(request, { title: 'Co-creator invitations' }), {
        action: creatorshipsUrl(request.params.login),
        invitations: invitations.map((inv) => ({
          workTitle: inv.workTitle,
          invitedBy: inv.invitedBy.map((c) => creatorName({ pseud: c.pseud, login: c.login, url: '' })).join(', '),
          pseud: inv.pseudName,
          workId: inv.workId,
          pseudId: inv.pseudId,
        })),
      }),
    );
  });

  app.post(
    '/users/:login/creatorships',
    { schema: { params: LoginParams, body: Type.Object({ work_id: Id, pseud_id: Id, decision: Type.Union([Type.Literal('accept'), Type.Literal('decline')]) }) } },
    async (request, reply) => {
      if (request.ctx.actor.kind !== 'user') return loginRedirect(request, reply);
      const accept = request.body.decision === 'accept';
      const { posted } = await respondToInvitation(request.ctx, { workId: request.body.work_id, pseudId: request.body.pseud_id, accept });
      if (!accept) return redirectTo(reply, creatorshipsUrl(request.ctx.actor.login));
      return redirectTo(reply, posted ? workUrl(request.body.work_id) : `/works/${request.body.work_id}/preview`);
    },
  );
}
