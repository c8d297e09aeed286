// A relationship tag names its characters ("A/B" romantic, "A & B" platonic): when one is created,
// its characters are found or created and linked as its parents, so the relationship shows up
// under each character (AO3's character → relationship link).
import { findTagByName, insertTagIfAbsent, type TagRecord } from '../../db/repos/tags.repo.ts';
import { addParent, setRelationshipKind } from '../../db/repos/wrangling.repo.ts';
import type { Db } from '../../db/types.ts';
import { tagNameProblem } from '../../domain/tag-name.ts';
import { parseRelationship } from '../../domain/wrangling-rules.ts';

export async function linkRelationshipCharacters(db: Db, relationship: TagRecord, now: string): Promise<void> {
  const parsed = parseRelationship(relationship.name);
  if (!parsed) return;
  await setRelationshipKind(db, relationship.id, parsed.kind);
  for (const name of parsed.characters) {
    if (tagNameProblem(name)) continue;
    const existing = await findTagByName(db, name);
    // A name already used for another kind of tag is not a character; leave it alone.
    if (existing && existing.type !== 'character') continue;
    const character = existing ?? (await insertTagIfAbsent(db, { name, type: 'character' }, now));
    if (character.type !== 'character') continue;
    await addParent(db, character.mergerId ?? character.id, relationship.id);
  }
}
