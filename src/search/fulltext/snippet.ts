// Highlighted passages for search results, built in JavaScript from a chapter's (or the summary's)
// own text with the analysis the index used (analyze.ts), so what is marked is what matched, on
// both engines. The output is escaped text; the only markup added is <mark>…</mark>.
import { escapeHtml } from '../../domain/escape-html.ts';
import { scanTokens, type QueryTerm } from './analyze.ts';

/** About this many characters of text around the best group of matches. */
export const SNIPPET_CHARS = 240;
/** Text kept before the first match of the passage, so it does not start on the marked word. */
const LEAD_CHARS = 60;
/** Candidate passages considered per text (each starts at a match). */
const MAX_ANCHORS = 300;

interface Span {
  token: string;
  start: number;
  end: number;
}

interface Hit {
  term: number;
  start: number;
  end: number;
}

export interface TextMatchInfo {
  /** Distinct terms found. */
  distinct: number;
  /** All occurrences. */
  count: number;
}

export interface PreparedText {
  /** The text read; with `cut`, only the start of it (the reader stopped early). */
  text: string;
  cut?: boolean;
  tokens: Span[];
  hits: Hit[];
  info: TextMatchInfo;
}

const isAsciiSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);
/** Outside what analyze.ts tokenizes as plain text (ASCII and common typographic punctuation). */
const NOT_PLAIN = /[^\t\n\v\f\r\x20-\x7e\u2018-\u201d\u2013\u2014\u2026]/;
const APOSTROPHES = /['\u2019]/g;
const PLAIN_TOKEN = /^[a-z0-9]+$/;

/** The first offset at or after `at` (and at most `limit`) where a whitespace-separated chunk starts. */
function chunkStart(text: string, at: number, limit: number): number {
  let i = Math.max(0, at);
  while (i < limit && i > 0 && !isAsciiSpace(text.charCodeAt(i - 1))) i++;
  return Math.min(i, limit);
}

/**
 * How far before a stretch of text a phrase ending in it is looked for (its first words; words
 * kept further apart than this by runs of punctuation are not found across a skipped stretch).
 */
const PHRASE_REACH = 200;

/**
 * For each term, what every word holding one of its tokens contains, in plain text folded as
 * analyze.ts folds it (lower case, apostrophes dropped): each token but its last two characters.
 * A Porter stem differs from its word only in the last letter it may have rewritten ("happy" →
 * "happi", "filing" → "file"). Null when a token is not plain a–z and digits: other scripts fold
 * in ways a substring test cannot follow.
 */
function tokenPrefixes(terms: readonly QueryTerm[]): string[][] | null {
  const tokens = terms.flatMap((t) => t.tokens);
  if (tokens.length === 0 || !tokens.every((t) => PLAIN_TOKEN.test(t))) return null;
  return terms.map((term) => term.tokens.map((t) => t.slice(0, Math.max(1, t.length - 2))));
}

/**
 * Finds the terms in a text as it is tokenized, the text arriving in pieces (from an HTML parser
 * that may be stopped). With `stopWhenComplete`, it stops a passage's length after every term
 * has been seen (at once when there are no terms): a long chapter costs only what precedes its
 * first full passage.
 *
 * Also with `stopWhenComplete`, stretches of plain text that cannot hold any of the terms (no
 * word in them contains a term's tokens' prefixes, tokenPrefixes) are not tokenized at all: a
 * substring test costs a small fraction of tokenizing, and a rare word is often far into a
 * chapter. The tokens a passage needs around its matches are kept: a passage's length before
 * text that follows a skipped stretch, and after the last match.
 */
export class TextScanner {
  readonly #terms: readonly QueryTerm[];
  /** The tokens a term can end on: most tokens are none of them, and cost one lookup. */
  readonly #ends: ReadonlySet<string>;
  readonly #tokens: Span[] = [];
  readonly #hits: Hit[] = [];
  readonly #seen = new Set<number>();
  readonly #stopWhenComplete: boolean;
  #text = '';
  /** Text before this offset is tokenized. */
  #scanned = 0;
  #stopAfter = Infinity;
  #stopped = false;
  #ended = false;
  readonly #prefixes: readonly string[][] | null;
  /** Where the last tokenized stretch ends (text up to #scanned after it was skipped). */
  #tokenized = 0;

  constructor(terms: readonly QueryTerm[], stopWhenComplete = false) {
    this.#terms = terms;
    this.#ends = new Set(terms.map((t) => t.tokens[t.tokens.length - 1]!));
    this.#stopWhenComplete = stopWhenComplete;
    if (stopWhenComplete && terms.length === 0) this.#stopAfter = 2 * SNIPPET_CHARS;
    this.#prefixes = stopWhenComplete ? tokenPrefixes(terms) : null;
  }

  /** Nothing more is needed: every term was seen and a passage's worth of text after it. */
  get stopped(): boolean {
    return this.#stopped;
  }

  get info(): TextMatchInfo {
    return { distinct: this.#seen.size, count: this.#hits.length };
  }

  /** Adds text; `last` says no more follows (until then, a word at the end may continue). */
  push(piece: string, last = false): void {
    this.#text += piece;
    if (last) this.#ended = true;
    if (this.#stopped) return;
    // Tokens never span ASCII whitespace (analyze.ts scanTokens), so the text up to the last such
    // character can be tokenized now, exactly as the whole text would be.
    let end = this.#text.length;
    if (!last) while (end > this.#scanned && !isAsciiSpace(this.#text.charCodeAt(end - 1))) end--;
    if (end <= this.#scanned) return;
    this.#scan(this.#scanned, end);
    this.#scanned = end;
  }

  /** Text [from, end), which starts a chunk and ends before one. */
  #scan(from: number, end: number): void {
    while (this.#prefixes && from < end && !this.#stopped) {
      // Tokens are kept for a passage's length after the last match, for the passage to end on,
      // and at the start (a text without matches shows its opening).
      const lastHit = this.#hits[this.#hits.length - 1];
      const keep = Math.max(2 * SNIPPET_CHARS, lastHit ? lastHit.end + 2 * SNIPPET_CHARS : 0);
      const skipFrom = chunkStart(this.#text, Math.max(from, keep), end);
      if (skipFrom > from) {
        // Tokenized, and then looked at again: it may have brought a match, and more to keep.
        this.#tokenize(from, skipFrom);
        from = skipFrom;
      } else if (this.#skippable(from, end)) {
        // Every term seen and the passage after it tokenized: nothing more is wanted.
        if (this.#seen.size === this.#terms.length) this.#stopped = true;
        return;
      } else {
        break;
      }
    }
    if (from < end && !this.#stopped) this.#tokenize(from, end);
  }

  #tokenize(from: number, end: number): void {
    if (from > this.#tokenized) {
      // After a skipped stretch: a passage's length of it for a match's passage (and a phrase's
      // first words, PHRASE_REACH) to start in, and an empty token that keeps a phrase from
      // joining words on either side of the gap.
      from = chunkStart(this.#text, Math.max(this.#tokenized, from - 2 * SNIPPET_CHARS), from);
      if (from > this.#tokenized) this.#tokens.push({ token: '', start: from, end: from });
    }
    scanTokens(this.#text.slice(from, end), (token, start, stop) => this.#token(token, from + start, from + stop));
    this.#tokenized = end;
  }

  /**
   * No term can end in text [from, end): it is plain text, and of each term the last token's
   * prefix is missing from it, or another token's from it and the text just before.
   */
  #skippable(from: number, end: number): boolean {
    const text = this.#text.slice(from, end);
    if (NOT_PLAIN.test(text)) return false;
    const fold = (t: string) => t.toLowerCase().replace(APOSTROPHES, '');
    const folded = fold(text);
    const reach = `${fold(this.#text.slice(Math.max(0, from - PHRASE_REACH), from))} ${folded}`;
    return !this.#prefixes!.some((prefixes) => folded.includes(prefixes[prefixes.length - 1]!) && prefixes.every((p) => reach.includes(p)));
  }

  prepared(): PreparedText {
    return { text: this.#text, cut: !this.#ended, tokens: this.#tokens, hits: this.#hits, info: this.info };
  }

  #token(token: string, start: number, end: number): boolean {
    if (start > this.#stopAfter) return (this.#stopped = true);
    const tokens = this.#tokens;
    tokens.push({ token, start, end });
    if (!this.#ends.has(token)) return false;
    const last = tokens.length - 1;
    // A term matches where its last token is this one and the tokens before it precede it.
    this.#terms.forEach((term, index) => {
      const n = term.tokens.length;
      if (term.tokens[n - 1] !== token || last + 1 < n) return;
      for (let k = 0; k < n - 1; k++) if (tokens[last - n + 1 + k]!.token !== term.tokens[k]) return;
      this.#hits.push({ term: index, start: tokens[last - n + 1]!.start, end });
      if (!this.#seen.has(index)) {
        this.#seen.add(index);
        if (this.#stopWhenComplete && this.#seen.size === this.#terms.length) this.#stopAfter = end + 2 * SNIPPET_CHARS;
      }
    });
    return false;
  }
}

/** Finds the terms in a whole text (TextScanner, all at once). */
export function prepareText(text: string, terms: readonly QueryTerm[], stopWhenComplete = false): PreparedText {
  const scanner = new TextScanner(terms, stopWhenComplete);
  scanner.push(text, true);
  return scanner.prepared();
}

/** Higher is a better passage source: more distinct terms first, then more occurrences. */
export function matchQuality(info: TextMatchInfo): number {
  return info.distinct * 1_000_000 + info.count;
}

/** The passage with the most distinct terms (then the most matches), escaped, matches marked. */
export function renderSnippet(prepared: PreparedText): string {
  const { text, tokens, hits } = prepared;
  let from = 0;
  if (hits.length > 0) {
    let best = { distinct: -1, count: -1, start: 0 };
    for (const anchor of hits.slice(0, MAX_ANCHORS)) {
      const start = Math.max(0, anchor.start - LEAD_CHARS);
      const inside = hits.filter((h) => h.start >= start && h.end <= start + SNIPPET_CHARS);
      const distinct = new Set(inside.map((h) => h.term)).size;
      if (distinct > best.distinct || (distinct === best.distinct && inside.length > best.count)) best = { distinct, count: inside.length, start };
    }
    from = best.start;
  }
  // Never cut a word: start at a token's start, end at a token's end.
  if (from > 0) from = tokens.find((t) => t.start >= from)?.start ?? from;
  let to = Math.min(text.length, from + SNIPPET_CHARS);
  if (to < text.length) {
    const last = tokens.findLast((t) => t.end <= to && t.start >= from);
    if (last) to = last.end;
  }

  const marks = mergeRanges(hits.filter((h) => h.start >= from && h.end <= to));
  let html = '';
  let at = from;
  const plain = (s: string) => escapeHtml(s.replace(/\s+/g, ' '));
  for (const [start, end] of marks) {
    html += `${plain(text.slice(at, start))}<mark>${plain(text.slice(start, end))}</mark>`;
    at = end;
  }
  html += plain(text.slice(at, to));
  html = html.trim();
  if (from > 0) html = `…${html}`;
  if (to < text.trimEnd().length || prepared.cut) html = `${html}…`;
  return html;
}

/** Overlapping or touching hits become one marked range ("<mark>red dragon</mark>"). */
function mergeRanges(hits: readonly Hit[]): Array<[number, number]> {
  const sorted = [...hits].sort((a, b) => a.start - b.start || b.end - a.end);
  const ranges: Array<[number, number]> = [];
  for (const { start, end } of sorted) {
    const last = ranges[ranges.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else ranges.push([start, end]);
  }
  return ranges;
}
