// Personal filters → page view models and API JSON. Saved searches open the listing their query
// belongs to: the search page when it has a full-text query, the works listing otherwise (both
// take the same parameters, DESIGN.md).
import type { MutedTagRow, MutedUserRow } from '../../db/repos/mutes.repo.ts';
import type { SavedSearchRow } from '../../db/repos/saved-searches.repo.ts';
import { TAG_TYPE_LABELS } from '../../domain/tag-types.ts';
import { tagUrl, userUrl } from './urls.ts';

export const mutedUrl = (login: string) => `${userUrl(login)}/muted`;
export const savedSearchesUrl = (login: string) => `${userUrl(login)}/saved-searches`;

export function savedSearchUrl(query: string): string {
  return new URLSearchParams(query).has('q') ? `/works/search?${query}` : `/works?${query}`;
}

export interface MutedTagView {
  id: number;
  name: string;
  /** "Character", "Additional Tag" … */
  typeLabel: string;
  url: string;
  mutedAt: string;
}

export interface MutedUserView {
  id: number;
  login: string;
  url: string;
  mutedAt: string;
}

export interface SavedSearchView {
  id: number;
  name: string;
  query: string;
  url: string;
  createdAt: string;
}

export const presentMutedTag = (t: MutedTagRow): MutedTagView => ({ id: t.tagId, name: t.name, typeLabel: TAG_TYPE_LABELS[t.type].one, url: tagUrl(t.name), mutedAt: t.mutedAt });
export const presentMutedUser = (u: MutedUserRow): MutedUserView => ({ id: u.userId, login: u.login, url: userUrl(u.login), mutedAt: u.mutedAt });
export const presentSavedSearch = (s: SavedSearchRow): SavedSearchView => ({ id: s.id, name: s.name, query: s.query, url: savedSearchUrl(s.query), createdAt: s.createdAt });

/** API shapes: the tag's type as its code, not its label. */
export const mutedTagJson = (t: MutedTagRow) => ({ id: t.tagId, name: t.name, type: t.type, url: tagUrl(t.name), mutedAt: t.mutedAt });
export const mutedUserJson = (u: MutedUserRow) => ({ id: u.userId, login: u.login, url: userUrl(u.login), mutedAt: u.mutedAt });
export const savedSearchJson = (s: SavedSearchRow) => ({ id: s.id, name: s.name, query: s.query, url: savedSearchUrl(s.query), createdAt: s.createdAt });
