// The send-digests job, queued for the next midnight UTC whenever a notification waits for a
// digest: each such reader gets one email listing what was posted, as they may see it now (a
// work hidden since drops out). A reader who switched to "never" meanwhile gets nothing; one who
// switched to "immediately" still gets what was waiting, once.
import { digestDueOf, notificationRecipients, settleEmails, usersWithDigestDue } from '../../db/repos/notifications.repo.ts';
import { readerPreferencesOf } from '../../db/repos/reader-preferences.repo.ts';
import type { ServiceContext } from '../context.ts';
import { digestMail } from './notification-mail.ts';
import { loadNotificationItems, recipientActor } from './notification-items.ts';

export async function sendDigests(ctx: ServiceContext): Promise<{ sent: number }> {
  let sent = 0;
  for (const userId of await usersWithDigestDue(ctx.db)) {
    const waiting = await digestDueOf(ctx.db, userId);
    const [recipient] = await notificationRecipients(ctx.db, [userId]);
    const preferences = await readerPreferencesOf(ctx.db, userId);
    const items = recipient?.email && preferences.notificationEmail !== 'never' ? await loadNotificationItems(ctx.db, recipientActor(recipient), waiting) : [];
    if (recipient?.email && items.length > 0) {
      await ctx.mailer.send(digestMail(ctx.site, { login: recipient.login, email: recipient.email }, items));
      sent++;
    }
    // Settled per reader as soon as their email is out, so a retry does not send it again.
    await settleEmails(ctx.db, waiting.map((n) => n.id), items.length > 0 ? ctx.clock.now().toISOString() : null);
  }
  return { sent };
}
