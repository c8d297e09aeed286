// OPDS Catalog 1.2 feeds (../shared/corpora/opds/opds-1.2.md) and the OpenSearch description
// behind the catalog's search. Pure: view model in, XML out.
//
// - Navigation feeds (§2.2) hold entries that link to other feeds; acquisition feeds (§2.3) hold
//   one entry per work with acquisition links to its downloads (§5.2.1).
// - Entries are complete catalog entries (§5.1.2): there is no separate entry document, so each
//   carries all its metadata — authors, dc:language, dc:issued (§5.1.1), categories for tags, a
//   plain-text summary (OPDS restricts atom:summary to text, §5.1.3) and the blurb as HTML content.
// - Paged feeds use RFC 5005 first/previous/next/last links (§2.4) and OpenSearch totals (§3).
import { xml, xmlDocument, type XmlFragment } from '../xml.ts';
import { ATOM_NS, atomDate, categoryXml, linkXml, personXml, threadNamespace, workDescriptionHtml } from './atom.ts';
import type { FeedLink, FeedPerson, FeedWork } from './types.ts';

// OPDS 1.2 §7.1.3: the complete media types of links to each kind of feed.
export const NAVIGATION_TYPE = 'application/atom+xml;profile=opds-catalog;kind=navigation';
export const ACQUISITION_TYPE = 'application/atom+xml;profile=opds-catalog;kind=acquisition';
export const OPENSEARCH_TYPE = 'application/opensearchdescription+xml';
export const ACQUISITION_REL = 'http://opds-spec.org/acquisition';
export const SORT_NEW_REL = 'http://opds-spec.org/sort/new';

const OPDS_NS = 'http://opds-spec.org/2010/catalog';
const DC_NS = 'http://purl.org/dc/terms/';
const OPENSEARCH_NS = 'http://a9.com/-/spec/opensearch/1.1/';

interface OpdsFeedBase {
  /** A permanent IRI: the feed's absolute URL without paging. */
  id: string;
  title: string;
  /** ISO 8601. */
  updated: string;
  /** self, start, up, search, paging… */
  links: FeedLink[];
  authors: FeedPerson[];
}

/** An entry of a navigation feed: a link to another feed. */
export interface NavigationEntry {
  id: string;
  title: string;
  updated: string;
  /** Plain text shown under the title. */
  content: string;
  link: FeedLink;
}

export interface NavigationFeed extends OpdsFeedBase {
  entries: NavigationEntry[];
}

export interface AcquisitionFeed extends OpdsFeedBase {
  entries: FeedWork[];
  /** OpenSearch response elements (§3): the whole result's size and this page's place in it. */
  totals?: { totalResults: number; itemsPerPage: number; startIndex: number };
}

function navigationEntryXml(entry: NavigationEntry): XmlFragment {
  return xml`<entry>
<id>${entry.id}</id>
<title type="text">${entry.title}</title>
<updated>${atomDate(entry.updated)}</updated>
${linkXml(entry.link)}
<content type="text">${entry.content}</content>
</entry>
`;
}

function workEntryXml(work: FeedWork): XmlFragment {
  const issued = work.published ? atomDate(work.published).slice(0, 10) : null;
  return xml`<entry>
<id>${work.id}</id>
<title type="text">${work.title}</title>
<updated>${atomDate(work.updated)}</updated>
${work.published ? xml`<published>${atomDate(work.published)}</published>` : ''}
${work.authors.map((a) => personXml('author', a))}
<dc:language>${work.language}</dc:language>
${issued ? xml`<dc:issued>${issued}</dc:issued>` : ''}
${work.categories.map(categoryXml)}
${work.summaryText ? xml`<summary type="text">${work.summaryText}</summary>` : ''}
<content type="html">${workDescriptionHtml(work)}</content>
<link rel="alternate" type="text/html" href="${work.url}"/>
${work.downloads.map((d) => linkXml({ rel: ACQUISITION_REL, href: d.href, type: d.type, title: d.title }))}
</entry>
`;
}

function feedHead(feed: OpdsFeedBase): XmlFragment {
  return xml`<id>${feed.id}</id>
<title type="text">${feed.title}</title>
<updated>${atomDate(feed.updated)}</updated>
${feed.links.map(linkXml)}
${feed.authors.map((a) => personXml('author', a))}`;
}

export function navigationFeed(feed: NavigationFeed): string {
  const links = [...feed.links, ...feed.entries.map((e) => e.link)];
  return xmlDocument(xml`<feed xmlns="${ATOM_NS}"${threadNamespace(links)}>
${feedHead(feed)}
${feed.entries.map(navigationEntryXml)}</feed>`);
}

export function acquisitionFeed(feed: AcquisitionFeed): string {
  const totals = feed.totals
    ? xml`<opensearch:totalResults>${feed.totals.totalResults}</opensearch:totalResults>
<opensearch:itemsPerPage>${feed.totals.itemsPerPage}</opensearch:itemsPerPage>
<opensearch:startIndex>${feed.totals.startIndex}</opensearch:startIndex>`
    : '';
  return xmlDocument(xml`<feed xmlns="${ATOM_NS}" xmlns:dc="${DC_NS}" xmlns:opds="${OPDS_NS}" xmlns:opensearch="${OPENSEARCH_NS}"${threadNamespace(feed.links)}>
${feedHead(feed)}
${totals}
${feed.entries.map(workEntryXml)}</feed>`);
}

export interface OpenSearchDescription {
  /** At most 16 characters (OpenSearch 1.1 "ShortName"); longer names are cut. */
  shortName: string;
  description: string;
  /** The search URL with {searchTerms} (and optionally {startPage?}) in it, absolute. */
  template: string;
  /** Absolute URL of this description document (rel="self"). */
  self: string;
}

/** OpenSearch 1.1 description document; its Url uses the acquisition feed type, as OPDS §3 asks. */
export function openSearchDescription(doc: OpenSearchDescription): string {
  return xmlDocument(xml`<OpenSearchDescription xmlns="${OPENSEARCH_NS}">
<ShortName>${[...doc.shortName].slice(0, 16).join('')}</ShortName>
<Description>${[...doc.description].slice(0, 1024).join('')}</Description>
<InputEncoding>UTF-8</InputEncoding>
<OutputEncoding>UTF-8</OutputEncoding>
<Url type="${ACQUISITION_TYPE}" template="${doc.template}"/>
<Url type="${OPENSEARCH_TYPE}" rel="self" template="${doc.self}"/>
</OpenSearchDescription>`);
}
