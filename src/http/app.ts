// Builds the Fastify application: plugins, the one error handler, and every route.
import path from 'node:path';
import Fastify from 'fastify';
import helmet from '@fastify/helmet';
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppDeps } from './deps.ts';
import type { App } from './app-type.ts';
import { GUEST } from '../domain/actor.ts';
import { loggerOptions } from './logging.ts';
import { notFoundHandler, sendError } from './errors.ts';
import { csrfGuard } from './csrf.ts';
import { registerWebRoutes } from './web/routes/index.ts';
import { registerApiRoutes } from './api/index.ts';
import { OPENAPI_INFO } from './api/openapi-info.ts';

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
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('owlery', deps);
  app.decorateRequest('ctx', null as never);
  app.addHook('onRequest', async (request) => {
    // Sessions arrive with the accounts issue; until then everyone reads as a guest.
    request.ctx = { db: deps.store.db, caps: deps.store.caps, actor: GUEST, clock: deps.clock };
  });
  app.addHook('onRequest', csrfGuard);

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
  await app.register(rateLimit, { global: true, max: 600, timeWindow: '1 minute' });
  await app.register(formbody, { bodyLimit: 64 * 1024 });
  await app.register(fastifyStatic, { root: PUBLIC_DIR, prefix: '/static/', maxAge: '1h' });
  await app.register(swagger, { openapi: OPENAPI_INFO, hideUntagged: true });

  app.setErrorHandler((error, request, reply) => sendError(request, reply, error));
  app.setNotFoundHandler(notFoundHandler);

  app.get('/healthz', async () => {
    // A trivial query proves the database answers, not just the process.
    await deps.store.db.selectFrom('settings').select('key').limit(1).execute();
    return { status: 'ok', database: deps.store.caps.dialect };
  });

  await registerWebRoutes(app);
  await registerApiRoutes(app);
  return app;
}
