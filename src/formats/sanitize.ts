// Rich-text sanitizing: every piece of user HTML (chapter text, summaries, notes, comments,
// imported files) passes through sanitizeHtml before it is stored. The allowlist itself is plain
// data in domain/sanitizer-policy.ts; this file only maps it onto sanitize-html's options.
//
// Stored rows remember SANITIZER_VERSION, so when the policy changes old content is re-sanitized
// (the same scheme AO3 uses). sanitize-html is the "well-known library" of ASVS V1.3.1 / V5.2.1.
import sanitize from 'sanitize-html';
import type { IOptions } from 'sanitize-html';
import {
  ALLOWED_ATTRIBUTES,
  ALLOWED_CLASS_NAME,
  ALLOWED_ELEMENTS,
  ALLOWED_URL_SCHEMES,
  LINK_REL,
  REMOVED_WITH_CONTENT,
} from '../domain/sanitizer-policy.ts';

function schemesByTag(): Record<string, string[]> {
  // sanitize-html checks schemes per element, not per attribute; every element in the policy has
  // a single URL attribute, so the union per element is the same rule.
  const out: Record<string, string[]> = {};
  for (const [tag, byAttribute] of Object.entries(ALLOWED_URL_SCHEMES)) {
    out[tag] = [...new Set(Object.values(byAttribute).flat())];
  }
  return out;
}

function attributesMap(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [tag, names] of Object.entries(ALLOWED_ATTRIBUTES)) out[tag] = [...names];
  // `rel` is set by the transform below; a writer's own rel value never survives it.
  out.a = [...(out.a ?? []), 'rel'];
  return out;
}

const OPTIONS: IOptions = {
  allowedTags: [...ALLOWED_ELEMENTS],
  allowedAttributes: attributesMap(),
  // Class names are filtered one by one, as AO3's UserClassSanitizer does.
  allowedClasses: { '*': [ALLOWED_CLASS_NAME] },
  // Elements without an entry in ALLOWED_URL_SCHEMES accept no scheme at all: only relative URLs.
  allowedSchemes: [],
  allowedSchemesByTag: schemesByTag(),
  // AO3's `:relative` lets "//host/path" through (it has no scheme); keep that.
  allowProtocolRelative: true,
  disallowedTagsMode: 'discard',
  nonTextTags: [...REMOVED_WITH_CONTENT],
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: LINK_REL } }),
  },
  // An image whose source was removed (a data: or javascript: URL) would only show as broken.
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
  parseStyleAttributes: false,
  parser: { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
};

/** Cleans user HTML down to the archive's allowlist; '' when nothing visible remains. */
export function sanitizeHtml(html: string): string {
  if (html.trim() === '') return '';
  return sanitize(html, OPTIONS).trim();
}
