// Spam defences for new comments: rate limits per network address and for new accounts,
// duplicate rejection, and the link-count rule (domain/comment-rules.ts explains its choices).
// Checked after everything else about the comment is valid, so a refused or mistyped comment
// does not use up anyone's allowance.
import { hasDuplicate } from '../../db/repos/comments.repo.ts';
import type { Db } from '../../db/types.ts';
import { DUPLICATE_WINDOW_MS, HOLD_LINKS, MAX_LINKS, countLinks } from '../../domain/comment-rules.ts';
import { Conflict, Invalid } from '../../domain/errors.ts';
import { spend, type Limit } from '../rate-limit.ts';

const MINUTE = 60_000;

export const COMMENT_LIMITS = {
  /**
   * Every comment from one network address, guests and accounts alike. Generous, because many
   * readers can share an address (a school, a mobile carrier), but enough to stop a script.
   */
  perIp: { name: 'comment-ip', max: 20, windowMs: 15 * MINUTE, message: 'Too many comments from your network. Please wait 15 minutes and try again.' },
  /** AO3's limit for new accounts: 3 comments per 15 minutes (comment-rules.ts NEW_ACCOUNT_AGE_MS). */
  perNewAccount: {
    name: 'comment-new-account',
    max: 3,
    windowMs: 15 * MINUTE,
    message: 'New accounts can leave 3 comments every 15 minutes. Please wait a little and try again.',
  },
} satisfies Record<string, Limit>;

export interface SpamSubject {
  ip: string;
  /** The account's id when it is new enough for the stricter limit and not the work's creator. */
  newAccountId: number | null;
}

/** Counts the comment against its allowances; throws RateLimited once one is spent. */
export async function spendCommentAllowance(db: Db, subject: SpamSubject, now: Date): Promise<void> {
  await spend(db, COMMENT_LIMITS.perIp, subject.ip, now);
  if (subject.newAccountId !== null) await spend(db, COMMENT_LIMITS.perNewAccount, `user:${subject.newAccountId}`, now);
}

export async function refuseDuplicate(db: Db, workId: number, authorKey: string, body: string, now: Date): Promise<void> {
  const since = new Date(now.getTime() - DUPLICATE_WINDOW_MS).toISOString();
  if (await hasDuplicate(db, workId, authorKey, body, since)) {
    throw new Conflict('You have already left this comment here. Check the comments below for it, or say something new.', {
      body: 'You have already left this comment here.',
    });
  }
}

/**
 * The link rule for a comment's text: refused over MAX_LINKS; true ("hold it for approval") over
 * HOLD_LINKS when the author is a guest or a new account.
 */
export function linkDecision(sanitizedHtml: string, untrusted: boolean): { hold: boolean } {
  const links = countLinks(sanitizedHtml);
  if (links > MAX_LINKS) {
    throw new Invalid(`A comment can contain at most ${MAX_LINKS} links; this one has ${links}.`, { body: `Use at most ${MAX_LINKS} links (this comment has ${links}).` });
  }
  return { hold: untrusted && links > HOLD_LINKS };
}
