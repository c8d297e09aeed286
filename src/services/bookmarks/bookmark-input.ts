// Checking a bookmark form or API body: notes are user HTML, sanitized on write like a work's
// summary; tags are the bookmarker's own free names (domain/bookmarks.ts).
import { MAX_BOOKMARK_NOTES, parseBookmarkTags, type BookmarkTag } from '../../domain/bookmarks.ts';
import { Invalid } from '../../domain/errors.ts';
import { sanitizeHtml } from '../../formats/sanitize.ts';
import { paragraphsFromText } from '../works/rich-text.ts';

export interface BookmarkInput {
  /** HTML, or plain text in which a blank line starts a paragraph (as the posting form takes). */
  notes?: string | undefined;
  /** Comma-separated names, or a list of them. */
  tags?: string | readonly string[] | undefined;
  private?: boolean | undefined;
  rec?: boolean | undefined;
}

export interface ValidBookmark {
  notes: string;
  tags: BookmarkTag[];
  private: boolean;
  rec: boolean;
}

const COUNT = MAX_BOOKMARK_NOTES.toLocaleString('en-US');

export function validateBookmark(input: BookmarkInput): ValidBookmark {
  const problems: Record<string, string> = {};
  const notes = sanitizeHtml(paragraphsFromText(input.notes ?? ''));
  if (notes.length > MAX_BOOKMARK_NOTES) problems.notes = `Notes must be at most ${COUNT} characters (they have ${notes.length.toLocaleString('en-US')}).`;
  const tags = parseBookmarkTags(input.tags);
  if ('problem' in tags) problems.tags = tags.problem;
  if (Object.keys(problems).length > 0) throw new Invalid(Object.values(problems)[0]!, problems);
  return { notes, tags: 'tags' in tags ? tags.tags : [], private: input.private ?? false, rec: input.rec ?? false };
}
