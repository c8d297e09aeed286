// Bookmarks (AO3's bookmarks): a reader's note on a work, their own tags, private or public, and
// "rec". Pure rules: limits and the parsing of the bookmarker's tag field.
import { cleanTagName, tagKey, tagNameProblem } from './tag-name.ts';

/** AO3 allows 5,000 characters of bookmark notes. */
export const MAX_BOOKMARK_NOTES = 5000;
/** AO3 caps a bookmark's tags at 75, like a work's. */
export const MAX_BOOKMARK_TAGS = 75;

export interface BookmarkTag {
  name: string;
  /** Case- and Unicode-insensitive key: "Fluff" and "fluff" are one tag of a bookmark. */
  key: string;
}

/**
 * The bookmarker's tags from one comma-separated field (or several), in the order typed, each
 * once. Returns a problem instead when one name is unusable or there are too many.
 */
export function parseBookmarkTags(values: string | readonly string[] | undefined): { tags: BookmarkTag[] } | { problem: string } {
  const seen = new Map<string, BookmarkTag>();
  for (const raw of typeof values === 'string' ? [values] : (values ?? [])) {
    for (const part of raw.split(',')) {
      const name = cleanTagName(part);
      if (name === '') continue;
      const problem = tagNameProblem(name);
      if (problem) return { problem };
      const key = tagKey(name);
      if (!seen.has(key)) seen.set(key, { name, key });
    }
  }
  if (seen.size > MAX_BOOKMARK_TAGS) return { problem: `A bookmark may have at most ${MAX_BOOKMARK_TAGS} tags (it has ${seen.size}).` };
  return { tags: [...seen.values()] };
}
