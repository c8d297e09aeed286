// The "Kudos ♥" form: POST /works/:id/kudos → rate limit and policy (in the service) → redirect
// back to the page it came from, at #kudos, with a fixed notice: thanks, or AO3's polite "You
// have already left kudos here. :)". A creator, a reader who may not see the work, or one over
// the limit gets the error page instead.
import { Type } from 'typebox';
import type { App } from '../../app-type.ts';
import { leaveKudos } from '../../../services/kudos/leave-kudos.ts';
import { workUrl } from '../../present/urls.ts';
import { redirectTo, safeReturnPath } from '../forms.ts';
import { WorkParams } from './params.ts';

/** The return path when it is a page of the same work; the work page otherwise. */
function backTo(workId: number, returnTo: string | undefined): string {
  const fallback = workUrl(workId);
  const path = safeReturnPath(returnTo, fallback);
  const [pathname] = path.split(/[?#]/, 1);
  if (pathname !== fallback && !pathname!.startsWith(`${fallback}/chapters/`)) return fallback;
  return path.split('#', 1)[0]!;
}

export async function registerKudosRoutes(app: App): Promise<void> {
  app.post(
    '/works/:id/kudos',
    { schema: { params: WorkParams, body: Type.Object({ return_to: Type.Optional(Type.String({ maxLength: 500 })) }) } },
    async (request, reply) => {
      const { outcome } = await leaveKudos(request.ctx, { workId: request.params.id, ip: request.ip });
      const back = backTo(request.params.id, request.body.return_to);
      return redirectTo(reply, `${back}${back.includes('?') ? '&' : '?'}kudos=${outcome}#kudos`);
    },
  );
}
