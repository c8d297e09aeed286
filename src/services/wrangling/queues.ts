// What wranglers work from: per-fandom queues of unwrangled tags, unwrangled fandoms, one tag's
// wrangling state, and (for admins) the audit log.
import { countAudit, fandomQueue, fandomQueues, listAudit, tagState, unwrangledFandoms, type AuditEntry, type FandomQueue, type QueueTag } from '../../db/repos/wrangling.repo.ts';
import { findTagById, findTagByName, tagRelations, type TagRecord, type TagRelations } from '../../db/repos/tags.repo.ts';
import { Forbidden, Invalid, NotFound, Unauthenticated } from '../../domain/errors.ts';
import { can } from '../../domain/policy.ts';
import type { TagType } from '../../domain/tag-types.ts';
import type { ServiceContext } from '../context.ts';
import { requireWrangler } from './guard.ts';

export interface WranglingHome {
  fandoms: FandomQueue[];
  unwrangledFandoms: Array<{ id: number; name: string; uses: number }>;
}

export async function wranglingHome(ctx: ServiceContext): Promise<WranglingHome> {
  requireWrangler(ctx);
  const [fandoms, unwrangled] = await Promise.all([fandomQueues(ctx.db), unwrangledFandoms(ctx.db)]);
  return { fandoms, unwrangledFandoms: unwrangled };
}

export const QUEUE_TYPES: readonly TagType[] = ['character', 'relationship', 'freeform'];
export const QUEUE_PAGE = 50;

export async function fandomWranglingQueue(ctx: ServiceContext, fandomName: string, type: TagType, page: number): Promise<{ fandom: TagRecord; tags: QueueTag[] }> {
  requireWrangler(ctx);
  if (!QUEUE_TYPES.includes(type)) throw new Invalid(`Queues hold characters, relationships and additional tags, not ${type}.`);
  const fandom = await findTagByName(ctx.db, fandomName);
  if (!fandom || fandom.type !== 'fandom') throw new NotFound(`There is no fandom "${fandomName}".`);
  // A synonym's queue is its canonical fandom's.
  const target = (fandom.mergerId ? await findTagById(ctx.db, fandom.mergerId) : null) ?? fandom;
  return { fandom: target, tags: await fandomQueue(ctx.db, target.id, type, QUEUE_PAGE, (page - 1) * QUEUE_PAGE) };
}

export async function tagForWrangling(ctx: ServiceContext, name: string): Promise<{ tag: TagRecord; relations: TagRelations; unwrangleable: boolean }> {
  requireWrangler(ctx);
  const tag = await findTagByName(ctx.db, name);
  if (!tag) throw new NotFound(`There is no tag "${name}".`);
  const [relations, state] = await Promise.all([tagRelations(ctx.db, tag), tagState(ctx.db, tag.id)]);
  return { tag, relations, unwrangleable: state.unwrangleable === true };
}

export async function wranglingLog(ctx: ServiceContext, page: number, perPage = 50): Promise<{ entries: AuditEntry[]; total: number }> {
  if (ctx.actor.kind === 'guest') throw new Unauthenticated('Log in as an admin to read the wrangling log.');
  if (!can(ctx.actor, { do: 'tags:audit' })) throw new Forbidden('Only admins can read the wrangling log.');
  const [entries, total] = await Promise.all([listAudit(ctx.db, perPage, (page - 1) * perPage), countAudit(ctx.db)]);
  return { entries, total };
}
