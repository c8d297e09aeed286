// Personal filters (issue 5): a reader's muted tags and muted creators hide works from every
// listing, search, feed and recommendation they see, and saved searches keep listing queries for
// later. Pure rules: the caps and the decision "is this work muted, and why".
//
// Muted creators are AO3's muted users (issue 6): one feature, capped as AO3 caps muted users.

/** AO3 caps muted users at 2,000; muted tags get the same room. */
export const MAX_MUTED_TAGS = 2000;
export const MAX_MUTED_USERS = 2000;
export const MAX_SAVED_SEARCHES = 100;
export const MAX_SAVED_SEARCH_NAME = 100;
/** A listing URL's query string; longer ones are not something a person saved from a page. */
export const MAX_SAVED_SEARCH_QUERY = 2000;

/** What one reader has muted. Tag ids are canonical (a synonym's merger), as filter sets hold them. */
export interface MuteSet {
  /** Canonical tag id → the name shown in "Hidden because you muted the tag …". */
  tags: ReadonlyMap<number, string>;
  /** Muted user id → their login. */
  users: ReadonlyMap<number, string>;
}

/** The facts about one listed work that muting looks at. */
export interface MutableWork {
  workId: number;
  /** The work's filter set (work_filters): canonical tags and all their meta ancestors. */
  filterTagIds: readonly number[];
  /**
   * Users credited on the work AS THE READER SEES IT: empty for anonymous works, whose creators
   * the policy hides. Never pass the raw creatorships here.
   */
  visibleCreatorUserIds: readonly number[];
  anonymous: boolean;
}

/** One reason a work is hidden, for the collapsed card's label. */
export type MuteReason = { kind: 'tag'; id: number; name: string } | { kind: 'user'; id: number; login: string };

/**
 * Why each work is muted; works that are not muted are left out of the map. Tags match through
 * the filter set, so muting a canonical tag also mutes its synonyms and, as a meta tag, its sub
 * tags. Creators match only on anonymous-free bylines: hiding an anonymous work because its
 * hidden creator is muted would tell the reader who wrote it.
 */
export function muteReasons(mutes: MuteSet, works: readonly MutableWork[]): Map<number, MuteReason[]> {
  const out = new Map<number, MuteReason[]>();
  if (mutes.tags.size === 0 && mutes.users.size === 0) return out;
  for (const work of works) {
    const reasons: MuteReason[] = [];
    for (const id of new Set(work.filterTagIds)) {
      const name = mutes.tags.get(id);
      if (name !== undefined) reasons.push({ kind: 'tag', id, name });
    }
    if (!work.anonymous) {
      for (const id of new Set(work.visibleCreatorUserIds)) {
        const login = mutes.users.get(id);
        if (login !== undefined) reasons.push({ kind: 'user', id, login });
      }
    }
    if (reasons.length > 0) out.set(work.workId, reasons);
  }
  return out;
}

/** "the tag Character Death", "the creator wren": the phrases the muted card's label joins. */
export function describeMuteReason(reason: MuteReason): string {
  return reason.kind === 'tag' ? `the tag ${reason.name}` : `the creator ${reason.login}`;
}

/** A saved search's name, whitespace collapsed; null when empty or too long. */
export function savedSearchName(raw: string): string | null {
  const name = raw.replace(/\s+/g, ' ').trim();
  return name === '' || name.length > MAX_SAVED_SEARCH_NAME ? null : name;
}
