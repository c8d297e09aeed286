// Suggestions for tag fields (the posting form, any API client): existing tags with a word that
// starts with what is being typed — case, accents and compatibility forms ignored
// (domain/tag-search.ts) — canonical tags first, optionally only the children of one fandom, never
// a tag only hidden works use (tag-search.repo.ts).
import { findTagByName } from '../../db/repos/tags.repo.ts';
import { searchTags, type TagSuggestion } from '../../db/repos/tag-search.repo.ts';
import { workScope } from '../../domain/policy.ts';
import { searchPrefix } from '../../domain/tag-search.ts';
import type { TagType } from '../../domain/tag-types.ts';
import type { ServiceContext } from '../context.ts';

export const AUTOCOMPLETE_LIMIT = 10;

export interface AutocompleteQuery {
  /** Omitted: tags of every type. */
  type?: TagType | undefined;
  q: string;
  /** A fandom name (or one of its synonyms): only tags wrangled under it (tag_parents). */
  fandom?: string | undefined;
}

export async function autocompleteTags(ctx: Pick<ServiceContext, 'db' | 'caps' | 'actor'>, query: AutocompleteQuery): Promise<TagSuggestion[]> {
  const prefix = searchPrefix(query.q);
  if (prefix === '') return [];
  let fandomId: number | null = null;
  if (query.fandom !== undefined && query.fandom.trim() !== '') {
    const fandom = await findTagByName(ctx.db, query.fandom);
    // A name that is no fandom has no tags under it.
    if (fandom?.type !== 'fandom') return [];
    // Parents are canonical tags: a synonym stands for the canonical fandom it was merged into.
    fandomId = fandom.mergerId ?? fandom.id;
  }
  const search = { type: query.type ?? null, prefix, scope: workScope(ctx.actor), fandomId, limit: AUTOCOMPLETE_LIMIT };
  // LATERAL joins are PostgreSQL's (connect.ts names no capability for them yet).
  return searchTags(ctx.db, search, { lateral: ctx.caps.lateralJoins });
}
