// Turns the tag names of a validated work into tag ids, creating the tags writers may create
// (fandom, relationship, character, freeform) and refusing names already used for another type.
import type { Db } from '../db/types.ts';
import { findTagsByNames, insertTagIfAbsent, type TagRecord } from '../db/repos/tags.repo.ts';
import { Invalid } from '../domain/errors.ts';
import { tagKey } from '../domain/tag-name.ts';
import { TAG_TYPE_LABELS, USER_TAG_TYPES, type TagType } from '../domain/tag-types.ts';
import { linkRelationshipCharacters } from './wrangling/relationships.ts';
import { UNSPECIFIED_FANDOM, type ValidWorkDetails } from './work-input.ts';

export function wantedTags(work: ValidWorkDetails): Array<{ name: string; type: TagType }> {
  return [
    { name: work.rating, type: 'rating' as const },
    ...work.warnings.map((name) => ({ name, type: 'warning' as const })),
    ...work.categories.map((name) => ({ name, type: 'category' as const })),
    ...work.fandoms.map((name) => ({ name, type: 'fandom' as const })),
    ...work.relationships.map((name) => ({ name, type: 'relationship' as const })),
    ...work.characters.map((name) => ({ name, type: 'character' as const })),
    ...work.freeforms.map((name) => ({ name, type: 'freeform' as const })),
  ];
}

export async function resolveTags(db: Db, wanted: ReadonlyArray<{ name: string; type: TagType }>, now: string): Promise<TagRecord[]> {
  const existing = await findTagsByNames(db, wanted.map((t) => t.name));
  const problems: string[] = [];
  const resolved: TagRecord[] = [];
  for (const want of wanted) {
    let tag = existing.get(tagKey(want.name));
    if (tag && tag.type !== want.type) {
      problems.push(`"${want.name}" is already a ${TAG_TYPE_LABELS[tag.type].one} tag, so it cannot be used as a ${TAG_TYPE_LABELS[want.type].one} tag.`);
      continue;
    }
    if (!tag) {
      if (!USER_TAG_TYPES.has(want.type)) {
        problems.push(`Unknown ${TAG_TYPE_LABELS[want.type].one} "${want.name}".`);
        continue;
      }
      tag = await insertTagIfAbsent(db, { name: want.name, type: want.type, canonical: want.name === UNSPECIFIED_FANDOM }, now);
      if (tag.type !== want.type) {
        problems.push(`"${want.name}" is already a ${TAG_TYPE_LABELS[tag.type].one} tag.`);
        continue;
      }
      existing.set(tagKey(want.name), tag);
      if (tag.type === 'relationship') await linkRelationshipCharacters(db, tag, now);
    }
    resolved.push(tag);
  }
  if (problems.length > 0) throw new Invalid(problems.join(' '), { tags: problems.join(' ') });
  return resolved;
}
