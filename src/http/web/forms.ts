// Helpers for HTML form routes: turning a service's Invalid error into per-field messages for
// the re-rendered form, local-only redirects, and fixed notices after a redirect.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isAppError } from '../../domain/errors.ts';

/**
 * The field messages of an Invalid (or RateLimited) error, under `prefix.` when a page holds
 * several forms; any other error is rethrown to the error handler.
 */
export function formErrors(error: unknown, prefix = ''): Record<string, string> {
  if (!isAppError(error) || (error.code !== 'invalid' && error.code !== 'rate_limited' && error.code !== 'conflict')) throw error;
  const details = error.details ?? { _: error.message };
  return Object.fromEntries(Object.entries(details).map(([key, message]) => [prefix ? `${prefix}.${key}` : key, message]));
}

export function formStatus(error: unknown): number {
  return isAppError(error) && error.code === 'rate_limited' ? 429 : 422;
}

/**
 * Only same-site paths, so a crafted return_to cannot send people elsewhere (open redirect).
 * The value is resolved the way a browser would (which drops tabs and newlines and treats `\`
 * as `/`), and only its path, query and fragment are kept when it stays on this site.
 */
export function safeReturnPath(raw: unknown, fallback: string): string {
  if (typeof raw !== 'string' || raw.length > 500 || !raw.startsWith('/')) return fallback;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f\\]/.test(raw)) return fallback;
  const base = 'http://owlery.invalid';
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

export function redirectTo(reply: FastifyReply, path: string): FastifyReply {
  return reply.redirect(path, 303);
}

/** Where a guest is sent to log in before coming back; the login page explains why (a fixed message). */
export function loginRedirect(request: FastifyRequest, reply: FastifyReply, reason?: 'account'): FastifyReply {
  return redirectTo(reply, `/login?return_to=${encodeURIComponent(request.url)}${reason ? `&reason=${reason}` : ''}`);
}
