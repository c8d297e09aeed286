// Cross-site request forgery defence for every state-changing request: browsers send
// Sec-Fetch-Site and Origin on POSTs, so a request another site triggers is refused before any
// route runs (OWASP CSRF cheat sheet, "Fetch Metadata" and "Verifying Origin").
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Forbidden } from '../domain/errors.ts';

export const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

export function crossSiteProblem(request: FastifyRequest): string | null {
  if (SAFE_METHODS.has(request.method)) return null;
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string' && site !== 'same-origin' && site !== 'none') {
    return `Cross-site ${request.method} refused (Sec-Fetch-Site: ${site}).`;
  }
  const origin = request.headers.origin;
  if (typeof origin === 'string' && origin !== 'null') {
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      return 'Malformed Origin header.';
    }
    if (host !== request.host) return `Cross-origin ${request.method} from ${origin} refused.`;
  } else if (origin === 'null') {
    return 'Requests from opaque origins are refused.';
  }
  return null;
}

export async function csrfGuard(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  const problem = crossSiteProblem(request);
  if (problem) throw new Forbidden(problem);
}
