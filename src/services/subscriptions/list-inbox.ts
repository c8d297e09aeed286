// A reader's inbox (/users/:login/inbox and the API): their notifications, newest first, as they
// may see them now — works hidden or restricted since drop out, anonymous works name no creator.
import { notificationsOf } from '../../db/repos/notifications.repo.ts';
import { workScope } from '../../domain/policy.ts';
import type { ServiceContext } from '../context.ts';
import { readerId } from '../reader/owner.ts';
import { loadNotificationItems, type NotificationItem } from './notification-items.ts';

export const INBOX_PER_PAGE = 25;

export interface Inbox {
  items: NotificationItem[];
  total: number;
  unread: number;
  page: number;
  perPage: number;
}

export async function myInbox(ctx: ServiceContext, options: { login?: string; unreadOnly?: boolean; page?: number } = {}): Promise<Inbox> {
  const userId = readerId(ctx, 'see your inbox', options.login);
  const page = Math.max(1, options.page ?? 1);
  const { items, total, unread } = await notificationsOf(ctx.db, userId, {
    scope: workScope(ctx.actor),
    unreadOnly: options.unreadOnly ?? false,
    limit: INBOX_PER_PAGE,
    offset: (page - 1) * INBOX_PER_PAGE,
  });
  return { items: await loadNotificationItems(ctx.db, ctx.actor, items), total, unread, page, perPage: INBOX_PER_PAGE };
}
