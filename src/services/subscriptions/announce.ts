// Called by the posting services at the moment a work or a chapter becomes visible to readers:
// queues the job that tells their subscribers, inside the posting transaction, so the job exists
// exactly when the posting does (a rolled-back post notifies nobody). Drafts never get here.
import type { Db } from '../../db/types.ts';
import { eventKey, type PostingEvent } from '../../domain/notifications.ts';
import { NOTIFY_SUBSCRIBERS } from '../../jobs/kinds.ts';
import { enqueue } from '../../jobs/queue.ts';

export async function announcePosting(trx: Db, now: Date, event: PostingEvent): Promise<void> {
  // Unique per event: posting, un-posting and posting again never queues it twice.
  await enqueue({ db: trx, clock: { now: () => now } }, NOTIFY_SUBSCRIBERS, event, { unique: eventKey(event) });
}
