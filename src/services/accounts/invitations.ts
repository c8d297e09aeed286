// Invitations: people join a queue with their address; admins send invitations from the front
// of the queue or to any address. The email carries a one-time sign-up link.
import {
  insertInvitation,
  markInviteRequestSent,
  queueInviteRequest,
  queuePosition,
  waitingInviteRequests,
} from '../../db/repos/invitations.repo.ts';
import { Invalid } from '../../domain/errors.ts';
import { emailProblem } from '../../domain/password-rules.ts';
import { requireAdmin } from '../admin/guard.ts';
import type { ServiceContext } from '../context.ts';
import { LIMITS, spend } from '../rate-limit.ts';
import { hashToken, newToken } from '../tokens.ts';

/** Joins the queue. The answer is the same whether or not the address was already waiting. */
export async function requestInvitation(ctx: ServiceContext, input: { email: string; ip: string }): Promise<{ position: number | null }> {
  const email = input.email.trim();
  const problem = emailProblem(email);
  if (problem) throw new Invalid(problem, { email: problem });
  await spend(ctx.db, LIMITS.inviteRequestPerIp, input.ip, ctx.clock.now());
  await queueInviteRequest(ctx.db, email, ctx.clock.now().toISOString());
  return { position: await queuePosition(ctx.db, email) };
}

async function sendInvitation(ctx: ServiceContext, email: string, invitedBy: number | null): Promise<void> {
  const token = newToken('inv_');
  await insertInvitation(ctx.db, { tokenHash: hashToken(token), email, invitedBy }, ctx.clock.now().toISOString());
  await ctx.mailer.send({
    to: email,
    subject: `[${ctx.site.name}] Your invitation`,
    text:
      `You have been invited to create an account on ${ctx.site.name}.\n\n` +
      `Sign up here (the link works once):\n${ctx.site.baseUrl}/signup?invitation=${encodeURIComponent(token)}\n\n` +
      'If you did not ask for this, you can ignore this email.\n',
  });
}

/** Sends invitations to the first `count` addresses in the queue. */
export async function inviteFromQueue(ctx: ServiceContext, count: number): Promise<number> {
  requireAdmin(ctx);
  if (!Number.isInteger(count) || count < 1 || count > 500) throw new Invalid('Send between 1 and 500 invitations at a time.', { count: 'Between 1 and 500.' });
  const waiting = await waitingInviteRequests(ctx.db, count);
  for (const request of waiting) {
    await sendInvitation(ctx, request.email, ctx.actor.kind === 'user' ? ctx.actor.userId : null);
    await markInviteRequestSent(ctx.db, request.id, ctx.clock.now().toISOString());
  }
  return waiting.length;
}

export async function inviteAddress(ctx: ServiceContext, email: string): Promise<void> {
  requireAdmin(ctx);
  const address = email.trim();
  const problem = emailProblem(address);
  if (problem) throw new Invalid(problem, { email: problem });
  await sendInvitation(ctx, address, ctx.actor.kind === 'user' ? ctx.actor.userId : null);
}
