// Who is asking: the session cookie (pages) or a bearer token (API) becomes the request's actor.
// Also the CSRF token every form carries: derived from the session for logged-in users, from a
// separate random HttpOnly cookie for guests (double-submit, OWASP CSRF cheat sheet); the
// Origin / Sec-Fetch-Site check in csrf.ts stands in front of both.
import { createHmac } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { GUEST, type Actor } from '../domain/actor.ts';
import { Forbidden, Unauthenticated } from '../domain/errors.ts';
import { resolveSession, SESSION_TTL_MS } from '../services/accounts/sessions.ts';
import { actorForApiToken } from '../services/accounts/api-tokens.ts';
import { newToken, sameSecret } from '../services/tokens.ts';
import { SAFE_METHODS } from './csrf.ts';
import type { AppDeps } from './deps.ts';

export const SESSION_COOKIE = 'owlery_session';
export const CSRF_COOKIE = 'owlery_csrf';
export const CSRF_FIELD = '_csrf';

declare module 'fastify' {
  interface FastifyRequest {
    /** The logged-in session, when the cookie named one. */
    session: { id: number; token: string } | null;
    /** True when the actor came from an API token rather than a cookie. */
    viaApiToken: boolean;
    /** The CSRF token this request's forms must carry. */
    csrf: string;
  }
  interface FastifyContextConfig {
    /** 'manual': the handler checks the CSRF token itself (multipart forms). */
    csrf?: 'manual';
  }
}

export function cookieOptions(request: FastifyRequest, maxAgeMs: number) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: request.protocol === 'https', maxAge: Math.floor(maxAgeMs / 1000) };
}

/** Resolves the actor for a request. Runs before every route. */
export async function identify(deps: AppDeps, request: FastifyRequest): Promise<Actor> {
  request.session = null;
  request.viaApiToken = false;
  const now = deps.clock.now();
  const auth = request.headers.authorization;
  if (auth?.startsWith('Bearer ')) {
    // Tokens are for the JSON API only: a token handed to an app must not work the site's forms.
    if (!request.url.startsWith('/api/')) throw new Unauthenticated('API tokens work only under /api/.');
    const actor = await actorForApiToken(deps.store.db, auth.slice(7).trim(), now);
    if (!actor) throw new Unauthenticated('The API token is not valid (unknown, revoked, or its account is suspended).');
    request.viaApiToken = true;
    return actor;
  }
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return GUEST;
  const session = await resolveSession(deps.store.db, token, now);
  if (!session) return GUEST;
  request.session = { id: session.id, token };
  return session.actor;
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, cookieOptions(request, SESSION_TTL_MS));
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** A logged-in session's CSRF token: derived from the session's secret, so nothing is stored. */
function sessionCsrf(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update('owlery csrf').digest('base64url');
}

/** The token forms must send back. Sets the guest cookie the first time it is needed. */
export function csrfToken(request: FastifyRequest, reply: FastifyReply): string {
  if (request.session) return sessionCsrf(request.session.token);
  let secret = request.cookies[CSRF_COOKIE];
  if (!secret || !/^[A-Za-z0-9_-]{40,}$/.test(secret)) {
    secret = newToken();
    request.cookies[CSRF_COOKIE] = secret;
    reply.setCookie(CSRF_COOKIE, secret, cookieOptions(request, 365 * 24 * 60 * 60 * 1000));
  }
  return secret;
}

/** Throws unless the request carries the CSRF token of its session (or guest cookie). */
export function verifyCsrf(request: FastifyRequest, given: unknown): void {
  const expected = request.session ? sessionCsrf(request.session.token) : request.cookies[CSRF_COOKIE];
  if (typeof given !== 'string' || !expected || !sameSecret(given, expected)) {
    throw new Forbidden('The form has expired or did not come from this site. Go back, reload the page and try again.');
  }
}

/** preHandler: state-changing requests from browsers must carry the form's CSRF token. */
export async function csrfTokenGuard(request: FastifyRequest): Promise<void> {
  if (SAFE_METHODS.has(request.method) || request.viaApiToken) return;
  // An API call with no session cookie carries no ambient credentials to forge with; it is
  // answered as a guest (401 for writes) by the route itself.
  if (!request.session && request.url.startsWith('/api/')) return;
  if (request.routeOptions.config?.csrf === 'manual') return;
  const body = request.body as Record<string, unknown> | undefined;
  verifyCsrf(request, body?.[CSRF_FIELD] ?? request.headers['x-csrf-token']);
}
