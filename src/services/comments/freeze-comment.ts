// Freezing a thread (AO3's "Freeze Thread"): the comment and every reply below it stay as they
// are, and no new replies can be added under them. Unfreezing lifts it from the same comments.
// The work's creators only.
import { setCommentFlags, threadSkeletons } from '../../db/repos/comments.repo.ts';
import type { ServiceContext } from '../context.ts';
import { requireModerator } from './authorize.ts';
import { loadComment } from './load.ts';

/** The comment and all its descendants among a thread's comments. */
export function subtreeIds(rootId: number, comments: ReadonlyArray<{ id: number; parentId: number | null }>): number[] {
  const children = new Map<number, number[]>();
  for (const c of comments) if (c.parentId !== null) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c.id]);
  const out: number[] = [];
  const stack = [rootId];
  while (stack.length > 0) {
    const id = stack.pop()!;
    out.push(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}

export async function setThreadFrozen(ctx: ServiceContext, commentId: number, frozen: boolean): Promise<void> {
  const loaded = await loadComment(ctx, commentId, { allowDeleted: true });
  requireModerator(ctx, loaded, frozen ? 'freeze comment threads' : 'unfreeze comment threads');
  await ctx.db.transaction().execute(async (trx) => {
    const ids = subtreeIds(commentId, await threadSkeletons(trx, loaded.comment.threadId));
    await setCommentFlags(trx, ids, { frozen }, ctx.clock.now().toISOString());
  });
}
