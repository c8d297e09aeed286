// The metadata block of an AO3 download's preface: the <dl class="tags"> list and the byline.
// Layout followed (otwarchive app/views/downloads/_download_preface.html.erb): one <dt>/<dd> pair
// per visible tag type, in the order Rating, Archive Warning, Category, Fandom, Relationship,
// Character, Additional Tags — the <dt> is the type's name, pluralized when there are several
// tags ("Fandoms:") — each <dd> holding the tags as links joined by ", "; then "Language:" with
// the language's own name, "Series:" with "Part N of <a>Series</a>" entries joined by ", ",
// "Collections:", and "Stats:" with "Published: YYYY-MM-DD … Words: N Chapters: N/M".
import { DomUtils } from 'htmlparser2';
import { childElements, elements, isElement, localName, textOf, type Element } from './dom.ts';
import type { ImportedMetadata } from './types.ts';

type ListField = 'warnings' | 'categories' | 'fandoms' | 'relationships' | 'characters' | 'freeforms';

/** <dt> labels (lower case, colon dropped) → field; older downloads said "Warning(s)". */
const FIELDS: Record<string, ListField | 'rating' | 'language' | 'series' | 'stats'> = {
  rating: 'rating',
  ratings: 'rating',
  'archive warning': 'warnings',
  'archive warnings': 'warnings',
  warning: 'warnings',
  warnings: 'warnings',
  category: 'categories',
  categories: 'categories',
  fandom: 'fandoms',
  fandoms: 'fandoms',
  relationship: 'relationships',
  relationships: 'relationships',
  character: 'characters',
  characters: 'characters',
  'additional tag': 'freeforms',
  'additional tags': 'freeforms',
  language: 'language',
  series: 'series',
  stats: 'stats',
};

/**
 * Archive warnings AO3 has renamed since: older downloads carry the old names ("Author Chose…"
 * became "Creator Chose…"; "Underage" became "Underage Sex" in 2024).
 */
const RENAMED_WARNINGS: Record<string, string> = {
  'author chose not to use archive warnings': 'Creator Chose Not To Use Archive Warnings',
  'choose not to use archive warnings': 'Creator Chose Not To Use Archive Warnings',
  underage: 'Underage Sex',
};

function labelOf(dt: Element): string {
  return textOf(dt).replace(/:\s*$/, '').toLowerCase();
}

/** True for AO3's tag list: a <dl> with a "Stats:" entry and a rating or fandom entry. */
export function isAo3TagList(el: Element): boolean {
  if (localName(el) !== 'dl') return false;
  const labels = childElements(el).filter((c) => localName(c) === 'dt').map(labelOf);
  return labels.includes('stats') && labels.some((l) => FIELDS[l] === 'rating' || FIELDS[l] === 'fandoms');
}

/** The tags in a <dd>: its link texts, or its text split at commas when it has no links. */
function tagsIn(dd: Element): string[] {
  const links = elements(dd.children, (el) => localName(el) === 'a').map(textOf).filter((t) => t !== '');
  if (links.length > 0) return links;
  return textOf(dd).split(',').map((t) => t.trim()).filter((t) => t !== '');
}

/** "Part 2 of <a>Title</a>, Part 1 of <a>Other</a>" → [{ title, position }]. */
function seriesIn(dd: Element): ImportedMetadata['series'] {
  const out: ImportedMetadata['series'] = [];
  let before = '';
  for (const node of DomUtils.getChildren(dd)) {
    if (isElement(node) && localName(node) === 'a') {
      const part = /Part\s+(\d+)\s+of\s*$/i.exec(before);
      const title = textOf(node);
      if (title !== '') out.push({ title, position: part ? Number(part[1]) : null });
      before = '';
    } else {
      before += DomUtils.textContent(node);
    }
  }
  if (out.length > 0) return out;
  // Without links (a copy that lost them), read the text: entries are "Part N of Title".
  for (const m of textOf(dd).matchAll(/Part\s+(\d+)\s+of\s+(.+?)(?=,\s*Part\s+\d+\s+of\s|$)/gi)) {
    out.push({ title: (m[2] ?? '').trim(), position: Number(m[1]) });
  }
  return out;
}

function isoDate(text: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const date = new Date(`${text}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text ? null : text;
}

function readStats(dd: Element, into: ImportedMetadata): void {
  const stats = textOf(dd);
  const published = /Published:\s*(\d{4}-\d{2}-\d{2})/.exec(stats);
  if (published) into.publishedAt = isoDate(published[1] ?? '');
  // "Chapters: 2/5"; "2/?" is a work in progress with an unknown total.
  const chapters = /Chapters:\s*[\d,]+\s*\/\s*([\d,]+|\?)/.exec(stats);
  const total = chapters?.[1];
  if (total && total !== '?') into.expectedChapters = Number(total.replace(/,/g, '')) || null;
}

/** Reads AO3's tag list into `into`. */
export function readAo3TagList(dl: Element, into: ImportedMetadata): void {
  let field: (typeof FIELDS)[string] | undefined;
  for (const el of childElements(dl)) {
    const name = localName(el);
    if (name === 'dt') {
      field = FIELDS[labelOf(el)];
      continue;
    }
    if (name !== 'dd' || !field) continue;
    if (field === 'rating') into.rating = tagsIn(el)[0] ?? null;
    else if (field === 'language') into.language = textOf(el) || null;
    else if (field === 'series') into.series.push(...seriesIn(el));
    else if (field === 'stats') readStats(el, into);
    else if (field === 'warnings') into.warnings.push(...tagsIn(el).map((w) => RENAMED_WARNINGS[w.toLowerCase()] ?? w));
    else into[field].push(...tagsIn(el));
  }
}

/**
 * The creators in AO3's byline (`<div class="byline">by <a rel="author">pseud (login)</a>, …`),
 * as AO3 prints them. An anonymous work's byline is plain "Anonymous": no creators.
 */
export function readAo3Byline(byline: Element): string[] {
  const authors = elements(byline.children, (el) => localName(el) === 'a' && /\bauthor\b/i.test(el.attribs.rel ?? ''));
  const links = authors.length > 0 ? authors : elements(byline.children, (el) => localName(el) === 'a');
  if (links.length > 0) return links.map(textOf).filter((t) => t !== '');
  const names = textOf(byline).replace(/^by\s+/i, '');
  if (names === '' || /^anonymous$/i.test(names)) return [];
  return names.split(',').map((n) => n.trim()).filter((n) => n !== '');
}
