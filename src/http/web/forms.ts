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

/** Only same-site paths, so a crafted return_to cannot send people elsewhere (open redirect). */
export function safeReturnPath(raw: unknown, fallback: string): string {
  if (typeof raw !== 'string' || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\') || raw.length > 500) return fallback;
  return raw;
}

export function redirectTo(reply: FastifyReply, path: string): FastifyReply {
  return reply.redirect(path, 303);
}

/** Where a guest is sent to log in before coming back. */
export function loginRedirect(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return redirectTo(reply, `/login?return_to=${encodeURIComponent(request.url)}`);
}
