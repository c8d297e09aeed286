import type { App } from '../../app-type.ts';
import { registerHomeRoutes } from './home.ts';
import { registerWorkRoutes } from './works.ts';
import { registerBrowseRoutes } from './browse.ts';
import { registerSetupRoutes } from './setup.ts';
import { registerApiDocsRoute } from './api-docs.ts';

export async function registerWebRoutes(app: App): Promise<void> {
  await registerHomeRoutes(app);
  await registerWorkRoutes(app);
  await registerBrowseRoutes(app);
  await registerSetupRoutes(app);
  await registerApiDocsRoute(app);
}
