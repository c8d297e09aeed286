// Parses the full-text query `q` into a SearchExpr (search-syntax.ts). Pure.
//
// The language is the one readers know from search boxes: every word is required; "quoted
// phrases" must appear as written; a leading "-" excludes a word or phrase; OR (upper case, as
// on AO3, so the word "or" stays searchable) or "|" between terms makes an either/or clause;
// title:, summary:, creator:, tag:, notes: and body: limit a term to one field, before a word or
// a phrase (tag:"slow burn"). Anything else is text: "http://x" is a phrase of its words.
//
// Words are folded and split by searchWords, exactly as the search providers index text, so both
// sides agree on case, diacritics and apostrophes. A chunk the reader typed without spaces but
// which splits into several words ("Draco/Harry", "e-mail", or CJK text such as "龍の書", where
// every character is a word) becomes a phrase: its words must be adjacent, which finds the
// substring the reader meant rather than the characters scattered anywhere in a chapter.
import { invalidParam } from './query-ranges.ts';
import type { SearchExpr, SearchField, SearchTerm } from './search-syntax.ts';
import { searchWords } from './tag-search.ts';

/** Most words and phrases one query may hold; each is a join or index probe for the providers. */
export const MAX_SEARCH_TERMS = 32;

const FIELDS: Readonly<Record<string, SearchField>> = {
  title: 'title',
  summary: 'summary',
  creator: 'creator',
  // AO3's own spelling, and what readers call creators there.
  creators: 'creator',
  author: 'creator',
  tag: 'tag',
  tags: 'tag',
  notes: 'notes',
  body: 'body',
};
const PREFIX_RE = new RegExp(`^(${Object.keys(FIELDS).join('|')}):`, 'i');
// Phones turn " into curly quotes; any of these opens or closes a phrase.
const QUOTES = new Set(['"', '“', '”', '„', '＂']);
const SPACE = /\s/u;

interface Chunk {
  kind: 'term';
  negated: boolean;
  field?: SearchField;
  text: string;
  quoted: boolean;
  source: string;
}
type Item = Chunk | { kind: 'or' };

function isSpace(char: string | undefined): boolean {
  return char !== undefined && SPACE.test(char);
}

/** Splits the query into terms and OR operators, without folding yet. */
function scan(query: string): Item[] {
  const chars = Array.from(query);
  const items: Item[] = [];
  let i = 0;
  const at = (k: number): string | undefined => chars[k];
  while (i < chars.length) {
    const start = i;
    const char = at(i) ?? '';
    if (isSpace(char)) {
      i++;
      continue;
    }
    if (char === '|') {
      items.push({ kind: 'or' });
      i++;
      continue;
    }
    let negated = false;
    if (char === '-' && at(i + 1) !== undefined && !isSpace(at(i + 1)) && at(i + 1) !== '|') {
      negated = true;
      i++;
    }
    let field: SearchField | undefined;
    const prefix = PREFIX_RE.exec(chars.slice(i, i + 9).join(''));
    if (prefix) {
      field = FIELDS[(prefix[1] ?? '').toLowerCase()];
      i += prefix[0].length;
      // "title: dragon" reads as "title:dragon".
      while (isSpace(at(i))) i++;
    }
    const bodyStart = i;
    let quoted = false;
    if (QUOTES.has(at(i) ?? '')) {
      quoted = true;
      i++;
      // An unbalanced quote runs to the end of the query.
      while (i < chars.length && !QUOTES.has(at(i) ?? '')) i++;
    } else {
      while (i < chars.length && !isSpace(at(i)) && at(i) !== '|' && !QUOTES.has(at(i) ?? '')) i++;
    }
    const text = chars.slice(quoted ? bodyStart + 1 : bodyStart, i).join('');
    if (quoted && i < chars.length) i++;
    if (!negated && field === undefined && !quoted && text === 'OR') {
      items.push({ kind: 'or' });
      continue;
    }
    const source = chars.slice(negated ? start + 1 : start, i).join('').trim();
    const chunk: Chunk = { kind: 'term', negated, text, quoted, source };
    if (field !== undefined) chunk.field = field;
    items.push(chunk);
  }
  return items;
}

function toTerm(chunk: Chunk): SearchTerm | null {
  const tokens = searchWords(chunk.text);
  if (tokens.length === 0) return null;
  const term: SearchTerm = { kind: 'term', tokens, phrase: chunk.quoted || tokens.length > 1, source: chunk.source };
  if (chunk.field !== undefined) term.field = chunk.field;
  return term;
}

/** Parses `q`; throws Invalid (details `{ q }`) when nothing is left to look for or it is too long. */
export function parseSearchText(text: string): SearchExpr {
  const all: Array<SearchTerm[]> = [];
  const none: SearchTerm[] = [];
  // An OR seen since the last kept term: the next term joins the last clause.
  let pendingOr = false;
  let lastNegated: Chunk | null = null;
  let count = 0;
  for (const item of scan(text)) {
    if (item.kind === 'or') {
      if (lastNegated) invalidParam('q', `"-${lastNegated.source}" excludes a term, so it cannot be one side of OR`);
      pendingOr = all.length > 0;
      continue;
    }
    const term = toTerm(item);
    // Punctuation alone ("!!!", a lone "-") holds nothing to look for.
    if (!term) continue;
    count++;
    if (item.negated) {
      if (pendingOr) invalidParam('q', `"-${item.source}" excludes a term, so it cannot be one side of OR`);
      none.push(term);
      lastNegated = item;
      continue;
    }
    const last = all[all.length - 1];
    if (pendingOr && last) last.push(term);
    else all.push([term]);
    pendingOr = false;
    lastNegated = null;
  }
  if (count > MAX_SEARCH_TERMS) invalidParam('q', `has ${count} words and phrases; a search can hold at most ${MAX_SEARCH_TERMS}`);
  if (all.length === 0) {
    const why = none.length > 0 ? 'exclusions (-word) only narrow a search down' : 'punctuation alone is not searched';
    invalidParam('q', `the search needs at least one word to look for; ${why}`);
  }
  return { all, none };
}
