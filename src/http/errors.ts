// The single place where errors become HTTP responses. Typed AppErrors map to their status;
// schema validation failures are 400s naming the field; everything else is a 500 that shows
// only a request id (the details go to the log).
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isAppError, type ErrorCode } from '../domain/errors.ts';
import { errorView } from './web/views/error.ts';
import { chromeFor } from './web/render.ts';

export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  not_found: 404,
  forbidden: 403,
  unauthenticated: 401,
  invalid: 422,
  conflict: 409,
  rate_limited: 429,
};

const HEADINGS: Record<number, string> = {
  400: 'That request could not be understood',
  401: 'Please log in',
  403: 'You do not have permission to do that',
  404: 'We couldn’t find that page',
  405: 'That method is not allowed here',
  409: 'That conflicts with something that changed',
  413: 'That upload is too large',
  415: 'That kind of content is not accepted here',
  422: 'Please check what you entered',
  429: 'Too many requests',
  500: 'Something went wrong on our side',
};

export interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, string>; requestId?: string };
}

export function wantsJson(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/') || (request.url === '/api' && (request.headers.accept ?? '').includes('application/json'));
}

interface Described {
  status: number;
  code: string;
  message: string;
  details?: Record<string, string> | undefined;
}

function describe(error: unknown): Described {
  if (isAppError(error)) return { status: STATUS_BY_CODE[error.code], code: error.code, message: error.message, details: error.details };
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    return { status: 400, code: 'bad_request', message: fastifyError.message.replace(/^(querystring|params|body|headers)\/?\s*/, '$1 ').trim() };
  }
  const status = fastifyError.statusCode;
  if (status && status >= 400 && status < 500) {
    const code = status === 429 ? 'rate_limited' : status === 404 ? 'not_found' : status === 413 ? 'payload_too_large' : 'bad_request';
    return { status, code, message: fastifyError.message };
  }
  return { status: 500, code: 'internal', message: 'An unexpected error occurred. Please try again; if it keeps happening, tell the archive admins this request id.' };
}

export function sendError(request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
  const described = describe(error);
  // A guest reaching a members-only page is sent to log in and brought back (AO3 does the same).
  if (described.code === 'unauthenticated' && request.method === 'GET' && !wantsJson(request)) {
    const reason = request.url.startsWith('/works/') ? '&reason=restricted' : '';
    return reply.redirect(`/login?return_to=${encodeURIComponent(request.url)}${reason}`, 303);
  }
  if (described.status >= 500) request.log.error({ err: error }, 'request failed');
  else request.log.info({ code: described.code, status: described.status }, described.message);

  reply.code(described.status);
  if (described.status === 429 && !reply.getHeader('retry-after')) reply.header('retry-after', '60');
  if (wantsJson(request)) {
    const body: ErrorBody = { error: { code: described.code, message: described.message } };
    if (described.details) body.error.details = described.details;
    if (described.status >= 500) body.error.requestId = request.id;
    return reply.type('application/json; charset=utf-8').send(body);
  }
  const heading = HEADINGS[described.status] ?? 'Something went wrong';
  const page = errorView(chromeFor(request, { title: heading }), {
    status: described.status,
    heading,
    message: described.message,
    ...(described.status >= 500 ? { requestId: request.id } : {}),
  });
  return reply.type('text/html; charset=utf-8').send(page);
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendError(request, reply, { statusCode: 404, message: `Nothing lives at ${request.url.split('?')[0]}.` });
}
