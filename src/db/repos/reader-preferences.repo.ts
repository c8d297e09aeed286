// A reader's preferences for notification email and reading history; no row means the defaults.
import type { Db } from '../types.ts';
import { bool } from '../types.ts';
import type { NotificationEmail } from '../../domain/notifications.ts';

export interface ReaderPreferences {
  notificationEmail: NotificationEmail;
  historyEnabled: boolean;
}

export const DEFAULT_READER_PREFERENCES: ReaderPreferences = Object.freeze({ notificationEmail: 'immediately', historyEnabled: true });

export async function readerPreferencesOf(db: Db, userId: number): Promise<ReaderPreferences> {
  const row = await db.selectFrom('reader_preferences').select(['notification_email', 'history_enabled']).where('user_id', '=', userId).executeTakeFirst();
  return row ? { notificationEmail: row.notification_email, historyEnabled: bool(row.history_enabled) } : { ...DEFAULT_READER_PREFERENCES };
}

/** Preferences of many readers at once (notifying subscribers); missing ones get the defaults. */
export async function readerPreferencesFor(db: Db, userIds: readonly number[]): Promise<Map<number, ReaderPreferences>> {
  const out = new Map<number, ReaderPreferences>(userIds.map((id) => [id, { ...DEFAULT_READER_PREFERENCES }]));
  if (userIds.length === 0) return out;
  const rows = await db.selectFrom('reader_preferences').select(['user_id', 'notification_email', 'history_enabled']).where('user_id', 'in', [...userIds]).execute();
  for (const row of rows) out.set(row.user_id, { notificationEmail: row.notification_email, historyEnabled: bool(row.history_enabled) });
  return out;
}

export async function saveReaderPreferences(db: Db, userId: number, preferences: ReaderPreferences, now: string): Promise<void> {
  const values = { notification_email: preferences.notificationEmail, history_enabled: preferences.historyEnabled, updated_at: now };
  await db
    .insertInto('reader_preferences')
    .values({ user_id: userId, ...values })
    .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
    .execute();
}
