// A real Fastify app over a fresh test store, for HTTP tests through app.inject().
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../../src/http/app.ts';
import type { App } from '../../src/http/app-type.ts';
import { loadConfig } from '../../src/config.ts';
import type { DialectName } from '../../src/db/connect.ts';
import { createTestStore, type TestStore } from './stores.ts';
import { contextFor, fixedClock, memoryMailer, type CapturedMail } from './factories.ts';
import type { ServiceContext } from '../../src/services/context.ts';

export interface TestApp {
  app: App;
  store: TestStore;
  /** A system context on the same store, for arranging data. */
  ctx: ServiceContext;
  /** Every email the app sent. */
  mail: CapturedMail[];
  clock: ReturnType<typeof fixedClock>;
  close(): Promise<void>;
}

export async function createTestApp(dialect: DialectName, options: { setupPending?: boolean; rateLimit?: string } = {}): Promise<TestApp> {
  const store = await createTestStore(dialect);
  const clock = fixedClock();
  const mailer = memoryMailer();
  // Tests make thousands of requests from one address; the site-wide limit is tested on its own.
  // A PostgreSQL store has no folder of its own; files the app writes (download caches) get one.
  const dataDir = store.flags[0] === '--data' ? store.flags[1]! : fs.mkdtempSync(path.join(os.tmpdir(), 'owlery-test-data-'));
  const config = loadConfig({ data: dataDir, logLevel: 'silent' }, { OWLERY_RATE_LIMIT: options.rateLimit ?? '1000000' });
  const app = await buildApp({ config, store, clock, mailer, setupPending: options.setupPending ?? false }, { logger: false });
  await app.ready();
  return {
    app,
    store,
    ctx: contextFor(store, undefined, clock, mailer),
    mail: mailer.sent,
    clock,
    async close() {
      await app.close();
      await store.destroy();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
