// The reader's pages of issue 6 — bookmarks, subscriptions, the inbox, history and Mark for
// Later, and the preferences behind them — registered together.
import type { App } from '../../app-type.ts';
import { registerBookmarkRoutes } from './bookmarks.ts';
import { registerSubscriptionRoutes } from './subscriptions.ts';
import { registerInboxRoutes } from './inbox.ts';
import { registerReadingRoutes } from './readings.ts';
import { registerReaderPreferenceRoutes } from './reader-preferences.ts';

export async function registerReaderRoutes(app: App): Promise<void> {
  await registerBookmarkRoutes(app);
  await registerSubscriptionRoutes(app);
  await registerInboxRoutes(app);
  await registerReadingRoutes(app);
  await registerReaderPreferenceRoutes(app);
}
