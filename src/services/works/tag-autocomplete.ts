// Suggestions for the posting form's tag fields: existing tags whose words start with what the
// writer is typing, canonical tags first, never a tag only hidden works use (tag-search.repo.ts).
import { findTagByName } from '../../db/repos/tags.repo.ts';
import { searchTags, type TagSuggestion } from '../../db/repos/tag-search.repo.ts';
import { workScope } from '../../domain/policy.ts';
import { tagKey } from '../../domain/tag-name.ts';
import type { TagType } from '../../domain/tag-types.ts';
import type { ServiceContext } from '../context.ts';

export const AUTOCOMPLETE_LIMIT = 10;

export async function autocompleteTags(ctx: ServiceContext, query: { type: TagType; q: string; fandom?: string | undefined }): Promise<TagSuggestion[]> {
  const prefix = tagKey(query.q);
  if (prefix === '') return [];
  let fandomId: number | null = null;
  if (query.fandom && query.fandom.trim() !== '') {
    // The filter set holds canonical tags, so a synonym fandom ranks by its canonical form.
    const fandom = await findTagByName(ctx.db, query.fandom);
    if (fandom?.type === 'fandom') fandomId = fandom.mergerId ?? fandom.id;
  }
  return searchTags(ctx.db, { type: query.type, prefix, scope: workScope(ctx.actor), fandomId, limit: AUTOCOMPLETE_LIMIT });
}
