// Helpers routes use to answer with a page.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PageChrome } from '../present/view-models.ts';
import { can } from '../../domain/policy.ts';
import { canWrangle } from '../../services/wrangling/guard.ts';

export function chromeFor(request: FastifyRequest, page: Partial<PageChrome> & { title: string }): PageChrome {
  return {
    siteName: request.server.owlery?.config.siteName ?? 'Owlery',
    path: request.url.split('?')[0] ?? '/',
    currentUser: request.ctx?.actor.kind === 'user' ? request.ctx.actor.login : null,
    // Header links follow the policy, not role names.
    isAdmin: request.ctx ? can(request.ctx.actor, { do: 'admin:manage' }) && request.ctx.actor.kind === 'user' : false,
    canWrangle: request.ctx ? canWrangle(request.ctx) : false,
    csrfToken: request.csrf,
    ...page,
  };
}

export function sendPage(reply: FastifyReply, page: string, status = 200): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(page);
}
