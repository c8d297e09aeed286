// Admin moderation flags on works.
import type { Db } from '../types.ts';

export async function setHiddenByAdmin(db: Db, workId: number, hidden: boolean): Promise<void> {
  await db.updateTable('works').set({ hidden_by_admin: hidden }).where('id', '=', workId).execute();
}
