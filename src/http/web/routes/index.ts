import type { App } from '../../app-type.ts';
import { registerHomeRoutes } from './home.ts';
import { registerWorkRoutes } from './works.ts';
import { registerBrowseRoutes } from './browse.ts';
import { registerSetupRoutes } from './setup.ts';
import { registerApiDocsRoute } from './api-docs.ts';
import { registerSessionRoutes } from './sessions.ts';
import { registerAccountRoutes } from './account.ts';
import { registerAdminRoutes } from './admin.ts';
import { registerPostingRoutes } from './posting.ts';
import { registerPostingManageRoutes } from './posting-manage.ts';
import { registerChapterRoutes } from './chapters.ts';
import { registerSeriesEditRoutes } from './series-edit.ts';
import { registerWranglingRoutes } from './wrangling.ts';
import { registerFeedRoutes } from './feeds.ts';
import { registerOpdsRoutes } from './opds.ts';
import { registerDownloadRoutes } from './downloads.ts';

export async function registerWebRoutes(app: App): Promise<void> {
  await registerHomeRoutes(app);
  await registerWorkRoutes(app);
  await registerBrowseRoutes(app);
  await registerSetupRoutes(app);
  await registerApiDocsRoute(app);
  await registerSessionRoutes(app);
  await registerAccountRoutes(app);
  await registerAdminRoutes(app);
  await registerPostingRoutes(app);
  await registerPostingManageRoutes(app);
  await registerChapterRoutes(app);
  await registerSeriesEditRoutes(app);
  await registerWranglingRoutes(app);
  await registerFeedRoutes(app);
  await registerOpdsRoutes(app);
  await registerDownloadRoutes(app);
}
