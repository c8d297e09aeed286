// Builds the Fastify application: plugins, the one error handler, and every route.
import path from 'node:path';
import Fastify from 'fastify';
import helmet from '@fastify/helmet';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppDeps, RouteEntry } from './deps.ts';
import type { App } from './app-type.ts';
import { publicBaseUrl } from '../config.ts';
import { pingDatabase } from '../db/repos/settings.repo.ts';
import cookie from '@fastify/cookie';
import { csrfToken, csrfTokenGuard, identify } from './session.ts';
import { loggerOptions } from './logging.ts';
import { notFoundHandler, sendError } from './errors.ts';
import { csrfGuard } from './csrf.ts';
import { registerPageCache } from './page-cache-hooks.ts';
import { registerWebRoutes } from './web/routes/index.ts';
import { registerApiRoutes } from './api/index.ts';
import { OPENAPI_INFO } from './api/openapi-info.ts';
import { MULTIPART_LIMITS } from './web/routes/posting-form.ts';

const PUBLIC_DIR = path.resolve(import.meta.dirname, '../../public');

export interface BuildOptions {
  /** Pass false to silence request logs (tests). */
  logger?: boolean;
}

export async function buildApp(deps: AppDeps, options: BuildOptions = {}): Promise<App> {
  const app = Fastify({
    logger: options.logger === false ? false : loggerOptions(deps.config),
    trustProxy: deps.config.trustProxy,
    genReqId: () => crypto.randomUUID(),
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 500 },
    // Unknown fields in an API body are refused (400) rather than silently dropped, so a typo in
    // a field name is noticed.
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('owlery', deps);
  // Every route as registered, so tests can prove each one is covered by the authorization matrix.
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routeTable.push({ method, url: route.url });
  });
  app.decorateRequest('ctx', null as never);
  app.decorateRequest('session', null);
  app.decorateRequest('viaApiToken', false);
  await app.register(cookie);
  // A request whose client has already gone (it gave up waiting while the server was busy) is
  // not worked on: under overload, rendering answers nobody reads is what keeps a server behind.
  app.addHook('onRequest', async (request, reply) => {
    if (request.raw.socket?.destroyed) return reply.hijack();
  });
  app.addHook('onRequest', csrfGuard);
  app.decorateRequest('csrf', '');
  // Links in emails and feeds come from configuration, never from the request's Host header,
  // which a client controls (a forged Host would put an attacker's address in reset emails).
  const site = deps.site ?? { name: deps.config.siteName, baseUrl: publicBaseUrl(deps.config) };
  app.addHook('onRequest', async (request, reply) => {
    const actor = await identify(deps, request);
    // Pages embed the CSRF token in their forms; the API uses bearer tokens instead.
    if (!request.url.startsWith('/api/')) request.csrf = csrfToken(request, reply);
    request.ctx = { db: deps.store.db, caps: deps.store.caps, actor, clock: deps.clock, mailer: deps.mailer, site };
  });
  app.addHook('preHandler', csrfTokenGuard);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Works may show images by URL, as on AO3.
        imgSrc: ["'self'", 'https:', 'http:', 'data:'],
        styleSrc: ["'self'"],
        scriptSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    // Readers follow links out of works; send only the origin.
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  });
  await app.register(rateLimit, { global: true, max: deps.config.rateLimitPerMinute, timeWindow: '1 minute' });
  // Its answers run after the session, CSRF, security-header and rate-limit hooks, so get them too.
  registerPageCache(app, deps.config.pageCacheMiB * 1024 * 1024);
  await app.register(formbody, { bodyLimit: 64 * 1024 });
  // The posting forms: one uploaded file up to the importer's limit, text fields long enough for
  // a chapter, as many fields as the form has. Routes read parts themselves (posting-form.ts,
  // which also caps the fields' total and keeps guests out before anything is read).
  await app.register(multipart, { limits: MULTIPART_LIMITS });
  await app.register(fastifyStatic, { root: PUBLIC_DIR, prefix: '/static/', maxAge: '1h' });
  await app.register(swagger, { openapi: OPENAPI_INFO, hideUntagged: true });

  app.setErrorHandler((error, request, reply) => sendError(request, reply, error));
  app.setNotFoundHandler(notFoundHandler);

  app.get('/healthz', async () => {
    // A query proves the database answers, not just the process.
    await pingDatabase(deps.store.db);
    return { status: 'ok', database: deps.store.caps.dialect };
  });

  await registerWebRoutes(app);
  await registerApiRoutes(app);
  return app;
}
