// A reader's preferences on the account page: how notification email arrives (at once, a daily
// digest, or never) and whether the works they open are kept in their history.
import { readerPreferencesOf, saveReaderPreferences, type ReaderPreferences } from '../../db/repos/reader-preferences.repo.ts';
import { Invalid } from '../../domain/errors.ts';
import { isNotificationEmail } from '../../domain/notifications.ts';
import { ownUserId } from '../accounts/own-account.ts';
import type { ServiceContext } from '../context.ts';

export type { ReaderPreferences };

export async function myReaderPreferences(ctx: ServiceContext): Promise<ReaderPreferences> {
  return readerPreferencesOf(ctx.db, ownUserId(ctx, 'see your preferences'));
}

export async function setReaderPreferences(ctx: ServiceContext, input: { notificationEmail: unknown; historyEnabled: boolean }): Promise<ReaderPreferences> {
  // Account settings: the browser session only, like the rest of /account.
  const userId = ownUserId(ctx, 'change your preferences');
  if (!isNotificationEmail(input.notificationEmail)) {
    throw new Invalid('Choose how you want notification emails.', { notification_email: 'Choose immediately, a daily digest, or never.' });
  }
  const preferences: ReaderPreferences = { notificationEmail: input.notificationEmail, historyEnabled: input.historyEnabled };
  await saveReaderPreferences(ctx.db, userId, preferences, ctx.clock.now().toISOString());
  return preferences;
}
