// Text analysis shared by both full-text engines: the tokens a work is indexed under and the
// tokens a query looks for come from the same functions, in JavaScript, so SQLite FTS5 and
// PostgreSQL see identical tokens and neither depends on its own parser, locale or dictionaries.
//
// A token is a word folded by domain/tag-search.ts (`searchWords`: lower case, no diacritics,
// apostrophes dropped, each Han/Hiragana/Katakana character a word of its own, which is how CJK
// text is found by any substring: a run of characters becomes a phrase of one-character tokens),
// then stemmed (stem.ts). There are no stop words: "the" is a word like any other, which keeps
// phrases such as "the lord of the rings" exact on both engines.
import { Parser } from 'htmlparser2';
import { searchWords } from '../../domain/tag-search.ts';
import type { SearchExpr, SearchField } from '../../domain/search-syntax.ts';
import { stem } from './stem.ts';

/** The index's columns (FTS5 columns; PostgreSQL weight classes, postgres-tsvector.ts). */
export const INDEX_FIELDS = ['title', 'summary', 'notes', 'tags', 'creators', 'body'] as const;
export type IndexField = (typeof INDEX_FIELDS)[number];

export const FIELD_FOR: Readonly<Record<SearchField, IndexField>> = {
  title: 'title', summary: 'summary', notes: 'notes', tag: 'tags', creator: 'creators', body: 'body',
};

/**
 * Longest token kept, in code points. Scripts written without spaces other than CJK (Thai, Lao…)
 * fold into one long "word" per run; cutting keeps such tokens under PostgreSQL's 2 KB lexeme
 * limit, and queries are cut the same way, so a long word still matches itself.
 */
export const MAX_TOKEN_CHARS = 60;

export function indexToken(word: string): string {
  const stemmed = stem(word);
  return stemmed.length <= MAX_TOKEN_CHARS ? stemmed : Array.from(stemmed).slice(0, MAX_TOKEN_CHARS).join('');
}

// Tokenizing is the hot path of indexing and of snippets, so it walks the text's characters once.
// Text is taken a whitespace-separated chunk at a time: a chunk of ASCII and common typographic
// punctuation (most English prose) is split right here, anything else goes through searchWords.
// Folding never joins characters across whitespace, so the tokens are exactly searchWords(text)'s.
//
// In a plain chunk a word starts at a letter or digit and runs on through apostrophes (' and ’,
// which searchWords drops inside a word); every other character separates.
const isAlnum = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
const isAsciiSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);
// ‘ ’ “ ” – — … fold to nothing that is part of a word, except ’, an apostrophe.
const isPlainPunctuation = (c: number) => (c >= 0x2018 && c <= 0x201d) || c === 0x2013 || c === 0x2014 || c === 0x2026;
const APOSTROPHES = /['\u2019]/g;
// Where searchWords is needed: runs that may hold words, and the CJK characters that are words alone.
const RUN = /[\p{L}\p{N}\p{M}'’ʼ＇]+/gu;
const ONE_CHAR_WORD = /(?=[\p{L}\p{N}])[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}]/u;

/** Receives each token with the range of text it came from; returning true stops the scan. */
export type Emit = (token: string, start: number, end: number) => boolean | void;

/** Words of a chunk searchWords must fold, each with the part of the chunk it came from. */
function slowChunk(chunk: string, base: number, emit: Emit): boolean {
  const words = searchWords(chunk);
  const located: Array<[string, number, number]> = [];
  for (const match of chunk.matchAll(RUN)) {
    const run = match[0];
    let pending = '';
    let pendingAt = match.index;
    let at = match.index;
    for (const char of run) {
      if (ONE_CHAR_WORD.test(char)) {
        if (pending !== '') for (const w of searchWords(pending)) located.push([w, pendingAt, at]);
        pending = '';
        for (const w of searchWords(char)) located.push([w, at, at + char.length]);
      } else {
        if (pending === '') pendingAt = at;
        pending += char;
      }
      at += char.length;
    }
    if (pending !== '') for (const w of searchWords(pending)) located.push([w, pendingAt, at]);
  }
  // Symbols that fold into letters ("™" → tm) are words only to searchWords; then the chunk's
  // words are kept exactly and each is placed on the whole chunk.
  const exact = located.length === words.length && located.every(([w], i) => w === words[i]);
  const placed: Array<[string, number, number]> = exact ? located : words.map((w) => [w, 0, chunk.length]);
  for (const [w, start, end] of placed) if (emit(indexToken(w), base + start, base + end) === true) return true;
  return false;
}

// Prose repeats its words: the token of each raw word form ("Running", "dragon’s") is cached.
const RAW_CACHE_LIMIT = 100_000;
const rawTokens = new Map<string, string>();

function plainToken(raw: string): string {
  let token = rawTokens.get(raw);
  if (token === undefined) {
    token = indexToken((raw.includes("'") || raw.includes('\u2019') ? raw.replace(APOSTROPHES, '') : raw).toLowerCase());
    if (rawTokens.size >= RAW_CACHE_LIMIT) rawTokens.clear();
    rawTokens.set(raw, token);
  }
  return token;
}

/** Calls `emit` with each index token of plain text and where it came from, in order. */
export function scanTokens(text: string, emit: Emit): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (isAsciiSpace(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const chunkStart = i;
    let plain = true;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (isAsciiSpace(c)) break;
      if (c > 0x7e && !isPlainPunctuation(c)) plain = false;
    }
    if (!plain) {
      if (slowChunk(text.slice(chunkStart, i), chunkStart, emit)) return;
      continue;
    }
    for (let k = chunkStart; k < i; ) {
      if (!isAlnum(text.charCodeAt(k))) {
        k++;
        continue;
      }
      const start = k++;
      for (; k < i; k++) {
        const c = text.charCodeAt(k);
        if (!(isAlnum(c) || c === 39 || c === 0x2019)) break;
      }
      if (emit(plainToken(text.slice(start, k)), start, k) === true) return;
    }
  }
}

