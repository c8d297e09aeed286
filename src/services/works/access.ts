// Who may change a work, decided once for every posting service: guests are told to log in, a
// creator gets the work, anyone else gets "forbidden" when they can see the work and "not found"
// when they cannot (a draft's existence is not revealed), as the policy decides.
import { creatorsForWorks, type CreatorRecord } from '../../db/repos/creators.repo.ts';
import { findWorkById, type WorkRecord } from '../../db/repos/works.repo.ts';
import { Forbidden, NotFound, Unauthenticated } from '../../domain/errors.ts';
import { can } from '../../domain/policy.ts';
import type { ServiceContext } from '../context.ts';
import { workAccess } from '../work-cards.ts';

export interface Writer {
  userId: number;
  login: string;
}

/** The logged-in user who may post works; throws for guests and suspended accounts. */
export function requireWriter(ctx: ServiceContext): Writer {
  if (ctx.actor.kind !== 'user') throw new Unauthenticated('Log in to post and edit works.');
  if (!can(ctx.actor, { do: 'work:create' })) throw new Forbidden('Your account cannot post or edit works right now.');
  return { userId: ctx.actor.userId, login: ctx.actor.login };
}

export interface EditableWork {
  work: WorkRecord;
  /** Approved creators. */
  creators: CreatorRecord[];
  writer: Writer;
}

export async function loadEditableWork(ctx: ServiceContext, workId: number): Promise<EditableWork> {
  if (ctx.actor.kind !== 'user') throw new Unauthenticated('Log in to edit works.');
  const work = await findWorkById(ctx.db, workId);
  if (!work) throw new NotFound(`There is no work ${workId}.`);
  const creators = (await creatorsForWorks(ctx.db, [workId])).get(workId) ?? [];
  const access = workAccess(work, creators);
  if (!can(ctx.actor, { do: 'work:edit', work: access })) {
    if (can(ctx.actor, { do: 'work:read', work: access })) throw new Forbidden('Only the creators of this work may change it.');
    throw new NotFound(`There is no work ${workId}.`);
  }
  return { work, creators, writer: { userId: ctx.actor.userId, login: ctx.actor.login } };
}

/** Whether the actor may change this work (the work page shows its creators' actions). */
export function canEditWork(ctx: ServiceContext, work: WorkRecord, creators: readonly CreatorRecord[]): boolean {
  return can(ctx.actor, { do: 'work:edit', work: workAccess(work, creators) });
}
