// Tag sets (DESIGN.md `owlery tags import FILE.json` / `owlery tags export`): a wrangled tag tree
// as JSON — each entry a tag with its type, canonical flag, parent fandoms, synonyms, meta tags
// and other parents. Importing is all or nothing and idempotent: importing the same set twice
// changes nothing the second time (and logs nothing).
import { findTagByName, findTagsByIds, insertTagIfAbsent, tagRelations, type TagRecord } from '../../db/repos/tags.repo.ts';
import { workIdsTouchingTags } from '../../db/repos/filters.repo.ts';
import { allWrangledTags } from '../../db/repos/wrangling.repo.ts';
import type { Db } from '../../db/types.ts';
import { Invalid } from '../../domain/errors.ts';
import { cleanTagName, tagNameProblem } from '../../domain/tag-name.ts';
import { isTagType, TAG_TYPE_LABELS, type TagType } from '../../domain/tag-types.ts';
import type { ServiceContext } from '../context.ts';
import { requireWrangler } from './guard.ts';
import { scheduleRecompute, type RecomputeOutcome } from './recompute.ts';
import { linkRelationshipCharacters } from './relationships.ts';
import { applyAudited, type WrangleAction } from './wrangle.ts';

export interface TagSetEntry {
  name: string;
  type: TagType;
  canonical: boolean;
  fandoms: string[];
  synonyms: string[];
  metaTags: string[];
  parents: string[];
}

const LIST_FIELDS = ['fandoms', 'synonyms', 'metaTags', 'parents'] as const;

/** Checks the file's shape, naming the entry and field of every problem. */
export function parseTagSet(json: unknown): TagSetEntry[] {
  if (!Array.isArray(json)) throw new Invalid('A tag set is a JSON array of tags: [{"name":…,"type":…}, …].');
  const problems: string[] = [];
  const entries: TagSetEntry[] = [];
  json.forEach((raw: unknown, index) => {
    const where = `Entry ${index + 1}`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return void problems.push(`${where} is not an object.`);
    const entry = raw as Record<string, unknown>;
    const name = typeof entry.name === 'string' ? cleanTagName(entry.name) : '';
    const nameProblem = typeof entry.name === 'string' ? tagNameProblem(entry.name) : 'it needs a "name".';
    if (nameProblem) return void problems.push(`${where}: ${nameProblem}`);
    if (typeof entry.type !== 'string' || !isTagType(entry.type)) return void problems.push(`${where} ("${name}"): "type" must be one of rating, warning, category, media, fandom, relationship, character, freeform.`);
    if (entry.canonical !== undefined && typeof entry.canonical !== 'boolean') return void problems.push(`${where} ("${name}"): "canonical" must be true or false.`);
    const lists: Partial<Record<(typeof LIST_FIELDS)[number], string[]>> = {};
    for (const field of LIST_FIELDS) {
      const value = entry[field] ?? [];
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || tagNameProblem(v))) {
        problems.push(`${where} ("${name}"): "${field}" must be a list of tag names.`);
        continue;
      }
      lists[field] = (value as string[]).map(cleanTagName);
    }
    entries.push({ name, type: entry.type, canonical: entry.canonical === true, fandoms: lists.fandoms ?? [], synonyms: lists.synonyms ?? [], metaTags: lists.metaTags ?? [], parents: lists.parents ?? [] });
  });
  if (problems.length > 0) throw new Invalid(problems.slice(0, 20).join('\n') + (problems.length > 20 ? `\n…and ${problems.length - 20} more.` : ''));
  return entries;
}

async function ensureTag(db: Db, name: string, type: TagType, now: string, created: Set<number>): Promise<TagRecord> {
  const existing = await findTagByName(db, name);
  if (existing) {
    if (existing.type !== type) throw new Invalid(`"${name}" is already a ${TAG_TYPE_LABELS[existing.type].one} tag; the tag set says ${TAG_TYPE_LABELS[type].one}.`);
    return existing;
  }
  const tag = await insertTagIfAbsent(db, { name, type }, now);
  created.add(tag.id);
  if (type === 'relationship') await linkRelationshipCharacters(db, tag, now);
  return tag;
}

export interface ImportSummary extends RecomputeOutcome {
  created: number;
  changed: number;
}

export async function importTagSet(ctx: ServiceContext, entries: readonly TagSetEntry[]): Promise<ImportSummary> {
  const who = requireWrangler(ctx);
  const now = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const created = new Set<number>();
    const touched: number[] = [];
    let changed = 0;
    const run = async (action: WrangleAction, entry: TagSetEntry) => {
      try {
        const result = await applyAudited(trx, who, action, now);
        if (result.changed) changed++;
        touched.push(...result.touched);
      } catch (error) {
        if (error instanceof Error) error.message = `"${entry.name}": ${error.message}`;
        throw error;
      }
    };
    // Every tag first, so relations may point at tags defined later in the file.
    for (const entry of entries) await ensureTag(trx, entry.name, entry.type, now, created);
    for (const entry of entries) if (entry.canonical) await run({ kind: 'canonical', tag: entry.name, canonical: true }, entry);
    for (const entry of entries) {
      for (const fandom of entry.fandoms) {
        const tag = await ensureTag(trx, fandom, 'fandom', now, created);
        if (!tag.canonical) await run({ kind: 'canonical', tag: fandom, canonical: true }, entry);
        await run({ kind: 'parent', tag: entry.name, parent: fandom, add: true }, entry);
      }
      for (const parent of entry.parents) await run({ kind: 'parent', tag: entry.name, parent, add: true }, entry);
      for (const synonym of entry.synonyms) {
        await ensureTag(trx, synonym, entry.type, now, created);
        await run({ kind: 'merge', tag: synonym, into: entry.name }, entry);
      }
    }
    for (const entry of entries) for (const meta of entry.metaTags) await run({ kind: 'meta', tag: entry.name, meta, add: true }, entry);
    const outcome = await scheduleRecompute(ctx, trx, await workIdsTouchingTags(trx, touched), touched);
    return { created: created.size, changed, ...outcome };
  });
}

/** The archive's wrangled tags as a tag set: canonical tags and every tag with relations. */
export async function exportTagSet(ctx: ServiceContext): Promise<TagSetEntry[]> {
  requireWrangler(ctx);
  const tags = await allWrangledTags(ctx.db);
  const entries: TagSetEntry[] = [];
  for (const tag of tags) {
    const full = (await findTagsByIds(ctx.db, [tag.id]))[0]!;
    if (full.mergerId) continue; // listed under its canonical tag's synonyms
    const relations = await tagRelations(ctx.db, full);
    entries.push({
      name: tag.name,
      type: tag.type,
      canonical: tag.canonical,
      fandoms: relations.parents.filter((p) => p.type === 'fandom').map((p) => p.name),
      synonyms: relations.synonyms.map((s) => s.name),
      metaTags: relations.metaTags.map((m) => m.name),
      parents: relations.parents.filter((p) => p.type !== 'fandom').map((p) => p.name),
    });
  }
  return entries;
}