/** The index tokens of plain text, in order: searchWords(text), stemmed. */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  scanTokens(text, (token) => void tokens.push(token));
  return tokens;
}

// Elements after which text does not run on: "<p>end</p><p>start</p>" is two words, not one.
const BREAKS = new Set([
  'p', 'div', 'br', 'hr', 'blockquote', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'pre', 'table', 'tr', 'td', 'th', 'caption', 'center', 'details', 'summary', 'figure', 'figcaption', 'address', 'img',
]);

/** A streaming parser that hands `out` the text of sanitized HTML, with a line break at each block's ends. */
function textParser(out: (text: string) => void): Parser {
  return new Parser(
    {
      ontext: out,
      onopentag: (name) => void (BREAKS.has(name) && out('\n')),
      onclosetag: (name) => void (BREAKS.has(name) && out('\n')),
    },
    { decodeEntities: true },
  );
}

/**
 * The text of sanitized HTML (entities decoded), with a line break wherever a block ends, for
 * tokenizing and for snippets. htmlparser2's streaming parser: no tree is built.
 */
export function htmlText(html: string): string {
  if (!html.includes('<') && !html.includes('&')) return html;
  const out: string[] = [];
  const parser = textParser((text) => void out.push(text));
  parser.write(html);
  parser.end();
  return out.join('');
}

/**
 * htmlText a piece at a time, for readers that may stop early (snippets): `take` gets the text of
 * each `chunk` characters of HTML in turn (`last` with the final piece) and returns true to stop.
 * A piece may end inside a word; the next piece continues it.
 */
export function htmlTextInPieces(html: string, chunk: number, take: (text: string, last: boolean) => boolean): void {
  const out: string[] = [];
  const parser = textParser((text) => void out.push(text));
  for (let at = 0; at < html.length; at += chunk) {
    const last = at + chunk >= html.length;
    parser.write(html.slice(at, at + chunk));
    if (last) parser.end();
    const stop = take(out.join(''), last);
    out.length = 0;
    if (stop) return;
  }
}

/**
 * A work as the index sees it: per field, a list of values (each tag, each creator, each chapter
 * is one value), each a list of tokens. Engines keep values apart so that a phrase never matches
 * across two tags or from the end of one chapter into the next.
 */
export interface IndexDocument {
  workId: number;
  fields: Record<IndexField, string[][]>;
}

export interface DocumentSource {
  workId: number;
  title: string;
  summary: string;
  notes: string;
  endNotes: string;
  tags: readonly string[];
  creators: readonly string[];
  chapters: ReadonlyArray<{ title: string; summary: string; notes: string; endNotes: string; content: string }>;
}

const nonEmpty = (values: string[][]): string[][] => values.filter((v) => v.length > 0);

/**
 * Title, tags and creators are plain text; summary, notes and chapters sanitized HTML. Chapter
 * summaries and notes count as notes; chapter titles as chapter text.
 */
export function buildDocument(source: DocumentSource): IndexDocument {
  const html = (value: string) => tokenize(htmlText(value));
  return {
    workId: source.workId,
    fields: {
      title: nonEmpty([tokenize(source.title)]),
      summary: nonEmpty([html(source.summary)]),
      notes: nonEmpty([
        html(source.notes),
        html(source.endNotes),
        ...source.chapters.flatMap((c) => [html(c.summary), html(c.notes), html(c.endNotes)]),
      ]),
      tags: nonEmpty(source.tags.map(tokenize)),
      creators: nonEmpty(source.creators.map(tokenize)),
      body: nonEmpty(source.chapters.flatMap((c) => [tokenize(c.title), html(c.content)])),
    },
  };
}

/** A query term ready for an engine: its index tokens (several: adjacent, in order) and field. */
export interface QueryTerm {
  tokens: string[];
  field: IndexField | null;
}

/** A SearchExpr in index tokens: AND of OR-clauses, minus any `none` term. */
export interface CompiledQuery {
  all: QueryTerm[][];
  none: QueryTerm[];
}

function compileTerm(term: SearchExpr['none'][number]): QueryTerm | null {
  // The parser already folds; folding again is harmless and keeps a hand-built term honest.
  const tokens = term.tokens.flatMap((t) => searchWords(t)).map(indexToken);
  if (tokens.length === 0) return null;
  return { tokens, field: term.field ? FIELD_FOR[term.field] : null };
}

/**
 * The expression in index tokens, or null when nothing positive is left to look for (an empty
 * query, or only exclusions): the caller then has no text condition at all.
 *
 * A term of several tokens is always matched as a phrase, quoted or not: such a term is a CJK run
 * or a word the folding split ("x-ray" → x ray), and both mean those tokens in that order.
 */
export function compileQuery(expr: SearchExpr): CompiledQuery | null {
  const all = expr.all
    .map((clause) => clause.map(compileTerm).filter((t): t is QueryTerm => t !== null))
    .filter((clause) => clause.length > 0);
  if (all.length === 0) return null;
  const none = expr.none.map(compileTerm).filter((t): t is QueryTerm => t !== null);
  return { all, none };
}

/** Every positive term, once each (for ranking and highlighting). */
export function positiveTerms(query: CompiledQuery): QueryTerm[] {
  const seen = new Set<string>();
  const terms: QueryTerm[] = [];
  for (const term of query.all.flat()) {
    const key = `${term.field ?? ''}:${term.tokens.join(' ')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    terms.push(term);
  }
  return terms;
}
