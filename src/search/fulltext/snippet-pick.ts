// Which chapter of each shown work a snippet comes from, reading as little chapter HTML as it can:
// parsing and tokenizing text is most of what snippets cost (about 25 ms a megabyte).
//
// - Chapters are read in order, each as a stream that stops a passage's length after the last
//   term appears (snippet.ts TextScanner), and a work stops at the first chapter holding every
//   term it can hold.
// - A first round reads at most FIRST_ROUND_BYTES of each work. Works it leaves unsatisfied are
//   looked up in the index: which terms does their chapter text hold at all? A work matched by its
//   title, tags or summary alone stops there (its snippet comes from the summary); the others read
//   on, up to SNIPPET_BYTES_PER_WORK (a work longer than that falls back to its summary when its
//   match lies further on), while the whole page stays under SNIPPET_BYTES_PER_PAGE.
//
// Budgets count characters of HTML as read.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { loadChapterContents, type SnippetChapterInfo, type SnippetWork } from '../../db/repos/search-documents.repo.ts';
import { htmlTextInPieces, type QueryTerm } from './analyze.ts';
import { matchQuality, TextScanner, type PreparedText } from './snippet.ts';

/**
 * Enough for a common word's first passage; a rarer one, or one that only the title holds, needs
 * the index's answer (a lookup costs about what reading a few kilobytes does).
 */
const FIRST_ROUND_BYTES = 8_192;
export const SNIPPET_BYTES_PER_WORK = 256_000;
const SNIPPET_BYTES_PER_PAGE = 1_000_000;
/** HTML handed to the parser at a time: small enough that a stop wastes little. */
const PIECE = 2_048;

export interface Candidate {
  chapterId: number;
  position: number;
  prepared: PreparedText;
}

export interface Pick {
  /** The chapter with the most distinct terms (then most matches; the earliest on a tie). */
  best: Candidate | null;
  /** The first chapter, for works whose match is elsewhere and that have no summary. */
  first: Candidate | null;
  /** The next chapter to read (one cut short by a budget is read again from its start). */
  next: number;
  bytes: number;
  /** How many distinct terms the work's chapter text can show (all, until the index says). */
  wanted: number;
  done: boolean;
}

interface PageBudget {
  bytes: number;
}

/** For each term, those of `workIds` whose chapter text (as the index has it) may hold it. */
export type BodyHolders = (terms: readonly QueryTerm[], workIds: readonly number[]) => Promise<Array<Set<number>>>;

/**
 * The chapters snippets come from, for works whose chapter text may hold `terms` (with no terms:
 * the opening of the first chapter).
 */
export async function pickChapters(db: Kysely<Database>, works: readonly SnippetWork[], terms: readonly QueryTerm[], bodyHolders: BodyHolders): Promise<Map<number, Pick>> {
  const picks = new Map<number, Pick>(works.map((w) => [w.workId, { best: null, first: null, next: 0, bytes: 0, wanted: terms.length, done: w.chapters.length === 0 }]));
  const page: PageBudget = { bytes: SNIPPET_BYTES_PER_PAGE };
  await readRound(db, works, picks, terms, terms.length > 0 ? FIRST_ROUND_BYTES : 1, page);
  if (terms.length === 0) return picks;
  const open = works.filter((w) => !picks.get(w.workId)!.done && picks.get(w.workId)!.next < w.chapters.length);
  if (open.length === 0) return picks;
  const holders = await bodyHolders(terms, open.map((w) => w.workId));
  for (const work of open) {
    const pick = picks.get(work.workId)!;
    pick.wanted = holders.filter((h) => h.has(work.workId)).length;
    if ((pick.best?.prepared.info.distinct ?? 0) >= pick.wanted) pick.done = true;
  }
  await readRound(db, open, picks, terms, SNIPPET_BYTES_PER_WORK, page);
  return picks;
}

/** Reads on in each work that is not done, up to `perWork` characters of HTML read in all. */
async function readRound(db: Kysely<Database>, works: readonly SnippetWork[], picks: Map<number, Pick>, terms: readonly QueryTerm[], perWork: number, page: PageBudget): Promise<void> {
  const toLoad: SnippetChapterInfo[] = [];
  let planned = 0;
  for (const work of works) {
    const pick = picks.get(work.workId)!;
    let bytes = pick.bytes;
    for (let k = pick.next; !pick.done && k < work.chapters.length && bytes < perWork && planned < page.bytes; k++) {
      const chapter = work.chapters[k]!;
      toLoad.push(chapter);
      const reading = Math.min(chapter.length, perWork - bytes);
      bytes += reading;
      planned += reading;
    }
  }
  if (toLoad.length === 0) return;
  const contents = await loadChapterContents(db, toLoad.map((c) => c.chapterId));
  for (const chapter of toLoad) {
    const pick = picks.get(chapter.workId)!;
    const room = Math.min(perWork - pick.bytes, page.bytes);
    if (pick.done || room <= 0 || chapter.position - 1 !== pick.next) continue;
    const { candidate, bytes, whole } = readChapter(chapter, contents.get(chapter.chapterId) ?? '', terms, room);
    pick.bytes += bytes;
    page.bytes -= bytes;
    pick.first ??= candidate;
    const info = candidate.prepared.info;
    if (info.distinct > 0 && (!pick.best || matchQuality(info) > matchQuality(pick.best.prepared.info))) pick.best = candidate;
    if (whole) pick.next++;
    if (terms.length > 0 && info.distinct >= pick.wanted) pick.done = true;
  }
}

/** One chapter, read as a stream until every term is seen (and a passage after) or `room` runs out. */
function readChapter(chapter: SnippetChapterInfo, html: string, terms: readonly QueryTerm[], room: number): { candidate: Candidate; bytes: number; whole: boolean } {
  const scanner = new TextScanner(terms, true);
  let bytes = 0;
  let whole = html.length === 0;
  htmlTextInPieces(html, PIECE, (text, last) => {
    bytes = Math.min(html.length, bytes + PIECE);
    scanner.push(text, last);
    whole = last;
    return scanner.stopped || bytes >= room;
  });
  return { candidate: { chapterId: chapter.chapterId, position: chapter.position, prepared: scanner.prepared() }, bytes, whole };
}
