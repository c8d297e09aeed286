// The wrangling actions (AO3's tag wrangling): make a tag canonical or not, merge it as a synonym
// of a canonical tag or take it back out, add or remove parents and meta tags, mark it
// unwrangleable. Each runs in one transaction with an audit entry (who, what, when, before and
// after), and the works whose filter sets it changes are recomputed — at once when they are few,
// by a background job with progress when they are many.
import { findTagByName, type TagRecord } from '../../db/repos/tags.repo.ts';
import { workIdsTouchingTags } from '../../db/repos/filters.repo.ts';
import {
  addMeta,
  addParent,
  countChildren,
  insertAudit,
  lockTagsByName,
  moveTagLinks,
  parentLinkExists,
  removeMeta,
  removeParent,
  setCanonical,
  setMerger,
  setUnwrangleable,
  subTagClosure,
  synonymIds,
  tagState,
} from '../../db/repos/wrangling.repo.ts';
import type { Db } from '../../db/types.ts';
import { Invalid, NotFound } from '../../domain/errors.ts';
import { TAG_TYPE_LABELS } from '../../domain/tag-types.ts';
import { parentAllowed, WRANGLEABLE_TYPES } from '../../domain/wrangling-rules.ts';
import type { ServiceContext } from '../context.ts';
import { requireWrangler, type Wrangler } from './guard.ts';
import { scheduleRecompute, type RecomputeOutcome } from './recompute.ts';

export type WrangleAction =
  | { kind: 'canonical'; tag: string; canonical: boolean }
  | { kind: 'merge'; tag: string; into: string }
  | { kind: 'unmerge'; tag: string }
  | { kind: 'parent'; tag: string; parent: string; add: boolean }
  | { kind: 'meta'; tag: string; meta: string; add: boolean }
  | { kind: 'unwrangleable'; tag: string; value: boolean };

export interface WrangleResult extends RecomputeOutcome {
  /** False when the tag already was as asked (nothing changed, nothing logged). */
  changed: boolean;
}

async function loadTag(db: Db, name: string, role = 'tag'): Promise<TagRecord> {
  const tag = await findTagByName(db, name);
  if (!tag) throw new NotFound(`There is no ${role} "${name}".`, { [role]: `There is no tag "${name}".` });
  return tag;
}

function wrangleable(tag: TagRecord): void {
  if (!WRANGLEABLE_TYPES.has(tag.type)) throw new Invalid(`${TAG_TYPE_LABELS[tag.type].one} tags are fixed and cannot be wrangled.`);
}

const label = (tag: TagRecord) => `${TAG_TYPE_LABELS[tag.type].one} "${tag.name}"`;

/** Applies one action; returns the ids of tags whose works need their filter sets recomputed. */
async function apply(db: Db, action: WrangleAction, now: string): Promise<{ tag: TagRecord; changed: boolean; touched: number[] }> {
  const tag = await loadTag(db, action.tag);
  // Asking for what already holds is fine even for fixed tags (a tag set may list them).
  if (action.kind === 'canonical' && tag.canonical === action.canonical) return { tag, changed: false, touched: [] };
  wrangleable(tag);
  switch (action.kind) {
    case 'canonical': {
      if (action.canonical && tag.mergerId) throw new Invalid(`${label(tag)} is a synonym; take it out of its canonical tag first.`);
      if (!action.canonical) {
        if ((await synonymIds(db, tag.id)).length > 0) throw new Invalid(`${label(tag)} has synonyms; move them to another canonical tag first.`);
        if ((await subTagClosure(db, tag.id)).size > 0) throw new Invalid(`${label(tag)} has sub tags; remove them first.`);
        // Only canonical tags may be parents: a tag others hang under must stay canonical.
        if ((await countChildren(db, tag.id)) > 0) throw new Invalid(`${label(tag)} is the parent of other tags; remove those links first.`);
      }
      await setCanonical(db, tag.id, action.canonical, now);
      return { tag, changed: true, touched: [] };
    }
    case 'merge': {
      const into = await loadTag(db, action.into, 'canonical tag');
      if (into.id === tag.id) throw new Invalid('A tag cannot be a synonym of itself.');
      if (into.type !== tag.type) throw new Invalid(`${label(tag)} can only be a synonym of another ${TAG_TYPE_LABELS[tag.type].one} tag, not of ${label(into)}.`);
      if (!into.canonical || into.mergerId) throw new Invalid(`${label(into)} is not canonical; make it canonical before merging into it.`);
      if (tag.mergerId === into.id) return { tag, changed: false, touched: [] };
      if ((await synonymIds(db, tag.id)).length > 0) throw new Invalid(`${label(tag)} has synonyms of its own; move them first.`);
      if ((await subTagClosure(db, tag.id)).size > 0) throw new Invalid(`${label(tag)} has sub tags; remove them first.`);
      if (tag.canonical) await setCanonical(db, tag.id, false, now);
      await setMerger(db, tag.id, into.id, now);
      // As AO3 does, the synonym's parents, children and meta tags move to the canonical tag, so
      // nothing hangs off a synonym and no work falls out of a meta tag it was under.
      const gainedMeta = await moveTagLinks(db, tag.id, into.id);
      return { tag, changed: true, touched: gainedMeta ? [tag.id, into.id] : [tag.id] };
    }
    case 'unmerge': {
      if (!tag.mergerId) return { tag, changed: false, touched: [] };
      await setMerger(db, tag.id, null, now);
      return { tag, changed: true, touched: [tag.id] };
    }
    case 'parent': {
      const parent = await loadTag(db, action.parent, 'parent');
      if (action.add) {
        // Links made automatically (a relationship's characters) count as already there.
        if (await parentLinkExists(db, parent.id, tag.id)) return { tag, changed: false, touched: [] };
        if (!parentAllowed(parent.type, tag.type)) throw new Invalid(`A ${TAG_TYPE_LABELS[parent.type].one} tag cannot be a parent of a ${TAG_TYPE_LABELS[tag.type].one} tag.`);
        if (!parent.canonical) throw new Invalid(`${label(parent)} is not canonical; only canonical tags can be parents.`);
        return { tag, changed: await addParent(db, parent.id, tag.id), touched: [] };
      }
      return { tag, changed: await removeParent(db, parent.id, tag.id), touched: [] };
    }
    case 'meta': {
      const meta = await loadTag(db, action.meta, 'meta tag');
      if (action.add) {
        if (meta.id === tag.id) throw new Invalid('A tag cannot be its own meta tag.');
        if (meta.type !== tag.type) throw new Invalid(`Meta tags link tags of one type: ${label(meta)} cannot be a meta tag of ${label(tag)}.`);
        if (!meta.canonical || !tag.canonical) throw new Invalid('Only canonical tags can be meta and sub tags.');
        if ((await subTagClosure(db, tag.id)).has(meta.id)) throw new Invalid(`${label(meta)} is already below ${label(tag)}; that would make a loop.`);
        const changed = await addMeta(db, meta.id, tag.id);
        return { tag, changed, touched: changed ? [tag.id] : [] };
      }
      const changed = await removeMeta(db, meta.id, tag.id);
      return { tag, changed, touched: changed ? [tag.id] : [] };
    }
    case 'unwrangleable': {
      await setUnwrangleable(db, tag.id, action.value, now);
      return { tag, changed: true, touched: [] };
    }
  }
}

