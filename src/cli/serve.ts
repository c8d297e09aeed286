// `owlery serve`: migrate, print the first-run setup link when there is no admin, listen.
import { configFrom, parse } from './args.ts';
import { openStore } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { buildApp } from '../http/app.ts';
import { systemClock } from '../services/context.ts';
import { issueSetupToken } from '../services/setup-admin.ts';
import { systemContext } from './store.ts';
import { JOB_HANDLERS } from '../jobs/handlers.ts';
import { startWorker } from '../jobs/worker.ts';
import { discoveryIndexFor, dropDiscoveryIndex } from '../search/discovery-index.ts';

export const SERVE_HELP = `owlery serve [--port 3000] [--host 127.0.0.1] [--base-url URL] [--no-worker] [--data DIR | --database-url URL]
  Serves the archive. Prints "Owlery listening on http://HOST:PORT" once ready. Runs background
  jobs in the same process unless --no-worker or OWLERY_WORKER=off (then run \`owlery worker\`).`;

export async function serveCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, { port: { type: 'string' }, host: { type: 'string' }, 'base-url': { type: 'string' }, 'no-worker': { type: 'boolean' } });
  if (values.help) return (console.log(SERVE_HELP), 0);
  const config = configFrom(values);
  const store = openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  await migrateToLatest(store);
  const context = systemContext(store, config);
  const setupToken = await issueSetupToken(context);
  const app = await buildApp({ config, store, clock: systemClock, mailer: context.mailer, site: context.site, setupPending: setupToken !== null });

  const address = await app.listen({ port: config.port, host: config.host });
  const port = new URL(address).port;
  const shownHost = config.host.includes(':') ? `[${config.host}]` : config.host;
  const base = config.baseUrl ?? `http://${shownHost}:${port}`;
  // Links in emails, feeds and downloads use the address actually bound (the port may be 0 in config).
  context.site.baseUrl = base;
  console.log(`Owlery listening on http://${shownHost}:${port}`);
  if (setupToken) {
    // Printed to the operator's terminal only, never to the request log.
    console.log(`No admin account yet. Create one (this link works once, for 24 hours): ${base}/setup/${setupToken}`);
  }

  // The discovery index (filters, facets) is built in memory from the database: start now, in the
  // background, so the first listing does not pay for it (it awaits the same build if it comes early).
  void discoveryIndexFor(store.db, store.caps)
    .refresh()
    .catch((error: unknown) => app.log.error({ err: error }, 'building the discovery index failed'));

  // After listening, so a slow job never delays the first request or the printed address.
  const worker = config.worker && !values['no-worker'] ? startWorker({ store, context, handlers: JOB_HANDLERS, logger: app.log }) : null;

  const stop = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    // The worker finishes its running job while the server drains its requests.
    await Promise.all([app.close(), worker?.stop()]);
    await dropDiscoveryIndex(store.db);
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  return new Promise<number>(() => {});
}
