// Posting a new work from the "Post New Work" form (AO3's works/new): validated with the form's
// strict tag rules, credited to the writer's chosen pseuds, with co-creators invited, and saved
// either as a draft (Preview, Save as Draft) or posted at once (Post).
import { pseudsOfUser, type PseudRecord } from '../../db/repos/users.repo.ts';
import { seriesOfUser } from '../../db/repos/series.repo.ts';
import type { Db } from '../../db/types.ts';
import { Invalid } from '../../domain/errors.ts';
import type { ServiceContext } from '../context.ts';
import { validateWork, type ValidWorkDetails, type WorkInput } from '../work-input.ts';
import { writeWork } from '../write-work.ts';
import { announcePosting } from '../subscriptions/announce.ts';
import { requireWriter } from './access.ts';
import { resolveCoCreators } from './co-creators.ts';
import { gather, throwProblems, type Problems } from './problems.ts';

/** What the form's buttons ask for: Preview and Save as Draft both save a draft. */
export type Commit = 'preview' | 'draft' | 'post';

export interface NewWorkInput {
  work: WorkInput;
  /** The writer's own pseuds to credit; their default pseud when none are given. */
  pseudIds?: readonly number[] | undefined;
  commit: Commit;
}

export interface PostingChoices {
  pseuds: PseudRecord[];
  series: Array<{ id: number; title: string }>;
}

/** The writer's pseuds and series, for the form's choices. */
export async function postingChoices(ctx: ServiceContext): Promise<PostingChoices> {
  const writer = requireWriter(ctx);
  const [pseuds, series] = await Promise.all([pseudsOfUser(ctx.db, writer.userId), seriesOfUser(ctx.db, writer.userId)]);
  return { pseuds, series };
}

/** The writer's pseuds among `requested`, or their default pseud; someone else's pseud is refused. */
export async function chooseOwnPseuds(db: Db, userId: number, requested: readonly number[] | undefined): Promise<number[]> {
  const own = await pseudsOfUser(db, userId);
  if (!requested || requested.length === 0) {
    const fallback = own.find((p) => p.isDefault) ?? own[0];
    if (!fallback) throw new Invalid('Your account has no pseud to post under.', { pseuds: 'Your account has no pseud to post under.' });
    return [fallback.id];
  }
  const ownIds = new Set(own.map((p) => p.id));
  const chosen = [...new Set(requested)];
  if (chosen.some((id) => !ownIds.has(id))) throw new Invalid('Choose among your own pseuds.', { pseuds: 'Choose among your own pseuds.' });
  return chosen;
}

/** AO3 refuses publication dates in the future; backdating is for works first posted elsewhere. */
export function checkBackdate(postedAt: Date | null, now: Date): void {
  if (postedAt && postedAt.toISOString().slice(0, 10) > now.toISOString().slice(0, 10)) {
    throw new Invalid('The publication date cannot be in the future.', { postedAt: 'The publication date cannot be in the future.' });
  }
}

/** An existing series named by id must be one of the writer's own. */
export async function checkOwnSeries(db: Db, userId: number, series: ValidWorkDetails['series']): Promise<void> {
  if (series?.id == null) return;
  const mine = await seriesOfUser(db, userId);
  if (!mine.some((s) => s.id === series.id)) throw new Invalid('Choose one of your own series.', { series: 'Choose one of your own series.' });
}

/** Invited co-creators, leaving out pseuds of the writer (they are credited directly instead). */
export async function coCreatorPseudIds(db: Db, userId: number, names: readonly string[]): Promise<{ invited: number[]; own: number[] }> {
  const pseuds = await resolveCoCreators(db, names);
  return { invited: pseuds.filter((p) => p.userId !== userId).map((p) => p.id), own: pseuds.filter((p) => p.userId === userId).map((p) => p.id) };
}

export async function postNewWork(ctx: ServiceContext, input: NewWorkInput): Promise<{ workId: number; posted: boolean }> {
  const writer = requireWriter(ctx);
  const now = ctx.clock.now();
  const problems: Problems = {};
  const valid = await gather(problems, () => validateWork({ ...input.work, draft: input.commit !== 'post' }, { requireTags: true }));
  const pseudIds = await gather(problems, () => chooseOwnPseuds(ctx.db, writer.userId, input.pseudIds));
  const coCreators = valid ? await gather(problems, () => coCreatorPseudIds(ctx.db, writer.userId, valid.coCreators)) : undefined;
  if (valid) {
    await gather(problems, () => checkBackdate(valid.postedAt, now));
    await gather(problems, () => checkOwnSeries(ctx.db, writer.userId, valid.series));
  }
  throwProblems(problems);
  if (!valid || !pseudIds || !coCreators) throw new Error('unreachable: problems were thrown above');
  const credited = [...new Set([...pseudIds, ...coCreators.own])];
  const workId = await ctx.db.transaction().execute(async (trx) => {
    const id = await writeWork(trx, valid, credited, now, { invitedPseudIds: coCreators.invited });
    if (!valid.draft) await announcePosting(trx, now, { kind: 'work', workId: id });
    return id;
  });
  return { workId, posted: !valid.draft };
}
