// Atom feeds (RFC 4287) of works: a tag's, a creator's, a series'. Pure: view model in, XML out.
// Each entry carries what AO3's tag feeds carry — the summary followed by the blurb facts — as
// escaped HTML in <summary type="html"> (RFC 4287 §3.1.1.2), so feed readers show it formatted.
import { escapeHtml } from '../../domain/escape-html.ts';
import { xml, xmlDocument, type XmlFragment } from '../xml.ts';
import type { FeedCategory, FeedLink, FeedPerson, FeedWork } from './types.ts';

export const ATOM_NS = 'http://www.w3.org/2005/Atom';
export const ATOM_TYPE = 'application/atom+xml';
const THREAD_NS = 'http://purl.org/syndication/thread/1.0';

export interface AtomFeed {
  /** A permanent IRI: the feed's own absolute URL. */
  id: string;
  title: string;
  subtitle?: string;
  /** ISO 8601; the newest entry's update, or now for an empty feed. */
  updated: string;
  /** At least rel="self" and rel="alternate" (the HTML page). */
  links: FeedLink[];
  /** The archive itself; entries name their own creators. */
  authors: FeedPerson[];
  generator?: { name: string; uri?: string };
  entries: FeedWork[];
}

/** RFC 3339 date-time in UTC, as Atom Date constructs require (RFC 4287 §3.3). */
export function atomDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? new Date(0).toISOString() : date.toISOString();
}

export function linkXml(link: FeedLink): XmlFragment {
  return xml`<link rel="${link.rel}" href="${link.href}"${link.type ? xml` type="${link.type}"` : ''}${link.title ? xml` title="${link.title}"` : ''}${
    link.count !== undefined ? xml` thr:count="${link.count}"` : ''
  }/>`;
}

export function personXml(element: 'author' | 'contributor', person: FeedPerson): XmlFragment {
  return xml`<${element}><name>${person.name}</name>${person.uri ? xml`<uri>${person.uri}</uri>` : ''}</${element}>`;
}

export function categoryXml(category: FeedCategory): XmlFragment {
  return xml`<category term="${category.term}"${category.label ? xml` label="${category.label}"` : ''}/>`;
}

/** Whether any link uses thr:count, so the root declares the namespace only when needed. */
export function threadNamespace(links: readonly FeedLink[]): XmlFragment | '' {
  return links.some((l) => l.count !== undefined) ? xml` xmlns:thr="${THREAD_NS}"` : '';
}

/**
 * The HTML an entry describes a work with: its summary (sanitized when it was written, so it is
 * inserted as is) and the blurb facts, every fact escaped here.
 */
export function workDescriptionHtml(work: FeedWork): string {
  const facts = work.facts
    .filter((f) => f.values.length > 0)
    .map((fact) => {
      const values = fact.values.map((v) => (v.url ? `<a href="${escapeHtml(v.url)}">${escapeHtml(v.text)}</a>` : escapeHtml(v.text))).join(', ');
      return `<li>${escapeHtml(fact.label)}: ${values}</li>`;
    })
    .join('');
  const summary = work.summaryHtml.trim() === '' ? '' : `<div class="summary">${work.summaryHtml}</div>`;
  return `${summary}<ul class="facts">${facts}</ul>`;
}

function entryXml(work: FeedWork): XmlFragment {
  return xml`<entry>
<id>${work.id}</id>
<title type="text">${work.title}</title>
<updated>${atomDate(work.updated)}</updated>
${work.published ? xml`<published>${atomDate(work.published)}</published>` : ''}
${work.authors.map((a) => personXml('author', a))}
<link rel="alternate" type="text/html" href="${work.url}"/>
${work.categories.map(categoryXml)}
<summary type="html">${workDescriptionHtml(work)}</summary>
</entry>
`;
}

export function atomFeed(feed: AtomFeed): string {
  return xmlDocument(xml`<feed xmlns="${ATOM_NS}"${threadNamespace(feed.links)}>
<id>${feed.id}</id>
<title type="text">${feed.title}</title>
${feed.subtitle ? xml`<subtitle type="text">${feed.subtitle}</subtitle>` : ''}
<updated>${atomDate(feed.updated)}</updated>
${feed.links.map(linkXml)}
${feed.authors.map((a) => personXml('author', a))}
${feed.generator ? xml`<generator${feed.generator.uri ? xml` uri="${feed.generator.uri}"` : ''}>${feed.generator.name}</generator>` : ''}
${feed.entries.map(entryXml)}</feed>`);
}
