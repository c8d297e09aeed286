// Comment HTML: the archive's sanitizer with a smaller allowlist. AO3 lets commenters format
// text (emphasis, quotes, lists, links) but not style it — its FIELDS_ALLOWING_CSS leave comments
// out, so no `class`. We also drop images, headings and tables: an image in a comment is loaded by
// every reader and by the creator's browser, which makes it a tracking pixel any guest can plant,
// and headings or tables would break the thread's own structure (its headings are the page's).
import sanitize from 'sanitize-html';
import type { IOptions } from 'sanitize-html';
import { ALLOWED_URL_SCHEMES, LINK_REL, REMOVED_WITH_CONTENT } from '../domain/sanitizer-policy.ts';

/** Stored with each comment; bump when the list below changes so old comments are cleaned again. */
export const COMMENT_SANITIZER_VERSION = 1;

export const COMMENT_ELEMENTS: readonly string[] = [
  'a', 'abbr', 'acronym', 'b', 'big', 'blockquote', 'br', 'cite', 'code', 'dd', 'del', 'details',
  'dfn', 'dl', 'dt', 'em', 'hr', 'i', 'ins', 'kbd', 'li', 'ol', 'p', 'pre', 'q', 'rp', 'rt', 'ruby',
  's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'summary', 'sup', 'tt', 'u', 'ul', 'var',
];

const OPTIONS: IOptions = {
  allowedTags: [...COMMENT_ELEMENTS],
  allowedAttributes: { '*': ['title', 'dir'], a: ['href', 'rel'], blockquote: ['cite'], q: ['cite'], ol: ['start', 'type'], ul: ['type'] },
  allowedSchemes: [],
  allowedSchemesByTag: {
    a: [...(ALLOWED_URL_SCHEMES.a?.href ?? [])],
    blockquote: [...(ALLOWED_URL_SCHEMES.blockquote?.cite ?? [])],
    q: [...(ALLOWED_URL_SCHEMES.q?.cite ?? [])],
  },
  allowProtocolRelative: true,
  disallowedTagsMode: 'discard',
  nonTextTags: [...REMOVED_WITH_CONTENT],
  transformTags: { a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: LINK_REL } }) },
  parseStyleAttributes: false,
  parser: { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
};

/** Cleans a comment down to the comment allowlist; '' when nothing visible remains. */
export function sanitizeComment(html: string): string {
  if (html.trim() === '') return '';
  const clean = sanitize(html, OPTIONS).trim();
  // Markup with no text in it ("<p></p>", "<br>") is an empty comment too.
  return clean.replace(/<[^>]*>/g, '').replace(/&nbsp;|\s/g, '') === '' ? '' : clean;
}
