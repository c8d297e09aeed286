// What the HTTP layer is built from, attached to the Fastify instance and to each request.
import type { Config } from '../config.ts';
import type { Store } from '../db/connect.ts';
import type { Clock, ServiceContext } from '../services/context.ts';

export interface AppDeps {
  config: Config;
  store: Store;
  clock: Clock;
  /** Set while the archive has no admin and a setup link is outstanding. */
  setupPending: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    owlery: AppDeps;
  }
  interface FastifyRequest {
    /** The service context for this request: database, actor (from the session), clock. */
    ctx: ServiceContext;
  }
}
