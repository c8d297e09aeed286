// A real Fastify app over a fresh test store, for HTTP tests through app.inject().
import { buildApp } from '../../src/http/app.ts';
import type { App } from '../../src/http/app-type.ts';
import { loadConfig } from '../../src/config.ts';
import type { DialectName } from '../../src/db/connect.ts';
import { createTestStore, type TestStore } from './stores.ts';
import { contextFor, fixedClock } from './factories.ts';
import type { ServiceContext } from '../../src/services/context.ts';

export interface TestApp {
  app: App;
  store: TestStore;
  /** A system context on the same store, for arranging data. */
  ctx: ServiceContext;
  close(): Promise<void>;
}

export async function createTestApp(dialect: DialectName, options: { setupPending?: boolean } = {}): Promise<TestApp> {
  const store = await createTestStore(dialect);
  const clock = fixedClock();
  const config = loadConfig({ data: store.flags[1] ?? '/tmp', logLevel: 'silent' }, {});
  const app = await buildApp({ config, store, clock, setupPending: options.setupPending ?? false }, { logger: false });
  await app.ready();
  return {
    app,
    store,
    ctx: contextFor(store, undefined, clock),
    async close() {
      await app.close();
      await store.destroy();
    },
  };
}