/** One action with its audit entry, inside the caller's transaction. */
export async function applyAudited(trx: Db, who: Wrangler, action: WrangleAction, now: string) {
  const existing = await findTagByName(trx, action.tag);
  const before = existing ? await tagState(trx, existing.id) : null;
  const result = await apply(trx, action, now);
  if (result.changed) {
    await insertAudit(trx, { userId: who.userId, actor: who.label, action: action.kind, tagId: result.tag.id, tagName: result.tag.name, before, after: await tagState(trx, result.tag.id) }, now);
  }
  return result;
}

/** Every tag an action reads or changes, for locking. */
function namesIn(action: WrangleAction): string[] {
  switch (action.kind) {
    case 'merge':
      return [action.tag, action.into];
    case 'parent':
      return [action.tag, action.parent];
    case 'meta':
      return [action.tag, action.meta];
    default:
      return [action.tag];
  }
}

export async function wrangle(ctx: ServiceContext, action: WrangleAction): Promise<WrangleResult> {
  const who = requireWrangler(ctx);
  const now = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    await lockTagsByName(trx, ctx.caps, namesIn(action));
    const result = await applyAudited(trx, who, action, now);
    const outcome = await scheduleRecompute(ctx, trx, await workIdsTouchingTags(trx, result.touched), result.touched);
    return { changed: result.changed, ...outcome };
  });
}

/**
 * Mass wrangling (AO3's bulk actions on a queue page): the same action on many tags, all or
 * nothing — one refusal names the tag and changes none of them.
 */
export async function wrangleMany(ctx: ServiceContext, tags: readonly string[], make: (tag: string) => WrangleAction): Promise<WrangleResult & { count: number }> {
  const who = requireWrangler(ctx);
  const names = [...new Set(tags.map((t) => t.trim()).filter(Boolean))];
  if (names.length === 0) throw new Invalid('Choose at least one tag.', { tags: 'Choose at least one tag.' });
  if (names.length > 500) throw new Invalid('Wrangle at most 500 tags at a time.');
  const now = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    await lockTagsByName(trx, ctx.caps, names.flatMap((name) => namesIn(make(name))));
    const touched: number[] = [];
    let changed = 0;
    for (const name of names) {
      try {
        const result = await applyAudited(trx, who, make(name), now);
        touched.push(...result.touched);
        if (result.changed) changed++;
      } catch (error) {
        if (error instanceof Error) error.message = `${name}: ${error.message}`;
        throw error;
      }
    }
    const outcome = await scheduleRecompute(ctx, trx, await workIdsTouchingTags(trx, touched), touched);
    return { changed: changed > 0, count: changed, ...outcome };
  });
}
