// Site-wide key/value settings (setup token hash, admin toggles).
import type { Db } from '../types.ts';

export async function getSetting(db: Db, key: string): Promise<string | null> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? null;
}

export async function putSetting(db: Db, key: string, value: string, now: string): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key, value, updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now }))
    .execute();
}

export async function deleteSetting(db: Db, key: string): Promise<void> {
  await db.deleteFrom('settings').where('key', '=', key).execute();
}

/**
 * Stores `value` unless the key already has one, and returns whichever value the key holds
 * afterwards. Processes racing to create a secret all end up with the same one.
 */
export async function settingOrInsert(db: Db, key: string, value: string, now: string): Promise<string> {
  await db.insertInto('settings').values({ key, value, updated_at: now }).onConflict((oc) => oc.column('key').doNothing()).execute();
  return (await getSetting(db, key)) ?? value;
}

/** Deletes the settings whose key starts with `prefix` (no LIKE wildcards in it), except `keep`. */
export async function deleteSettingsWithPrefix(db: Db, prefix: string, keep: string): Promise<void> {
  if (/[%_\\]/.test(prefix)) throw new Error(`A settings prefix may not hold LIKE wildcards: ${prefix}`);
  await db.deleteFrom('settings').where('key', 'like', `${prefix}%`).where('key', '<>', keep).execute();
}

/** A trivial query that proves the database answers (the health check). */
export async function pingDatabase(db: Db): Promise<void> {
  await db.selectFrom('settings').select('key').limit(1).execute();
}
