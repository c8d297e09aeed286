// The view models the feed builders (atom.ts, opds.ts) turn into XML. Presenters fill them
// (http/present/feed-entry.ts); every URL in them is absolute, built from the configured public
// base URL, because feed readers fetch a feed out of any page context.

/** An Atom Person construct (RFC 4287 §3.2). */
export interface FeedPerson {
  name: string;
  uri?: string | null;
}

export interface FeedLink {
  rel: string;
  href: string;
  type?: string;
  title?: string;
  /** RFC 4685 thr:count: how many entries the linked feed holds (OPDS 1.2 §4). */
  count?: number;
}

export interface FeedCategory {
  term: string;
  label?: string;
}

/** One line of a work's blurb facts: "Fandoms: A, B" with optional links. */
export interface FeedFact {
  label: string;
  values: Array<{ text: string; url?: string | null }>;
}

/** A work as both feed formats show it. */
export interface FeedWork {
  /** A permanent IRI for the entry: the work's absolute URL. */
  id: string;
  /** The work page (rel="alternate", text/html). */
  url: string;
  title: string;
  /** The creators, or one "Anonymous" for an anonymous work; never empty. */
  authors: FeedPerson[];
  /** ISO 8601 instants. */
  published: string | null;
  updated: string;
  /** BCP 47 language tag of the work's text. */
  language: string;
  /** The work summary as stored: already sanitized HTML. */
  summaryHtml: string;
  /** The same summary as plain text (OPDS summaries may not hold markup). */
  summaryText: string;
  facts: FeedFact[];
  categories: FeedCategory[];
  /** Download links for e-readers (OPDS acquisition links). */
  downloads: Array<{ href: string; type: string; title: string }>;
}
