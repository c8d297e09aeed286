// What the HTTP layer is built from, attached to the Fastify instance and to each request.
import type { Config } from '../config.ts';
import type { Store } from '../db/connect.ts';
import type { Clock, ServiceContext, Site } from '../services/context.ts';
import type { Mailer } from '../mail/outbox.ts';

export interface AppDeps {
  config: Config;
  store: Store;
  clock: Clock;
  mailer: Mailer;
  /**
   * The archive's name and public origin for links in emails, feeds and downloads. `serve` passes
   * the same object its worker uses and corrects the port once it is bound (for --port 0).
   */
  site?: Site;
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
