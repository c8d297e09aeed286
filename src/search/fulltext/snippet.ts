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
  text: string;
  tokens: Span[];
  hits: Hit[];
  info: TextMatchInfo;
}

/**
 * Finds the terms in a text as it is tokenized. With `stopWhenComplete`, stops a passage's length
 * after every term has been seen: a long chapter costs only what precedes its first full passage.
 */
export function prepareText(text: string, terms: readonly QueryTerm[], stopWhenComplete = false): PreparedText {
  const tokens: Span[] = [];
  const hits: Hit[] = [];
  const seen = new Set<number>();
  let stopAfter = Infinity;
  scanTokens(text, (token, start, end) => {
    if (start > stopAfter) return true;
    tokens.push({ token, start, end });
    const last = tokens.length - 1;
    // A term matches where its last token is this one and the tokens before it precede it.
    terms.forEach((term, index) => {
      const n = term.tokens.length;
      if (term.tokens[n - 1] !== token || last + 1 < n) return;
      for (let k = 0; k < n - 1; k++) if (tokens[last - n + 1 + k]!.token !== term.tokens[k]) return;
      hits.push({ term: index, start: tokens[last - n + 1]!.start, end });
      if (!seen.has(index)) {
        seen.add(index);
        if (stopWhenComplete && seen.size === terms.length) stopAfter = end + 2 * SNIPPET_CHARS;
      }
    });
  });
  return { text, tokens, hits, info: { distinct: seen.size, count: hits.length } };
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
  if (to < text.trimEnd().length) html = `${html}…`;
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
