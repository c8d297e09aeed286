// The reader's API of issue 6 — bookmarks, subscriptions with the inbox, and history — registered together.
import type { App } from '../app-type.ts';
import { registerBookmarkApi } from './bookmarks.ts';
import { registerSubscriptionApi } from './subscriptions.ts';
import { registerHistoryApi } from './history.ts';

export async function registerReaderApi(app: App): Promise<void> {
  await registerBookmarkApi(app);
  await registerSubscriptionApi(app);
  await registerHistoryApi(app);
}
