// The HTML allowed in works, chapters, summaries, notes and comments, as plain data. It follows
// AO3's `Sanitize::Config::ARCHIVE` (otwarchive config/initializers/gem-plugin_config/
// sanitizer_config.rb) plus `CSS_ALLOWED` (the `class` attribute, which AO3 allows in the fields
// listed in FIELDS_ALLOWING_CSS — work and chapter text, notes, summaries — so work skins can style
// them). Writers who paste HTML from AO3 keep their formatting, and nothing more is let through.
//
// Deliberate differences from AO3:
// - no video/audio embeds (AO3's EmbedSanitizer allowlists iframes from a few hosts); we allow no
//   iframes at all;
// - links get rel="nofollow noopener" (AO3 adds rel="nofollow");
// - relative image paths are kept as written (AO3 rewrites them against its own host).
// No `style` attribute, as on AO3 (it strips inline styles; formatting comes from skins).
//
// Bump SANITIZER_VERSION whenever anything in this file changes: rows store the version they were
// sanitized with, and content from an older version is sanitized again (as AO3 does with
// ArchiveConfig.SANITIZER_VERSION and the *_sanitizer_version columns).

export const SANITIZER_VERSION = 1;

/** Elements kept (AO3's ARCHIVE elements). Anything else is dropped; its text stays. */
export const ALLOWED_ELEMENTS: readonly string[] = [
  'a', 'abbr', 'acronym', 'address', 'b', 'big', 'blockquote', 'br', 'caption', 'center', 'cite',
  'code', 'col', 'colgroup', 'dd', 'del', 'details', 'dfn', 'div', 'dl', 'dt', 'em', 'figcaption',
  'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'ol', 'p',
  'pre', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub',
  'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'tt', 'u', 'ul', 'var',
];

/** Attributes kept, by element; '*' applies to every allowed element (AO3: align, title, dir, class). */
export const ALLOWED_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  '*': ['align', 'title', 'dir', 'class'],
  a: ['href', 'name'],
  blockquote: ['cite'],
  col: ['span', 'width'],
  colgroup: ['span', 'width'],
  details: ['open'],
  hr: ['align', 'width'],
  img: ['align', 'alt', 'border', 'height', 'src', 'width'],
  ol: ['start', 'type'],
  q: ['cite'],
  table: ['border', 'summary', 'width'],
  td: ['abbr', 'axis', 'colspan', 'height', 'rowspan', 'width'],
  th: ['abbr', 'axis', 'colspan', 'height', 'rowspan', 'scope', 'width'],
  ul: ['type'],
};

/**
 * URL schemes allowed in URL attributes, by element and attribute (AO3's `protocols`). Relative
 * URLs (no scheme) are always allowed, as AO3's `:relative`. A URL attribute not listed here
 * accepts only relative URLs.
 */
export const ALLOWED_URL_SCHEMES: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  a: { href: ['ftp', 'http', 'https', 'mailto'] },
  blockquote: { cite: ['http', 'https'] },
  img: { src: ['http', 'https'] },
  q: { cite: ['http', 'https'] },
};

/**
 * Class names kept (AO3's UserClassSanitizer): a letter, then at least one letter, digit, "_" or
 * "-". Other names are dropped one by one; the rest of the class list stays.
 */
export const ALLOWED_CLASS_NAME = /^[a-zA-Z][\w-]+$/;

/**
 * Elements removed together with everything inside them. AO3's `remove_contents` (iframe math
 * noembed noframes noscript plaintext script style svg xmp), plus the other elements that hold
 * code, plug-ins or form controls rather than prose.
 */
export const REMOVED_WITH_CONTENT: readonly string[] = [
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'select',
  'option', 'optgroup', 'datalist', 'textarea', 'math', 'svg', 'noembed', 'noframes', 'noscript',
  'plaintext', 'xmp', 'template', 'title', 'audio', 'video', 'canvas',
];

/** Value of `rel` on every link (AO3 adds "nofollow"; "noopener" also guards target-less opens). */
export const LINK_REL = 'nofollow noopener';
