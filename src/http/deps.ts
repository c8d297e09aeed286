// What the HTTP layer is built from, attached to the Fastify instance and to each request.
import type { Config } from '../config.ts';
import type { Store } from '../db/connect.ts';
import type { Clock, ServiceContext } from '../services/context.ts';
import type { Mailer } from '../mail/outbox.ts';

export interface AppDeps {
  config: Config;
  store: Store;
  clock: Clock;
  mailer: Mailer;
  /** Set while the archive has no admin and a setup link is outstanding. */
  setupPending: boolean;
}

export interface RouteEntry {
  method: string;
  url: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    owlery: AppDeps;
    routeTable: RouteEntry[];
  }
  interface FastifyRequest {
    /** The service context for this request: database, actor (from the session), clock. */
    ctx: ServiceContext;
  }
}
